import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { contract, events, type Command, type Handlers } from '../shared/ipc/contract';
import { docFromJSON, parseSpeechFile, type NodeJSON } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import { headingLabels } from '../shared/document/numbering';
import { insertEntry } from '../shared/library/insert';
import { createHandlers } from './handlers';
import { createServices } from './services/index';
import { menuTemplate } from './menu-template';
import type { Dialogs, WindowBridge } from './services/types';
import { tempDirEach } from './services/test-dir';

const temp = tempDirEach('lectern-library-handlers-');
let answers: { open: Array<string | undefined>; save: Array<string | undefined> };
const ctx = { windowId: 1 };

function setup(): Handlers {
  const dialogs: Dialogs = { showOpen: async () => answers.open.shift(), showSave: async () => answers.save.shift() };
  const windows: WindowBridge = {
    setDocumentState: () => {},
    close: () => {},
    languageChanged: () => {},
    recentChanged: () => {},
  };
  return createHandlers(createServices({ userDataDir: path.join(temp.path, 'user'), dialogs, windows }));
}

const speech = () =>
  docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    ['salutation', '同志们：'],
    [0, '开场'],
    [1, '统一思想认识'],
    [0, '正文'],
    [2, '充分认识意义。正文。', 'runIn'],
    [1, '突出工作重点'],
    [0, '一要抓好项目。正文。'],
  ).toJSON() as NodeJSON;

/** Parses a request and a response through the contract's schemas, as the hosts do. */
async function call<N extends keyof Handlers>(
  handlers: Handlers,
  name: N,
  request: unknown,
): Promise<Awaited<ReturnType<Handlers[N]>>> {
  const parsed = contract[name].request.parse(request) as Parameters<Handlers[N]>[0];
  const response = await (handlers[name] as (r: unknown, c: typeof ctx) => Promise<unknown>)(parsed, ctx);
  expect(contract[name].response.safeParse(response).success, `${name} response matches the contract`).toBe(true);
  return response as Awaited<ReturnType<Handlers[N]>>;
}

beforeEach(() => {
  answers = { open: [], save: [] };
});

