/**
 * "Never lose a word" end to end through the handlers both hosts bind: backups and recovery
 * after a crash (a new set of services over the same user-data folder), saves that fail,
 * external changes and conflicts, snapshots, and damaged files opened as salvaged copies.
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptySpeechFile, parseSpeechFile, serializeSpeechFile, type SpeechFile } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import { contract, type Handlers } from '../shared/ipc/contract';
import { backupsOnClose } from './close-guard';
import { createHandlers, rendererGone, windowClosed } from './handlers';
import { faultyFileSystem, type Faults } from './services/fault-fs';
import { createServices } from './services/index';
import type { Dialogs, WindowBridge } from './services/types';
import { tempDirEach } from './services/test-dir';

const temp = tempDirEach('lectern-never-lose-');
let answers: { open: Array<string | undefined>; save: Array<string | undefined> };
const ctx = { windowId: 1 };

/**
 * The services of one run of the app over the test's folder's `user/`. `userDataHealthy`: the faults hit only the
 * documents' folder, not the user-data folder (a read-only document folder, a full USB stick).
 */
function services(faults: Faults = {}, userDataHealthy = false) {
  const dialogs: Dialogs = { showOpen: async () => answers.open.shift(), showSave: async () => answers.save.shift() };
  const windows: WindowBridge = {
    setDocumentState: () => undefined,
    close: () => undefined,
    languageChanged: () => undefined,
    recentChanged: () => undefined,
  };
  const faulty = faultyFileSystem(faults);
  const healthy = faultyFileSystem({});
  const userData = path.join(temp.path, 'user');
  const fs = userDataHealthy
    ? {
        ...faulty,
        open: (file: string, flags: string, mode?: number) =>
          file.startsWith(userData) ? healthy.open(file, flags, mode) : faulty.open(file, flags, mode),
      }
    : faulty;
  return createServices({ userDataDir: userData, dialogs, windows, fs });
}

/** The handlers of one run of the app; a new call is the next start after a crash. */
function start(faults: Faults = {}, userDataHealthy = false): Handlers {
  return createHandlers(services(faults, userDataHealthy));
}

const speech = (...body: string[]): SpeechFile => ({
  ...emptySpeechFile(new Date('2026-01-01T00:00:00Z')),
  doc: docOf(['title', '讲话'], ...body.map((text) => [0, text] as [number, string])).toJSON(),
});
const recoveryFiles = async () => readdir(path.join(temp.path, 'user', 'recovery')).catch(() => [] as string[]);

/** Opens `name` (written with `body` first) and answers its id. */
async function openFile(handlers: Handlers, name: string, ...body: string[]): Promise<string> {
  const file = path.join(temp.path, name);
  await writeFile(file, serializeSpeechFile(speech(...body)));
  answers.open.push(file);
  const opened = await handlers.openDocument({}, ctx);
  if (opened.status !== 'opened') throw new Error(`not opened: ${JSON.stringify(opened)}`);
  return opened.docId;
}

/** Checks a response against the contract's schema, as a strict host would. */
function valid<N extends keyof typeof contract>(name: N, response: unknown): void {
  expect(contract[name].response.safeParse(response).success).toBe(true);
}

beforeEach(() => {
  answers = { open: [], save: [] };
});

