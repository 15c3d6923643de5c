import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue';

/** A promise the test settles by hand. */
function gate(): { promise: Promise<void>; open(): void; fail(): void } {
  let open!: () => void;
  let fail!: () => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = () => reject(new Error('failed'));
  });
  return { promise, open, fail };
}

describe('KeyedQueue', () => {
  it('runs one key’s tasks one at a time, in order, after failures too, and other keys beside them', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const first = gate();
    const a1 = queue.run('a', async () => {
      log.push('a1 start');
      await first.promise;
      log.push('a1 end');
    });
    const a2 = queue.run('a', async () => void log.push('a2'));
    const b1 = queue.run('b', async () => void log.push('b1'));
    await b1;
    expect(log).toEqual(['a1 start', 'b1']);
    first.fail();
    await expect(a1).rejects.toThrow('failed');
    await a2;
    expect(log).toEqual(['a1 start', 'b1', 'a2']);
  });

  it('answers what each task answers', async () => {
    const queue = new KeyedQueue();
    expect(await Promise.all([queue.run('k', async () => 1), queue.run('k', async () => 2)])).toEqual([1, 2]);
  });
});
