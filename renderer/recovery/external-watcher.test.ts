import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExternalWatcher } from './external-watcher';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ExternalWatcher', () => {
  it('asks every few seconds and reports each move once', async () => {
    const answers = ['unchanged', 'changed', 'changed', 'deleted', 'unchanged'] as const;
    const asked: string[] = [];
    const changes: string[] = [];
    const watcher = new ExternalWatcher(
      { checkExternal: async ({ docId }) => (asked.push(docId), { state: answers[asked.length - 1] ?? 'unchanged' }) },
      { onChange: (_docId, change) => changes.push(change) },
    );
    watcher.watch('doc');
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(5000);
    expect(asked).toHaveLength(5);
    expect(changes).toEqual(['changed', 'deleted', 'unchanged']);
    watcher.dispose();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(asked).toHaveLength(5);
  });

  it('checks on demand (window focus), reports again after the user settled a change, and ignores untitled documents', async () => {
    let answer: 'changed' | 'untitled' = 'changed';
    const changes: string[] = [];
    const watcher = new ExternalWatcher(
      { checkExternal: async () => ({ state: answer }) },
      { onChange: (_docId, change) => changes.push(change) },
    );
    expect(await watcher.checkNow()).toBeUndefined();
    watcher.watch('doc');
    expect(await watcher.checkNow()).toBe('changed');
    expect(await watcher.checkNow()).toBe('changed');
    expect(changes).toEqual(['changed']);
    watcher.acknowledge();
    await watcher.checkNow();
    expect(changes).toEqual(['changed', 'changed']);
    answer = 'untitled';
    expect(await watcher.checkNow()).toBeUndefined();
    watcher.dispose();
  });

  it('drops an answer about a document it no longer watches, and survives a failed call', async () => {
    const changes: string[] = [];
    let fail = false;
    const watcher = new ExternalWatcher(
      {
        checkExternal: async () => {
          if (fail) throw new Error('host gone');
          return { state: 'changed' };
        },
      },
      { onChange: (docId, change) => changes.push(`${docId} ${change}`) },
    );
    watcher.watch('a');
    const pending = watcher.checkNow();
    watcher.watch('b');
    await pending;
    expect(changes).toEqual([]);
    fail = true;
    expect(await watcher.checkNow()).toBeUndefined();
    watcher.dispose();
  });
});