describe('recovery after a crash', () => {
  it('offers the unsaved work of a file and an untitled document; restore reopens it under its file, and saving removes the backup', async () => {
    const before = start();
    const docId = await openFile(before, '讲话.speech', '原文');
    const untitled = await before.newDocument({}, ctx);
    const backedUp = await before.backupDocument(
      { docId, name: '讲话.speech', file: speech('原文', '没来得及保存的一段') },
      ctx,
    );
    expect(backedUp.status).toBe('backed-up');
    valid('backupDocument', backedUp);
    await before.backupDocument({ docId: untitled.docId, name: '未命名', file: speech('未命名的草稿') }, ctx);
    // The user's file is untouched by backups.
    expect(parseSpeechFile(await readFile(path.join(temp.path, '讲话.speech'), 'utf8')).file.doc).toEqual(
      speech('原文').doc,
    );
    // The same run does not offer its own open documents.
    expect(await before.listRecovery({}, ctx)).toEqual({ entries: [] });

    // Crash. The next start:
    const after = start();
    const { entries } = await after.listRecovery({}, ctx);
    valid('listRecovery', { entries });
    expect(entries.map((entry) => [entry.name, entry.hasFile, entry.preview])).toEqual(
      expect.arrayContaining([
        ['讲话.speech', true, '讲话 原文 没来得及保存的一段'],
        ['未命名', false, '讲话 未命名的草稿'],
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain(temp.path);
    const mine = entries.find((entry) => entry.hasFile)!;

    const compared = await after.readRecovery({ recoveryId: mine.recoveryId }, ctx);
    valid('readRecovery', compared);
    expect(compared).toMatchObject({
      status: 'found',
      file: speech('原文', '没来得及保存的一段'),
      disk: { status: 'read', file: speech('原文') },
    });

    const restored = await after.restoreRecovery({ recoveryId: mine.recoveryId }, ctx);
    valid('restoreRecovery', restored);
    expect(restored).toMatchObject({
      status: 'restored',
      docId: mine.recoveryId,
      name: '讲话.speech',
      hasFile: true,
      file: speech('原文', '没来得及保存的一段'),
    });
    expect((await after.listRecovery({}, ctx)).entries.map((entry) => entry.name)).toEqual(['未命名']);
    // Saving goes to the file without asking, and removes the backup.
    expect(
      await after.saveDocument({ docId: mine.recoveryId, file: speech('原文', '没来得及保存的一段') }, ctx),
    ).toMatchObject({ status: 'saved', name: '讲话.speech' });
    expect(answers.save).toEqual([]);
    expect(parseSpeechFile(await readFile(path.join(temp.path, '讲话.speech'), 'utf8')).file.doc).toEqual(
      speech('原文', '没来得及保存的一段').doc,
    );
    expect(await recoveryFiles()).toEqual([`${untitled.docId}.json`]);

    // The untitled one: restored without a file (saving asks where), or discarded.
    const other = entries.find((entry) => !entry.hasFile)!;
    expect(await after.readRecovery({ recoveryId: other.recoveryId }, ctx)).toMatchObject({
      status: 'found',
      disk: { status: 'none' },
    });
    expect(await after.discardRecovery({ recoveryId: other.recoveryId }, ctx)).toEqual({ ok: true });
    expect(await recoveryFiles()).toEqual([]);
    expect(await after.readRecovery({ recoveryId: other.recoveryId }, ctx)).toEqual({ status: 'missing' });
    expect(await after.restoreRecovery({ recoveryId: other.recoveryId }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'not-found' },
    });
  });

  it('answers conflict on the first save after a restore when someone changed the file after the crash', async () => {
    const before = start();
    const docId = await openFile(before, '讲话.speech', '原文');
    await before.backupDocument({ docId, name: '讲话.speech', file: speech('原文', '我的新段落') }, ctx);
    // After the crash, a colleague edits the file before Lectern starts again.
    const theirs = serializeSpeechFile(speech('原文', '同事的新段落'));
    await writeFile(path.join(temp.path, '讲话.speech'), theirs);
    const after = start();
    expect(await after.restoreRecovery({ recoveryId: docId }, ctx)).toMatchObject({ status: 'restored' });
    expect(await after.checkExternal({ docId }, ctx)).toEqual({ state: 'changed' });
    expect(await after.saveDocument({ docId, file: speech('原文', '我的新段落') }, ctx)).toMatchObject({
      status: 'conflict',
    });
    expect(await readFile(path.join(temp.path, '讲话.speech'), 'utf8')).toBe(theirs);
    // Comparing (reload) makes theirs the base; keeping mine then saves.
    expect(await after.reloadDocument({ docId }, ctx)).toMatchObject({
      status: 'opened',
      file: speech('原文', '同事的新段落'),
    });
    expect(await after.saveDocument({ docId, file: speech('原文', '我的新段落') }, ctx)).toMatchObject({
      status: 'saved',
    });
  });

  it('restores an untitled backup as an untitled document', async () => {
    const before = start();
    const { docId } = await before.newDocument({}, ctx);
    await before.backupDocument({ docId, name: '未命名', file: speech('草稿') }, ctx);
    const after = start();
    const restored = await after.restoreRecovery({ recoveryId: docId }, ctx);
    expect(restored).toMatchObject({ status: 'restored', name: '未命名', hasFile: false });
    answers.save.push(path.join(temp.path, '草稿.speech'));
    expect(await after.saveDocument({ docId, file: speech('草稿') }, ctx)).toMatchObject({
      status: 'saved',
      name: '草稿.speech',
    });
    expect(await recoveryFiles()).toEqual([]);
  });

  it('removes the backup when the document is closed (saved, or the user chose not to save)', async () => {
    const handlers = start();
    const { docId } = await handlers.newDocument({}, ctx);
    await handlers.backupDocument({ docId, name: '未命名', file: speech('草稿') }, ctx);
    expect(await recoveryFiles()).toHaveLength(1);
    await handlers.closeDocument({ docId }, ctx);
    expect(await recoveryFiles()).toEqual([]);
  });

  it('removes the backups of a window closed on purpose (saved, 不保存, or clean), not those of other windows', async () => {
    const app = services();
    const handlers = createHandlers(app);
    const one = await handlers.newDocument({}, { windowId: 1 });
    const two = await handlers.newDocument({}, { windowId: 2 });
    await handlers.setDocumentState({ docId: one.docId, name: '未命名', dirty: true }, { windowId: 1 });
    await handlers.setDocumentState({ docId: two.docId, name: '未命名', dirty: true }, { windowId: 2 });
    await handlers.backupDocument({ docId: one.docId, name: '一', file: speech('一') }, { windowId: 1 });
    await handlers.backupDocument({ docId: two.docId, name: '二', file: speech('二') }, { windowId: 2 });
    // 不保存 at the prompt.
    await windowClosed(app, 1, backupsOnClose({ dirty: true, confirmedClose: true, rendererGone: false }));
    expect(await recoveryFiles()).toEqual([`${two.docId}.json`]);
    expect(
      await handlers.backupDocument({ docId: one.docId, name: '一', file: speech('一') }, { windowId: 1 }),
    ).toMatchObject({ status: 'failed', error: { code: 'unknown' } });
    // An id the service never issued is not recorded against a window.
    await handlers.setDocumentState({ docId: 'made-up', name: 'x', dirty: false }, { windowId: 2 });
    expect(app.documents.documentsOf(2)).toEqual([two.docId]);
  });

  it('keeps the backups of a window whose renderer crashed, even after 不保存 in the blank window, and offers them in another window at once', async () => {
    const app = services();
    const handlers = createHandlers(app);
    const one = { windowId: 1 };
    const two = { windowId: 2 };
    const docId = await openFile(handlers, '讲话.speech', '原文');
    await handlers.setDocumentState({ docId, name: '讲话.speech', dirty: true }, one);
    await handlers.backupDocument({ docId, name: '讲话.speech', file: speech('原文', '崩溃前写的') }, one);
    const other = await handlers.newDocument({}, two);
    await handlers.setDocumentState({ docId: other.docId, name: '未命名', dirty: false }, two);
    expect(await handlers.listRecovery({}, two)).toEqual({ entries: [] });

    // Window 1's renderer dies (OOM, GPU): main hears render-process-gone.
    expect(rendererGone(app, 1)).toEqual([docId]);
    // File → 恢复未保存的文稿… in window 2 offers it in this same run.
    expect((await handlers.listRecovery({}, two)).entries).toMatchObject([
      { recoveryId: docId, name: '讲话.speech', preview: '讲话 原文 崩溃前写的', hasFile: true },
    ]);
    // The user closes the blank window; 保存 could not reach the dead renderer, so they chose 不保存.
    const closing = { dirty: true, confirmedClose: true, rendererGone: true };
    await windowClosed(app, 1, backupsOnClose(closing));
    expect(await recoveryFiles()).toEqual([`${docId}.json`]);
    // Restored in window 2, then saved there: only then is the backup gone.
    expect(await handlers.restoreRecovery({ recoveryId: docId }, two)).toMatchObject({
      status: 'restored',
      docId,
      file: speech('原文', '崩溃前写的'),
    });
    await handlers.setDocumentState({ docId, name: '讲话.speech', dirty: true }, two);
    expect(await handlers.listRecovery({}, two)).toEqual({ entries: [] });
    expect(await handlers.saveDocument({ docId, file: speech('原文', '崩溃前写的') }, two)).toMatchObject({
      status: 'saved',
    });
    expect(await recoveryFiles()).toEqual([]);
    expect(parseSpeechFile(await readFile(path.join(temp.path, '讲话.speech'), 'utf8')).file.doc).toEqual(
      speech('原文', '崩溃前写的').doc,
    );
  });

  it('keeps, and offers at once, the backups of a window closed with unsaved work nobody gave up; the next start offers them too', async () => {
    const app = services();
    const handlers = createHandlers(app);
    const { docId } = await handlers.newDocument({}, { windowId: 1 });
    await handlers.setDocumentState({ docId, name: '未命名', dirty: true }, { windowId: 1 });
    await handlers.backupDocument({ docId, name: '未命名', file: speech('草稿') }, { windowId: 1 });
    await windowClosed(app, 1, backupsOnClose({ dirty: true, confirmedClose: false }));
    expect(await recoveryFiles()).toEqual([`${docId}.json`]);
    expect((await handlers.listRecovery({}, { windowId: 2 })).entries.map((entry) => entry.recoveryId)).toEqual([
      docId,
    ]);
    expect((await start().listRecovery({}, ctx)).entries.map((entry) => entry.recoveryId)).toEqual([docId]);
  });

  it('refuses to back up a document it does not know, or one that would not open', async () => {
    const handlers = start();
    expect(await handlers.backupDocument({ docId: 'nope', name: 'x', file: speech() }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'unknown' },
    });
    const { docId } = await handlers.newDocument({}, ctx);
    const bad = { ...speech(), doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 9 } }] } };
    expect(await handlers.backupDocument({ docId, name: 'x', file: bad }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'invalid-content' },
    });
  });

  it('refuses recovery ids that could name a path', () => {
    for (const recoveryId of ['../settings', 'a/b', '..\\x', ''])
      expect(contract.restoreRecovery.request.safeParse({ recoveryId }).success).toBe(false);
  });
});

