import { mkdir, readFile, readdir, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_SPEECH_FILE_BYTES,
  SpeechFileError,
  emptySpeechFile,
  serializeSpeechFile,
  type SpeechFile,
} from '../../shared/document/file-format';
import { docOf } from '../../shared/document/test-docs';
import { AtomicWriteError } from './atomic-write';
import { faultyFileSystem, type Faults, type FaultyFileSystem } from './fault-fs';
import { PREVIEW_CHARS, RECOVERY_FORMAT, RecoveryStore, isRecoveryId } from './recovery';
import { tempDirEach } from './test-dir';

const ID_A = '0b8e5a52-4f7d-4c1e-9a59-6c1d1e0a0001';
const ID_B = '0b8e5a52-4f7d-4c1e-9a59-6c1d1e0a0002';
const temp = tempDirEach('lectern-recovery-');
let recoveryDir: string;
let fs: FaultyFileSystem;
let clock: Date;

function store(faults: Faults = {}): RecoveryStore {
  fs = faultyFileSystem(faults);
  return new RecoveryStore({ dir: recoveryDir, fs, now: () => clock });
}

const speech = (...body: string[]): SpeechFile => ({
  ...emptySpeechFile(),
  meta: { title: '讲话' },
  doc: docOf(['title', '在推进会上的讲话'], ...body.map((text) => [0, text] as [number, string])).toJSON(),
});

beforeEach(() => {
  recoveryDir = path.join(temp.path, 'user', 'recovery');
  clock = new Date('2026-03-01T08:30:00.000Z');
});

