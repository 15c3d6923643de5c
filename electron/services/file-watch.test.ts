import { stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errnoError, faultyFileSystem, type FaultyFileSystem } from './fault-fs';
import { FileWatch, fingerprintOf, sha256, type ExternalState, type Scheduler } from './file-watch';
import { tempDirEach } from './test-dir';

const temp = tempDirEach('lectern-watch-');
let file: string;
let fs: FaultyFileSystem;

beforeEach(async () => {
  file = path.join(temp.path, '讲话.speech');
  await writeFile(file, '原稿内容');
  fs = faultyFileSystem({});
});

/** A watch on `file` as it is now. */
async function watching(schedule?: Scheduler): Promise<FileWatch> {
  const watch = new FileWatch({ fs, schedule });
  expect(await watch.rememberFromDisk('doc', file)).toBe(true);
  return watch;
}

const reads = () => fs.ops.filter((op) => op === 'read 讲话.speech').length;

describe('fingerprints', () => {
  it('hold the UTF-8 size, the mtime and the SHA-256', () => {
    expect(fingerprintOf('讲话', 5)).toEqual({ size: 6, mtimeMs: 5, sha256: sha256(Buffer.from('讲话')) });
    expect(fingerprintOf(Buffer.from('讲话'), 5)).toEqual(fingerprintOf('讲话', 5));
  });
});

describe('check', () => {
  it('answers unchanged for a file as remembered, without reading it on a quick check', async () => {
    const watch = await watching();
    const before = reads();
    expect(await watch.check('doc')).toBe('unchanged');
    expect(reads()).toBe(before);
    expect(await watch.check('doc', { deep: true })).toBe('unchanged');
  });

  it('answers changed when another program wrote different bytes', async () => {
    const watch = await watching();
    await writeFile(file, '别人改过的内容，更长');
    expect(await watch.check('doc')).toBe('changed');
    expect(await watch.check('doc', { deep: true })).toBe('changed');
  });

  it('finds a same-size edit with the old mtime restored only on a deep check (the one saving uses)', async () => {
    const then = new Date('2026-01-01T00:00:00Z');
    await utimes(file, then, then);
    const watch = await watching();
    await writeFile(file, '原稿内谷');
    await utimes(file, then, then);
    expect(await watch.check('doc')).toBe('unchanged');
    expect(await watch.check('doc', { deep: true })).toBe('changed');
  });

  it('takes a touch (new mtime, same bytes) as unchanged, and remembers the new mtime', async () => {
    const watch = await watching();
    await utimes(file, new Date(), new Date(Date.now() + 60_000));
    expect(await watch.check('doc')).toBe('unchanged');
    const before = reads();
    expect(await watch.check('doc')).toBe('unchanged');
    expect(reads()).toBe(before);
  });

  it('answers deleted when the file is gone, and changed when it cannot be looked at', async () => {
    const watch = await watching();
    await unlink(file);
    expect(await watch.check('doc')).toBe('deleted');
    await writeFile(file, '原稿内容');
    Object.assign(fs, { stat: async () => Promise.reject(errnoError('EACCES')) });
    expect(await watch.check('doc')).toBe('changed');
  });

  it('answers undefined for a document with nothing remembered, and after forget', async () => {
    const watch = await watching();
    expect(await watch.check('other')).toBeUndefined();
    watch.forget('doc');
    expect(await watch.check('doc')).toBeUndefined();
    expect(await watch.rememberFromDisk('gone', path.join(temp.path, 'none.speech'))).toBe(false);
    expect(watch.fingerprint('gone')).toBeUndefined();
  });

  it('checks against a fingerprint remembered after a save', async () => {
    const watch = new FileWatch({ fs });
    await writeFile(file, '保存的内容');
    watch.remember('doc', file, fingerprintOf('保存的内容', (await stat(file)).mtimeMs));
    expect(await watch.check('doc', { deep: true })).toBe('unchanged');
    watch.remember('doc', file, fingerprintOf('别的内容', (await stat(file)).mtimeMs));
    expect(await watch.check('doc', { deep: true })).toBe('changed');
  });
});

describe('watch', () => {
  function manualScheduler() {
    const ticks: Array<() => void> = [];
    let stopped = 0;
    const schedule: Scheduler = (tick, ms) => {
      expect(ms).toBe(2000);
      ticks.push(tick);
      return () => void stopped++;
    };
    return { schedule, tick: () => ticks.at(-1)!(), stopped: () => stopped, count: () => ticks.length };
  }

  it('reports each move of the file state once, not on every tick', async () => {
    const clock = manualScheduler();
    const watch = await watching(clock.schedule);
    const changes: ExternalState[] = [];
    watch.watch('doc', (state) => changes.push(state));
    clock.tick();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(changes).toEqual([]);
    await writeFile(file, '别人改过的内容，更长');
    clock.tick();
    await vi.waitFor(() => expect(changes).toEqual(['changed']));
    clock.tick();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(changes).toEqual(['changed']);
    await unlink(file);
    clock.tick();
    await vi.waitFor(() => expect(changes).toEqual(['changed', 'deleted']));
    await writeFile(file, '重新保存');
    await watch.rememberFromDisk('doc', file);
    clock.tick();
    await vi.waitFor(() => expect(changes).toEqual(['changed', 'deleted', 'unchanged']));
  });

  it('stops when asked, when the document is forgotten, and when watched again', async () => {
    const clock = manualScheduler();
    const watch = await watching(clock.schedule);
    const stop = watch.watch('doc', () => undefined);
    stop();
    expect(clock.stopped()).toBe(1);
    watch.watch('doc', () => undefined);
    watch.watch('doc', () => undefined);
    expect(clock.stopped()).toBe(2);
    watch.forget('doc');
    expect(clock.stopped()).toBe(3);
    // A stale stop does not stop a newer watcher.
    const old = watch.watch('doc', () => undefined);
    watch.watch('doc', () => undefined);
    old();
    expect(clock.stopped()).toBe(4);
  });

  it('polls with a real timer that does not keep the process alive', async () => {
    vi.useFakeTimers();
    try {
      const watch = await watching();
      const changes: ExternalState[] = [];
      const stop = watch.watch('doc', (state) => changes.push(state), 100);
      await writeFile(file, '别人改过的内容，更长');
      await vi.advanceTimersByTimeAsync(100);
      vi.useRealTimers();
      await vi.waitFor(() => expect(changes).toEqual(['changed']));
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