describe('saves that fail', () => {
  it('leave a read-only or full target byte-identical, the document dirty (no saved answer) and its backup in place', async () => {
    for (const faults of [
      { openError: 'EROFS' },
      { enospcMidWrite: true },
      { renameError: { code: 'EBUSY', times: Infinity } },
    ] as const) {
      const healthy = start();
      const docId = await openFile(healthy, '原稿.speech', '原稿');
      const original = await readFile(path.join(temp.path, '原稿.speech'));
      await healthy.backupDocument({ docId, name: '原稿.speech', file: speech('改稿') }, ctx);
      // The same document saved through a failing disk: a new run whose file system fails, after a restore.
      const failing = start(faults);
      expect(await failing.restoreRecovery({ recoveryId: docId }, ctx)).toMatchObject({ status: 'restored' });
      const saved = await failing.saveDocument({ docId, file: speech('改稿') }, ctx);
      expect(saved.status).toBe('failed');
      expect(await readFile(path.join(temp.path, '原稿.speech'))).toEqual(original);
      expect(await recoveryFiles()).toEqual([`${docId}.json`]);
      await rm(path.join(temp.path, 'user', 'recovery'), { recursive: true });
    }
  });

  it('back the document up at once, even before the renderer did, and the conflict too', async () => {
    const handlers = start({ openError: 'EROFS' }, true);
    const { docId } = await handlers.newDocument({}, ctx);
    answers.save.push(path.join(temp.path, '只读.speech'));
    expect(await handlers.saveDocument({ docId, file: speech('刚写的') }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'read-only' },
    });
    const after = start();
    expect((await after.listRecovery({}, ctx)).entries).toMatchObject([
      { recoveryId: docId, name: '未命名', preview: '讲话 刚写的', hasFile: false },
    ]);
    await rm(path.join(temp.path, 'user', 'recovery'), { recursive: true });

    const sharing = start();
    const shared = await openFile(sharing, '共享.speech', '原文');
    await writeFile(path.join(temp.path, '共享.speech'), serializeSpeechFile(speech('同事改的')));
    expect(await sharing.saveDocument({ docId: shared, file: speech('我改的') }, ctx)).toMatchObject({
      status: 'conflict',
    });
    expect(await start().readRecovery({ recoveryId: shared }, ctx)).toMatchObject({
      status: 'found',
      file: speech('我改的'),
      disk: { status: 'read', file: speech('同事改的') },
    });
  });

  it('succeed after antivirus-style EPERM on the first renames', async () => {
    const handlers = start({ renameError: { code: 'EPERM', times: 2 } });
    const docId = await openFile(handlers, '稿.speech', '甲');
    await handlers.backupDocument({ docId, name: '稿.speech', file: speech('乙') }, ctx).catch(() => undefined);
    expect(await handlers.saveDocument({ docId, file: speech('乙') }, ctx)).toMatchObject({ status: 'saved' });
    expect(parseSpeechFile(await readFile(path.join(temp.path, '稿.speech'), 'utf8')).file.doc).toEqual(
      speech('乙').doc,
    );
    expect(await recoveryFiles()).toEqual([]);
  });
});

