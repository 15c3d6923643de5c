import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptySpeechFile, type SpeechFile } from '../../shared/document/file-format';
import type { LecternApi, SaveResult } from '../../shared/ipc/contract';
import { BackupScheduler, type DocumentState } from './backup-scheduler';

type BackupRequest = Parameters<LecternApi['backupDocument']>[0];
type SaveRequest = Parameters<LecternApi['saveDocument']>[0];

let backups: BackupRequest[];
let saves: SaveRequest[];
let saveAnswer: SaveResult;
let state: DocumentState;
let builds: number;

const api = {
  backupDocument: async (request: BackupRequest) => (
    backups.push(request),
    { status: 'backed-up' as const, savedAt: new Date().toISOString() }
  ),
  saveDocument: async (request: SaveRequest) => (saves.push(request), saveAnswer),
};

const file = (title: string): SpeechFile => ({ ...emptySpeechFile(new Date(0)), meta: { title } });

beforeEach(() => {
  vi.useFakeTimers();
  backups = [];
  saves = [];
  builds = 0;
  saveAnswer = { status: 'saved', docId: 'doc', name: '讲话.speech' };
  state = { docId: 'doc', name: '讲话.speech', dirty: true, hasFile: true, file: () => (builds++, file('当前')) };
});
afterEach(() => {
  vi.useRealTimers();
});

describe('BackupScheduler', () => {
  it('backs up a second after typing pauses, once, with the document as it is then', async () => {
    const scheduler = new BackupScheduler(api);
    for (let i = 0; i < 5; i++) {
      scheduler.edited(() => state);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(backups).toEqual([]);
    expect(builds).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(backups).toEqual([{ docId: 'doc', name: '讲话.speech', file: file('当前') }]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(backups).toHaveLength(1);
  });

  it('backs up at least every ten seconds while typing never pauses', async () => {
    const scheduler = new BackupScheduler(api);
    for (let i = 0; i < 25; i++) {
      scheduler.edited(() => state);
      await vi.advanceTimersByTimeAsync(900);
    }
    expect(backups).toHaveLength(2);
  });

  it('backs up nothing for a clean document, and nothing after a save settled it', async () => {
    const scheduler = new BackupScheduler(api);
    scheduler.edited(() => ({ ...state, dirty: false }));
    await vi.advanceTimersByTimeAsync(20_000);
    scheduler.edited(() => state);
    scheduler.settled('doc');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(backups).toEqual([]);
  });

  it('never runs two backups at once: one asked for meanwhile runs after, with the newer document', async () => {
    let release: () => void = () => undefined;
    const slow = {
      ...api,
      backupDocument: (request: BackupRequest) => {
        backups.push(request);
        return new Promise<{ status: 'backed-up'; savedAt: string }>(
          (resolve) => (release = () => resolve({ status: 'backed-up', savedAt: '' })),
        );
      },
    };
    const scheduler = new BackupScheduler(slow);
    scheduler.edited(() => state);
    const first = scheduler.backupNow();
    state = { ...state, file: () => file('更新') };
    const second = scheduler.backupNow();
    await second;
    expect(backups).toHaveLength(1);
    release();
    await vi.waitFor(() => expect(backups.map((b) => b.file.meta.title)).toEqual(['当前', '更新']));
    release();
    await first;
  });

  it('reports a failed backup', async () => {
    const failures: string[] = [];
    const failing = {
      ...api,
      backupDocument: async () => ({ status: 'failed' as const, error: { code: 'disk-full', message: 'ENOSPC' } }),
    };
    const scheduler = new BackupScheduler(failing, { onBackupFailed: (_docId, message) => failures.push(message) });
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(1000);
    expect(failures).toEqual(['ENOSPC']);
  });

  it('autosaves only when on, only a dirty document with a file, marked as an autosave', async () => {
    const autosaved: Array<[string, SaveResult['status']]> = [];
    const scheduler = new BackupScheduler(api, {
      onAutosaved: (docId, result) => autosaved.push([docId, result.status]),
    });
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saves).toEqual([]);
    scheduler.setAutosave(true);
    scheduler.edited(() => ({ ...state, hasFile: false }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saves).toEqual([]);
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(4999);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([{ docId: 'doc', file: file('当前'), autosave: true }]);
    expect(autosaved).toEqual([['doc', 'saved']]);
    scheduler.setAutosave(false);
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saves).toHaveLength(1);
  });

  it('never runs two autosaves at once: one due meanwhile (edits during a slow save) runs after it, with the newer document', async () => {
    let inFlight = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const slow = {
      ...api,
      saveDocument: (request: SaveRequest) => {
        saves.push(request);
        most = Math.max(most, ++inFlight);
        return new Promise<SaveResult>((resolve) =>
          releases.push(() => {
            inFlight--;
            resolve({ status: 'saved', docId: 'doc', name: '讲话.speech' });
          }),
        );
      },
    };
    const autosaved: string[] = [];
    const scheduler = new BackupScheduler(slow, {
      autosave: true,
      onAutosaved: (_docId, _result, sent) => autosaved.push(sent.meta.title ?? ''),
    });
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(1);
    // The user types on while the first autosave is still writing (a slow network share).
    state = { ...state, file: () => file('更新') };
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(5000);
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(1);
    expect(most).toBe(1);
    releases.shift()!();
    await vi.waitFor(() => expect(saves.map((save) => save.file.meta.title)).toEqual(['当前', '更新']));
    expect(most).toBe(1);
    releases.shift()!();
    await vi.waitFor(() => expect(autosaved).toEqual(['当前', '更新']));
    // Only one more, however many came due meanwhile.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(saves).toHaveLength(2);
    scheduler.dispose();
  });

  it('drops an autosave that came due during one in flight when the document was settled meanwhile', async () => {
    let release: () => void = () => undefined;
    const slow = {
      ...api,
      saveDocument: (request: SaveRequest) => (
        saves.push(request),
        new Promise<SaveResult>((resolve) => (release = () => resolve(saveAnswer)))
      ),
    };
    const scheduler = new BackupScheduler(slow, { autosave: true });
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(5000);
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(5000);
    // A manual save settled the document while the autosave was writing.
    scheduler.settled('doc');
    release();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(saves).toHaveLength(1);
  });

  it('stops autosaving a document after a conflict until the user settles it', async () => {
    saveAnswer = { status: 'conflict', docId: 'doc', name: '讲话.speech' };
    const scheduler = new BackupScheduler(api, { autosave: true });
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(5000);
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(1);
    // Backups go on meanwhile: the work is still protected.
    expect(backups).toHaveLength(2);
    scheduler.settled('doc');
    saveAnswer = { status: 'saved', docId: 'doc', name: '讲话.speech' };
    scheduler.edited(() => state);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(2);
  });
});