describe('backups', () => {
  it('are one file per document in the recovery folder; the next start lists them with time, preview and hasFile but no path', async () => {
    const userFile = path.join(temp.path, '讲话.speech');
    await writeFile(userFile, 'the user’s own file');
    const first = store();
    const base = { size: 19, mtimeMs: 1234.5, sha256: 'ab'.repeat(32) };
    expect(
      await first.backup({
        docId: ID_A,
        name: '讲话.speech',
        path: userFile,
        base,
        file: speech('同志们：', '今天召开会议。'),
      }),
    ).toEqual({ savedAt: clock.toISOString() });
    clock = new Date('2026-03-01T08:31:00.000Z');
    await first.backup({ docId: ID_B, name: '未命名', file: speech('另一篇') });
    expect((await readdir(recoveryDir)).sort()).toEqual([`${ID_A}.json`, `${ID_B}.json`]);
    // Never near the user's file.
    expect(await readFile(userFile, 'utf8')).toBe('the user’s own file');
    expect(fs.ops.filter((op) => op.includes('讲话.speech'))).toEqual([]);

    const next = store();
    const entries = await next.list();
    expect(entries).toEqual([
      {
        recoveryId: ID_B,
        name: '未命名',
        savedAt: '2026-03-01T08:31:00.000Z',
        preview: '在推进会上的讲话 另一篇',
        hasFile: false,
      },
      {
        recoveryId: ID_A,
        name: '讲话.speech',
        savedAt: '2026-03-01T08:30:00.000Z',
        preview: '在推进会上的讲话 同志们： 今天召开会议。',
        hasFile: true,
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain(temp.path);
    const record = await next.read(ID_A);
    expect(record).toMatchObject({
      docId: ID_A,
      name: '讲话.speech',
      path: userFile,
      base,
      savedAt: '2026-03-01T08:30:00.000Z',
    });
    expect((await next.read(ID_B))?.base).toBeUndefined();
    expect(record?.file.doc).toEqual(speech('同志们：', '今天召开会议。').doc);
  });

  it('previews at most the first 120 characters, spaces collapsed', async () => {
    await store().backup({ docId: ID_A, name: 'x', file: speech('长'.repeat(300), '  ') });
    const [entry] = await store().list();
    expect([...entry!.preview]).toHaveLength(PREVIEW_CHARS);
    expect(entry!.preview.startsWith('在推进会上的讲话 长长')).toBe(true);
  });

  it('replace the previous backup of the same document', async () => {
    const recovery = store();
    await recovery.backup({ docId: ID_A, name: 'x', file: speech('第一稿') });
    await recovery.backup({ docId: ID_A, name: 'x', file: speech('第二稿') });
    expect(await readdir(recoveryDir)).toEqual([`${ID_A}.json`]);
    expect((await store().read(ID_A))?.file.doc).toEqual(speech('第二稿').doc);
    expect(JSON.parse(await readFile(path.join(recoveryDir, `${ID_A}.json`), 'utf8'))).toMatchObject({
      format: RECOVERY_FORMAT,
      version: 1,
      docId: ID_A,
    });
  });

  it('keep the previous backup when a crash comes between the temporary write and the rename', async () => {
    await store().backup({ docId: ID_A, name: 'x', file: speech('第一稿') });
    const crashing = store({ renameHangs: true });
    void crashing.backup({ docId: ID_A, name: 'x', file: speech('第二稿') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.ops.some((op) => op.startsWith('rename '))).toBe(true);
    const after = store();
    expect((await after.read(ID_A))?.file.doc).toEqual(speech('第一稿').doc);
    expect((await after.list()).map((entry) => entry.recoveryId)).toEqual([ID_A]);
    // The leftover temporary file is removed once it is old.
    const temp = (await readdir(recoveryDir)).find((name) => name.endsWith('.tmp'))!;
    expect(temp).toBeDefined();
    clock = new Date(clock.getTime() + 60 * 60 * 1000);
    await utimes(path.join(recoveryDir, temp), new Date('2026-03-01T08:00:00Z'), new Date('2026-03-01T08:00:00Z'));
    await store().list();
    expect(await readdir(recoveryDir)).toEqual([`${ID_A}.json`]);
  });

  it('reject on a full disk and keep the previous backup', async () => {
    await store().backup({ docId: ID_A, name: 'x', file: speech('第一稿') });
    await expect(
      store({ enospcMidWrite: true }).backup({ docId: ID_A, name: 'x', file: speech('第二稿') }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(
      store({ openError: 'EROFS' }).backup({ docId: ID_A, name: 'x', file: speech('第二稿') }),
    ).rejects.toBeInstanceOf(AtomicWriteError);
    expect((await store().read(ID_A))?.file.doc).toEqual(speech('第一稿').doc);
    expect(await readdir(recoveryDir)).toEqual([`${ID_A}.json`]);
  });

  it('refuse a document that would not open again, and an id that is not a document id, writing nothing', async () => {
    const bad = { ...speech(), doc: { type: 'doc', content: [{ type: 'no-such-node' }] } };
    await expect(store().backup({ docId: ID_A, name: 'x', file: bad })).rejects.toBeInstanceOf(SpeechFileError);
    await expect(store().backup({ docId: '../../escape', name: 'x', file: speech() })).rejects.toThrow();
    await expect(readdir(recoveryDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(isRecoveryId(ID_A)).toBe(true);
    for (const id of ['', '../x', 'a/b', 'a.json', 'x'.repeat(101), 'C:\\x']) expect(isRecoveryId(id)).toBe(false);
    expect(await store().read('../user/settings')).toBeUndefined();
  });
});

describe('listing', () => {
  it('answers nothing when there is no recovery folder', async () => {
    expect(await store().list()).toEqual([]);
  });

  it('skips damaged, foreign and oversized backups without throwing, and leaves them on disk', async () => {
    await store().backup({ docId: ID_A, name: '好的', file: speech('完好') });
    const good = JSON.parse(await readFile(path.join(recoveryDir, `${ID_A}.json`), 'utf8'));
    const bad: Record<string, string> = {
      'not-json': '{"format":"lectern.recovery",',
      'not-object': '[1,2,3]',
      'wrong-format': JSON.stringify({ ...good, format: 'other' }),
      'newer-version': JSON.stringify({ ...good, version: 2 }),
      'id-mismatch': JSON.stringify(good),
      'bad-time': JSON.stringify({ ...good, savedAt: 'yesterday' }),
      'bad-content': JSON.stringify({
        ...good,
        content: serializeSpeechFile({
          ...speech(),
          doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 9 } }] },
        }),
      }),
      'content-not-json': JSON.stringify({ ...good, content: 'garbage' }),
    };
    for (const [id, text] of Object.entries(bad))
      await writeFile(path.join(recoveryDir, `${id}.json`), text.replace(ID_A, id === 'id-mismatch' ? ID_A : id));
    await writeFile(path.join(recoveryDir, 'huge.json'), '');
    await truncate(path.join(recoveryDir, 'huge.json'), 2 * MAX_SPEECH_FILE_BYTES + 1);
    await writeFile(path.join(recoveryDir, 'notes.txt'), 'not a backup');
    await mkdir(path.join(recoveryDir, 'folder.json'));
    const recovery = store();
    expect((await recovery.list()).map((entry) => entry.name)).toEqual(['好的']);
    expect(fs.ops).not.toContain('read huge.json');
    for (const id of Object.keys(bad)) expect(await recovery.read(id)).toBeUndefined();
    expect((await readdir(recoveryDir)).length).toBe(Object.keys(bad).length + 4);
  });

  it('leaves out the documents open now: backed up or restored by this run', async () => {
    await store().backup({ docId: ID_A, name: 'a', file: speech('甲') });
    const recovery = store();
    await recovery.backup({ docId: ID_B, name: 'b', file: speech('乙') });
    expect((await recovery.list()).map((entry) => entry.recoveryId)).toEqual([ID_A]);
    recovery.claim(ID_A);
    expect(await recovery.list()).toEqual([]);
    expect((await store().list()).map((entry) => entry.recoveryId).sort()).toEqual([ID_A, ID_B]);
  });

  it('lists again, in this same run, the backup of a document released (its window died), and keeps it on disk', async () => {
    const recovery = store();
    await recovery.backup({ docId: ID_A, name: 'a', file: speech('甲') });
    expect(await recovery.list()).toEqual([]);
    recovery.release(ID_A);
    expect(await recovery.list()).toMatchObject([{ recoveryId: ID_A, name: 'a', preview: '在推进会上的讲话 甲' }]);
    expect(await readdir(recoveryDir)).toEqual([`${ID_A}.json`]);
    // Restored again (in another window): live again.
    recovery.claim(ID_A);
    expect(await recovery.list()).toEqual([]);
  });
});

describe('removing', () => {
  it('deletes the backup; one that is not there counts as removed', async () => {
    const recovery = store();
    await recovery.backup({ docId: ID_A, name: 'a', file: speech('甲') });
    expect(await recovery.remove(ID_A)).toBe(true);
    expect(await readdir(recoveryDir)).toEqual([]);
    expect(await recovery.remove(ID_A)).toBe(true);
    expect(await recovery.remove('../escape')).toBe(true);
    expect(await store().list()).toEqual([]);
  });

  it('runs after a backup that arrived first, so a save never leaves a stale backup behind', async () => {
    const recovery = store();
    const backup = recovery.backup({ docId: ID_A, name: 'a', file: speech('甲') });
    const removed = recovery.remove(ID_A);
    await Promise.all([backup, removed]);
    expect(await readdir(recoveryDir)).toEqual([]);
  });

  it('answers false when the backup exists but cannot be removed', async () => {
    const recovery = store();
    await recovery.backup({ docId: ID_A, name: 'a', file: speech('甲') });
    Object.assign(fs, { unlink: async () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })) });
    expect(await recovery.remove(ID_A)).toBe(false);
    expect((await store().list()).map((entry) => entry.recoveryId)).toEqual([ID_A]);
  });
});