describe('external changes', () => {
  it('while clean: reported as changed; reload answers their text and makes it the base', async () => {
    const handlers = start();
    const docId = await openFile(handlers, '共享.speech', '我的');
    expect(await handlers.checkExternal({ docId }, ctx)).toEqual({ state: 'unchanged' });
    await writeFile(path.join(temp.path, '共享.speech'), serializeSpeechFile(speech('同事改的')));
    expect(await handlers.checkExternal({ docId }, ctx)).toEqual({ state: 'changed' });
    const reloaded = await handlers.reloadDocument({ docId }, ctx);
    valid('reloadDocument', reloaded);
    expect(reloaded).toMatchObject({ status: 'opened', docId, name: '共享.speech', file: speech('同事改的') });
    expect(await handlers.checkExternal({ docId }, ctx)).toEqual({ state: 'unchanged' });
    expect(await handlers.saveDocument({ docId, file: speech('同事改的', '我再加一段') }, ctx)).toMatchObject({
      status: 'saved',
    });
  });

  it('while dirty: saving answers conflict and writes nothing; keep mine saves with force; theirs stays until then', async () => {
    const handlers = start();
    const docId = await openFile(handlers, '共享.speech', '我的');
    const theirs = serializeSpeechFile(speech('同事改的'));
    await writeFile(path.join(temp.path, '共享.speech'), theirs);
    const conflict = await handlers.saveDocument({ docId, file: speech('我改的') }, ctx);
    valid('saveDocument', conflict);
    expect(conflict).toEqual({ status: 'conflict', docId, name: '共享.speech' });
    expect(await readFile(path.join(temp.path, '共享.speech'), 'utf8')).toBe(theirs);
    // Autosave is refused the same way.
    expect(await handlers.saveDocument({ docId, file: speech('我改的'), autosave: true }, ctx)).toMatchObject({
      status: 'conflict',
    });
    expect(await readFile(path.join(temp.path, '共享.speech'), 'utf8')).toBe(theirs);
    // Keep mine.
    expect(await handlers.saveDocument({ docId, file: speech('我改的'), force: true }, ctx)).toMatchObject({
      status: 'saved',
    });
    expect(parseSpeechFile(await readFile(path.join(temp.path, '共享.speech'), 'utf8')).file.doc).toEqual(
      speech('我改的').doc,
    );
    expect(await handlers.checkExternal({ docId }, ctx)).toEqual({ state: 'unchanged' });
  });

  it('keeps the version someone else wrote as a snapshot (外部修改) when a reload reads it or a forced save overwrites it', async () => {
    const handlers = start();
    const docId = await openFile(handlers, '共享.speech', '我的');
    const externals = async () =>
      (await handlers.listSnapshots({ docId }, ctx)).entries.filter((entry) => entry.name === '外部修改');
    // Reading the file as it is (nothing changed) keeps nothing.
    await handlers.reloadDocument({ docId }, ctx);
    expect(await externals()).toEqual([]);
    await writeFile(path.join(temp.path, '共享.speech'), serializeSpeechFile(speech('同事改的')));
    expect(await handlers.saveDocument({ docId, file: speech('我改的') }, ctx)).toMatchObject({ status: 'conflict' });
    // The conflict dialog reads theirs to compare: it becomes the base, and is kept first.
    expect(await handlers.reloadDocument({ docId }, ctx)).toMatchObject({ status: 'opened', file: speech('同事改的') });
    const [kept] = await externals();
    expect(kept).toMatchObject({ kind: 'named', name: '外部修改' });
    // Keep mine: the save overwrites theirs, which History still restores.
    expect(await handlers.saveDocument({ docId, file: speech('我改的') }, ctx)).toMatchObject({ status: 'saved' });
    expect(parseSpeechFile(await readFile(path.join(temp.path, '共享.speech'), 'utf8')).file.doc).toEqual(
      speech('我改的').doc,
    );
    expect(await handlers.readSnapshot({ docId, snapshotId: kept!.snapshotId }, ctx)).toMatchObject({
      status: 'found',
      file: { doc: speech('同事改的').doc },
    });
    // Reading it again after our own save keeps nothing more.
    await handlers.reloadDocument({ docId }, ctx);
    expect(await externals()).toHaveLength(1);
    // A forced save over a version never read keeps that version too.
    await writeFile(path.join(temp.path, '共享.speech'), serializeSpeechFile(speech('第三个人改的')));
    expect(await handlers.saveDocument({ docId, file: speech('我改的', '再加') }, ctx)).toMatchObject({
      status: 'conflict',
    });
    expect(await handlers.saveDocument({ docId, file: speech('我改的', '再加'), force: true }, ctx)).toMatchObject({
      status: 'saved',
    });
    const both = await externals();
    expect(both).toHaveLength(2);
    const docs = await Promise.all(
      both.map(async (entry) =>
        JSON.stringify(
          ((await handlers.readSnapshot({ docId, snapshotId: entry.snapshotId }, ctx)) as { file: SpeechFile }).file
            .doc,
        ),
      ),
    );
    expect(docs.sort()).toEqual(
      [JSON.stringify(speech('同事改的').doc), JSON.stringify(speech('第三个人改的').doc)].sort(),
    );
  });

  it('a file deleted meanwhile is reported, and saving writes it again', async () => {
    const handlers = start();
    const docId = await openFile(handlers, '删.speech', '我的');
    await rm(path.join(temp.path, '删.speech'));
    expect(await handlers.checkExternal({ docId }, ctx)).toEqual({ state: 'deleted' });
    expect(await handlers.reloadDocument({ docId }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'not-found' },
    });
    expect(await handlers.saveDocument({ docId, file: speech('我的') }, ctx)).toMatchObject({ status: 'saved' });
    expect(await handlers.checkExternal({ docId }, ctx)).toEqual({ state: 'unchanged' });
  });

  it('a damaged external version cannot be reloaded, and saving over it still asks', async () => {
    const handlers = start();
    const docId = await openFile(handlers, '坏.speech', '我的');
    await writeFile(path.join(temp.path, '坏.speech'), '{"format":"lectern.speech"');
    expect(await handlers.reloadDocument({ docId }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'not-json', fileName: '坏.speech' },
    });
    expect(await handlers.saveDocument({ docId, file: speech('我的') }, ctx)).toMatchObject({ status: 'conflict' });
  });

  it('answers untitled for a document without a file and unknown for an id it does not know', async () => {
    const handlers = start();
    const { docId } = await handlers.newDocument({}, ctx);
    expect(await handlers.checkExternal({ docId }, ctx)).toEqual({ state: 'untitled' });
    expect(await handlers.checkExternal({ docId: 'nope' }, ctx)).toEqual({ state: 'unknown' });
    expect(await handlers.reloadDocument({ docId }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'untitled' },
    });
  });
});