describe('library calls', () => {
  it('list the templates, save a section as an outline into user-data/library, and list and read it back', async () => {
    const handlers = setup();
    const listed = await call(handlers, 'listLibrary', {});
    expect(listed.entries.filter((e) => e.builtIn).length).toBeGreaterThanOrEqual(10);
    const saved = await call(handlers, 'saveLibraryEntry', {
      name: '重点工作提纲',
      occasion: '推进会',
      year: 2026,
      kind: 'outline',
      doc: speech(),
      section: 6,
    });
    expect(saved).toMatchObject({ status: 'saved', entry: { name: '重点工作提纲', builtIn: false, headings: 1 } });
    expect(await readdir(path.join(temp.path, 'user', 'library'))).toHaveLength(1);
    const id = saved.status === 'saved' ? saved.entry.id : '';
    expect((await call(handlers, 'listLibrary', { query: '重点 2026' })).entries.map((e) => e.id)).toEqual([id]);
    const read = await call(handlers, 'readLibraryEntry', { id });
    expect(read.status === 'found' && read.entry.doc.content!.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(await call(handlers, 'readLibraryEntry', { id: 'nothing' })).toMatchObject({
      status: 'failed',
      error: { code: 'not-found' },
    });
    expect(
      await call(handlers, 'saveLibraryEntry', { name: '甲', kind: 'full', doc: speech(), section: 2 }),
    ).toMatchObject({ status: 'failed', error: { code: 'not-a-heading' } });
  });

  it('refuse requests outside the contract: a path as an id, an empty name, an unknown kind, extra fields', () => {
    expect(contract.readLibraryEntry.request.safeParse({ id: '' }).success).toBe(false);
    expect(contract.saveLibraryEntry.request.safeParse({ name: ' ', kind: 'outline', doc: speech() }).success).toBe(
      false,
    );
    expect(contract.saveLibraryEntry.request.safeParse({ name: '甲', kind: 'draft', doc: speech() }).success).toBe(
      false,
    );
    expect(
      contract.saveLibraryEntry.request.safeParse({ name: '甲', kind: 'outline', doc: speech(), path: '/etc' }).success,
    ).toBe(false);
    expect(contract.updateLibraryEntry.request.safeParse({ id: 'a', year: 1800 }).success).toBe(false);
    expect(contract.updateLibraryEntry.request.safeParse({ id: 'a', year: null, occasion: null }).success).toBe(true);
    expect(contract.exportLibrary.request.safeParse({ ids: [] }).success).toBe(false);
    expect(contract.importLibrary.request.safeParse({ onConflict: 'merge' }).success).toBe(false);
  });

  it('rename, retag, duplicate a template, delete and undo the delete', async () => {
    const handlers = setup();
    const copy = await call(handlers, 'duplicateLibraryEntry', { id: 'builtin-commendation' });
    expect(copy).toMatchObject({ status: 'saved', entry: { builtIn: false, occasion: '表彰大会' } });
    const id = copy.status === 'saved' ? copy.entry.id : '';
    expect(await call(handlers, 'updateLibraryEntry', { id, name: '我的表彰大会提纲', year: 2026 })).toMatchObject({
      status: 'saved',
      entry: { name: '我的表彰大会提纲', year: 2026 },
    });
    expect(await call(handlers, 'updateLibraryEntry', { id: 'builtin-commendation', name: 'x' })).toMatchObject({
      status: 'failed',
      error: { code: 'read-only' },
    });
    expect(await call(handlers, 'deleteLibraryEntry', { id })).toMatchObject({ status: 'saved', entry: { id } });
    expect((await call(handlers, 'listLibrary', {})).entries.some((e) => e.id === id)).toBe(false);
    expect(await call(handlers, 'restoreLibraryEntry', { id })).toMatchObject({
      status: 'saved',
      entry: { name: '我的表彰大会提纲' },
    });
    expect((await call(handlers, 'listLibrary', {})).entries.some((e) => e.id === id)).toBe(true);
  });

  it('start a new untitled speech from a template, which saves and reopens as a valid speech', async () => {
    const handlers = setup();
    const created = await call(handlers, 'newFromLibraryEntry', { id: 'builtin-push-meeting' });
    expect(created.status).toBe('created');
    if (created.status !== 'created') return;
    expect(created.file.meta.occasion).toBe('推进会');
    expect(created.file.doc.content![0]!.type).toBe('title');
    answers.save.push(path.join(temp.path, '推进会讲话'));
    expect(await call(handlers, 'saveDocument', { docId: created.docId, file: created.file })).toMatchObject({
      status: 'saved',
      name: '推进会讲话.speech',
    });
    expect(parseSpeechFile(await readFile(path.join(temp.path, '推进会讲话.speech'), 'utf8')).file.doc).toEqual(
      created.file.doc,
    );
    expect(await call(handlers, 'newFromLibraryEntry', { id: 'gone' })).toMatchObject({ status: 'failed' });
  });

  it('insert a read entry into a speech at a heading, renumbering the sections after it', async () => {
    const handlers = setup();
    const read = await call(handlers, 'readLibraryEntry', { id: 'builtin-section-guarantee' });
    if (read.status !== 'found') throw new Error('no section template');
    const result = docFromJSON(insertEntry(speech(), 6, read.entry));
    const labels = [...headingLabels(result).entries()].map(
      ([index, label]) => `${label}${result.child(index).textContent.slice(0, 6)}`,
    );
    expect(labels).toEqual([
      '一、统一思想认识',
      '（一）充分认识意义',
      '二、强化组织保障',
      '（一）加强组织领导',
      '（二）强化督查考核',
      '（三）营造良好氛围',
      '三、突出工作重点',
    ]);
  });

  it('export entries to a file and import it back, asking about conflicting names', async () => {
    const handlers = setup();
    const saved = await call(handlers, 'saveLibraryEntry', { name: '推进会提纲', kind: 'outline', doc: speech() });
    const id = saved.status === 'saved' ? saved.entry.id : '';
    answers.save.push(path.join(temp.path, 'share'));
    expect(await call(handlers, 'exportLibrary', { ids: [id, 'builtin-opening'] })).toEqual({
      status: 'exported',
      name: 'share.speechlib',
      count: 2,
    });
    answers.open.push(path.join(temp.path, 'share.speechlib'));
    const asked = await call(handlers, 'importLibrary', {});
    expect(asked).toMatchObject({ status: 'conflicts', names: ['推进会提纲'] });
    const pendingId = asked.status === 'conflicts' ? asked.pendingId : '';
    const done = await call(handlers, 'importLibrary', { pendingId, onConflict: 'replace' });
    expect(done).toMatchObject({
      status: 'imported',
      replaced: ['推进会提纲'],
      replacedIds: [id],
      added: [expect.stringContaining('开幕式')],
    });
    // The replace is undone like a delete: the entry gets its previous content back.
    expect(await call(handlers, 'restoreLibraryEntry', { id })).toMatchObject({
      status: 'saved',
      entry: { id, name: '推进会提纲' },
    });
    expect(await call(handlers, 'importLibrary', {})).toEqual({ status: 'canceled' });
    // The exported file is a library file, not a speech.
    const shared = await readFile(path.join(temp.path, 'share.speechlib'), 'utf8');
    expect(JSON.parse(shared)).toMatchObject({ format: 'lectern.library', version: 1 });
    expect(() => parseSpeechFile(shared)).toThrow();
  });
});

describe('library commands and menus', () => {
  const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined => {
    for (const item of items) {
      if (item.label === label) return item;
      const found = Array.isArray(item.submenu) ? find(item.submenu, label) : undefined;
      if (found) return found;
    }
    return undefined;
  };

  it('offer File → New from Template (Ctrl+Shift+N), File → Save to Library and View → Library in both languages, each sending its command', () => {
    for (const [language, newLabel, saveLabel, libraryLabel] of [
      ['zh-CN', '从模板新建…', '保存到素材库…', '素材库'],
      ['en', 'New from Template…', 'Save to Library…', 'Library'],
    ] as const) {
      const sent: Command[] = [];
      const template = menuTemplate(language, [], (c) => sent.push(c), 'linux');
      const fromTemplate = find(template, newLabel)!;
      expect(fromTemplate.accelerator).toBe('CmdOrCtrl+Shift+N');
      (fromTemplate.click as unknown as () => void)();
      (find(template, saveLabel)!.click as unknown as () => void)();
      (find(template, libraryLabel)!.click as unknown as () => void)();
      expect(sent).toEqual([
        { command: 'newFromTemplate' },
        { command: 'saveToLibrary' },
        { command: 'toggleLibrary' },
      ]);
    }
    for (const command of ['newFromTemplate', 'toggleLibrary', 'saveToLibrary'])
      expect(events.command.safeParse({ command }).success).toBe(true);
  });
});