describe('snapshots', () => {
  it('keep one per explicit save (not autosaves), named ones on request, readable and deletable', async () => {
    const handlers = start();
    const docId = await openFile(handlers, '讲话.speech', '初稿');
    await handlers.saveDocument({ docId, file: speech('第一次保存') }, ctx);
    await handlers.saveDocument({ docId, file: speech('自动保存'), autosave: true }, ctx);
    await handlers.saveDocument({ docId, file: speech('第二次保存') }, ctx);
    const named = await handlers.addSnapshot({ docId, file: speech('第二次保存'), name: '送审稿' }, ctx);
    valid('addSnapshot', named);
    expect(named).toMatchObject({ status: 'added', entry: { kind: 'named', name: '送审稿' } });
    const { entries } = await handlers.listSnapshots({ docId }, ctx);
    valid('listSnapshots', { entries });
    expect(entries.map((entry) => entry.kind)).toEqual(['named', 'auto', 'auto']);
    const oldest = await handlers.readSnapshot({ docId, snapshotId: entries[2]!.snapshotId }, ctx);
    valid('readSnapshot', oldest);
    expect(oldest).toMatchObject({ status: 'found', file: { doc: speech('第一次保存').doc } });
    expect(await handlers.readSnapshot({ docId, snapshotId: 'zz-00000000' }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'not-found' },
    });
    expect(await handlers.deleteSnapshot({ docId, snapshotId: entries[0]!.snapshotId }, ctx)).toEqual({
      deleted: true,
    });
    expect((await handlers.listSnapshots({ docId }, ctx)).entries).toHaveLength(2);
    // Nothing beside the user's file.
    expect((await readdir(temp.path)).sort()).toEqual(['user', '讲话.speech']);
  });

  it('are none for an untitled document, and a named one asks for a file first', async () => {
    const handlers = start();
    const { docId } = await handlers.newDocument({}, ctx);
    expect(await handlers.listSnapshots({ docId }, ctx)).toEqual({ entries: [] });
    expect(await handlers.addSnapshot({ docId, file: speech(), name: '定稿' }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'untitled' },
    });
    expect(await handlers.readSnapshot({ docId, snapshotId: 'x' }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'untitled' },
    });
    expect(await handlers.deleteSnapshot({ docId, snapshotId: 'x' }, ctx)).toEqual({ deleted: false });
    expect(contract.addSnapshot.request.safeParse({ docId, file: speech(), name: '   ' }).success).toBe(false);
  });

  it('never fail a save when they cannot be stored', async () => {
    const handlers = start();
    const docId = await openFile(handlers, '讲话.speech', '初稿');
    // A file where the snapshots folder should be.
    await writeFile(path.join(temp.path, 'user', 'snapshots'), 'in the way');
    expect(await handlers.saveDocument({ docId, file: speech('保存') }, ctx)).toMatchObject({ status: 'saved' });
    expect(await handlers.listSnapshots({ docId }, ctx)).toEqual({ entries: [] });
  });
});

describe('damaged files', () => {
  it('open what can be salvaged as a new untitled document, say what was lost, and never write to the damaged file', async () => {
    const handlers = start();
    const file = path.join(temp.path, '损坏.speech');
    const text = serializeSpeechFile(speech('第一段', '第二段', '第三段'));
    const damaged = text.slice(0, text.indexOf('第三段'));
    await writeFile(file, damaged);
    answers.open.push(file);
    const result = await handlers.openDocument({}, ctx);
    valid('openDocument', result);
    expect(result).toMatchObject({
      status: 'salvaged',
      name: '未命名',
      report: { kept: 3, lost: 1, truncated: true },
      error: { code: 'not-json', fileName: '损坏.speech' },
    });
    if (result.status !== 'salvaged') return;
    expect(await readFile(file, 'utf8')).toBe(damaged);
    expect(await handlers.checkExternal({ docId: result.docId }, ctx)).toEqual({ state: 'untitled' });
    // Saving asks where: the damaged file is never overwritten unknowingly.
    answers.save.push(path.join(temp.path, '恢复.speech'));
    expect(await handlers.saveDocument({ docId: result.docId, file: result.file }, ctx)).toMatchObject({
      status: 'saved',
      name: '恢复.speech',
    });
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('refuse hostile and foreign files without crashing and without writing to them', async () => {
    const handlers = start();
    for (const [name, content] of [
      ['deep.speech', `{"format":"lectern.speech","version":1,"doc":${'['.repeat(100000)}`],
      ['foreign.speech', '{"hello":"world"}'],
      ['binary.speech', '\u0000\u0001\u00ff\ufffd'],
      [
        'proto.speech',
        '{"format":"lectern.speech","version":1,"__proto__":{"polluted":true},"meta":{},"placeholders":{},"doc":{"type":"doc","content":[{"type":"constructor"}]}}',
      ],
    ] as const) {
      const file = path.join(temp.path, name);
      await writeFile(file, content);
      answers.open.push(file);
      const result = await handlers.openDocument({}, ctx);
      expect(result.status).toBe('failed');
      expect(await readFile(file, 'utf8')).toBe(content);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
