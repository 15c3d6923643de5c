import { readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { callNames, type Handlers } from '../shared/ipc/contract';
import { emptySpeechFile, parseSpeechFile, type SpeechFile } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import { createHandlers } from './handlers';
import { createServices } from './services/index';
import { faultyFileSystem, type Faults } from './services/fault-fs';
import type { Dialogs, WindowBridge } from './services/types';
import { tempDirEach } from './services/test-dir';

const temp = tempDirEach('lectern-handlers-');
let answers: { open: Array<string | undefined>; save: Array<string | undefined> };
let events: string[];
let printed: string[];
let shown: string[];
const ctx = { windowId: 1 };

function setup(faults: Faults = {}): Handlers {
  const dialogs: Dialogs = { showOpen: async () => answers.open.shift(), showSave: async () => answers.save.shift() };
  const windows: WindowBridge = {
    setDocumentState: (_id, { name, dirty }) => events.push(`state ${name} ${dirty}`),
    close: () => events.push('close'),
    languageChanged: (language) => events.push(`language ${language}`),
    recentChanged: () => events.push('recent'),
  };
  // A stand-in printer: the real PDF path is tested in cli/pdf.test.ts.
  const renderPdf = async (html: string) => new TextEncoder().encode(`%PDF-stand-in ${html.length}`);
  const desktop = {
    print: async (_id: number, html: string) => Boolean(printed.push(html)),
    showInFolder: (file: string) => void shown.push(file),
  };
  return createHandlers(
    createServices({
      userDataDir: path.join(temp.path, 'user'),
      dialogs,
      windows,
      renderPdf,
      desktop,
      fs: faultyFileSystem(faults),
    }),
  );
}

const speech = (): SpeechFile => ({
  ...emptySpeechFile(),
  doc: docOf(['title', '讲话'], [1, '统一思想'], [0, '正文']).toJSON(),
});

beforeEach(() => {
  answers = { open: [], save: [] };
  events = [];
  printed = [];
  shown = [];
});

describe('handlers', () => {
  it('bind every call in the contract', () => {
    expect(Object.keys(setup()).sort()).toEqual([...callNames].sort());
  });

  it('save an untitled speech where the dialog says, adding .speech, and reopen it identical', async () => {
    const handlers = setup();
    const { docId } = await handlers.newDocument({}, ctx);
    answers.save.push(path.join(temp.path, '讲话'));
    const saved = await handlers.saveDocument({ docId, file: speech() }, ctx);
    expect(saved).toEqual({ status: 'saved', docId, name: '讲话.speech' });
    const onDisk = parseSpeechFile(await readFile(path.join(temp.path, '讲话.speech'), 'utf8'));
    expect(onDisk.file.doc).toEqual(speech().doc);
    expect(onDisk.file.meta.modifiedAt).toBeDefined();
    answers.open.push(path.join(temp.path, '讲话.speech'));
    const opened = await handlers.openDocument({}, ctx);
    expect(opened.status === 'opened' && opened.file.doc).toEqual(speech().doc);
    expect(events).toContain('recent');
  });

  it('save a titled document to its own file without asking again', async () => {
    const handlers = setup();
    const { docId } = await handlers.newDocument({}, ctx);
    answers.save.push(path.join(temp.path, 'a.speech'));
    await handlers.saveDocumentAs({ docId, file: speech() }, ctx);
    const second = await handlers.saveDocument({ docId, file: { ...speech(), meta: { title: '第二版' } } }, ctx);
    expect(second.status).toBe('saved');
    expect(answers.save).toEqual([]);
    expect(parseSpeechFile(await readFile(path.join(temp.path, 'a.speech'), 'utf8')).file.meta.title).toBe('第二版');
  });

  it('answer canceled when the user cancels a dialog', async () => {
    const handlers = setup();
    const { docId } = await handlers.newDocument({}, ctx);
    expect(await handlers.saveDocumentAs({ docId, file: speech() }, ctx)).toEqual({ status: 'canceled' });
    expect(await handlers.openDocument({}, ctx)).toEqual({ status: 'canceled' });
  });

  it('refuse a corrupt file with a code and message naming the file, and never write to it', async () => {
    const handlers = setup();
    const file = path.join(temp.path, '坏.speech');
    const content = '{"format":"lectern.speech","version":1,"meta":{}}';
    await writeFile(file, content);
    answers.open.push(file);
    const result = await handlers.openDocument({}, ctx);
    expect(result).toMatchObject({ status: 'failed', error: { code: 'invalid-envelope', fileName: '坏.speech' } });
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('report a full disk and a read-only folder by name, leaving the file as it was', async () => {
    const file = path.join(temp.path, '满.speech');
    await writeFile(file, 'original');
    for (const [faults, code] of [
      [{ enospcMidWrite: true }, 'disk-full'],
      [{ openError: 'EROFS' }, 'read-only'],
      [{ openError: 'EACCES' }, 'permission-denied'],
    ] as const) {
      const handlers = setup(faults);
      const { docId } = await handlers.newDocument({}, ctx);
      answers.save.push(file);
      expect(await handlers.saveDocumentAs({ docId, file: speech() }, ctx)).toMatchObject({
        status: 'failed',
        error: { code, fileName: '满.speech' },
      });
      expect(await readFile(file, 'utf8')).toBe('original');
    }
  });

  it('never write a document that would not open again', async () => {
    const handlers = setup();
    const { docId } = await handlers.newDocument({}, ctx);
    answers.save.push(path.join(temp.path, 'x.speech'));
    const bad = { ...speech(), doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 9 } }] } };
    expect(await handlers.saveDocumentAs({ docId, file: bad }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'invalid-content' },
    });
    await expect(readFile(path.join(temp.path, 'x.speech'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('list recent files newest first, open one by id, and drop one that is gone', async () => {
    const handlers = setup();
    for (const name of ['甲', '乙']) {
      const { docId } = await handlers.newDocument({}, ctx);
      answers.save.push(path.join(temp.path, `${name}.speech`));
      await handlers.saveDocument({ docId, file: speech() }, ctx);
    }
    const { entries } = await handlers.listRecent({}, ctx);
    expect(entries.map((e) => e.name)).toEqual(['乙.speech', '甲.speech']);
    expect(entries[0]!.recentId).not.toContain('/');
    expect((await handlers.openRecent({ recentId: entries[1]!.recentId }, ctx)).status).toBe('opened');
    await rm(path.join(temp.path, '乙.speech'));
    expect(await handlers.openRecent({ recentId: entries[0]!.recentId }, ctx)).toMatchObject({
      status: 'failed',
      error: { code: 'not-found' },
    });
    expect((await handlers.listRecent({}, ctx)).entries.map((e) => e.name)).toEqual(['甲.speech']);
  });

  it('read a corrupt recent list and corrupt settings as empty and default, without failing', async () => {
    await setup().setSettings({ language: 'en' }, ctx);
    await writeFile(path.join(temp.path, 'user', 'recent.json'), '{not json');
    await writeFile(path.join(temp.path, 'user', 'settings.json'), '{"language":"fr"}');
    const handlers = setup();
    expect(await handlers.listRecent({}, ctx)).toEqual({ entries: [] });
    expect(await handlers.getSettings({}, ctx)).toEqual({
      language: 'zh-CN',
      checkLevels: true,
      autosave: false,
      profiles: {},
    });
  });

  it('keep the language setting and tell the window', async () => {
    const handlers = setup();
    expect(await handlers.setSettings({ language: 'en' }, ctx)).toEqual({
      language: 'en',
      checkLevels: true,
      autosave: false,
      profiles: {},
    });
    expect(events).toContain('language en');
    expect(await setup().getSettings({}, ctx)).toEqual({
      language: 'en',
      checkLevels: true,
      autosave: false,
      profiles: {},
    });
    expect(await setup().setSettings({ checkLevels: false }, ctx)).toEqual({
      language: 'en',
      checkLevels: false,
      autosave: false,
      profiles: {},
    });
  });

  it('export DOCX, PDF, Markdown and text where the dialog says, named after the document', async () => {
    const handlers = setup();
    const { docId } = await handlers.newDocument({}, ctx);
    answers.save.push(path.join(temp.path, '讲话.speech'));
    await handlers.saveDocument({ docId, file: speech() }, ctx);
    for (const format of ['docx', 'pdf', 'md', 'txt'] as const) {
      answers.save.push(path.join(temp.path, `out-${format}`));
      expect(await handlers.exportDocument({ docId, file: speech(), format, profile: 'gbt9704' }, ctx)).toEqual({
        status: 'exported',
        name: `out-${format}.${format}`,
      });
    }
    expect((await readFile(path.join(temp.path, 'out-docx.docx'))).subarray(0, 2).toString()).toBe('PK');
    expect((await readFile(path.join(temp.path, 'out-pdf.pdf'))).toString()).toMatch(/^%PDF-stand-in \d+/);
    expect(await readFile(path.join(temp.path, 'out-md.md'), 'utf8')).toContain('## 一、统一思想');
    expect(await readFile(path.join(temp.path, 'out-txt.txt'), 'utf8')).toContain('　　一、统一思想');
    expect(await handlers.exportDocument({ docId, file: speech(), format: 'docx', profile: 'large' }, ctx)).toEqual({
      status: 'canceled',
    });
  });

  it('print the print HTML of the chosen profile, and show the last export in its folder', async () => {
    const handlers = setup();
    const { docId } = await handlers.newDocument({}, ctx);
    expect(await handlers.revealExport({}, ctx)).toEqual({ shown: false });
    expect(
      await handlers.printDocument({ docId, file: speech(), profile: 'large', adjustment: { bodySizePt: 20 } }, ctx),
    ).toEqual({ status: 'printed' });
    expect(printed[0]).toContain('<h2 class="level-1 first">一、统一思想</h2>');
    expect(printed[0]).toContain('font-size: 20pt');
    answers.save.push(path.join(temp.path, 'a.docx'));
    await handlers.exportDocument({ docId, file: speech(), format: 'docx', profile: 'gbt9704' }, ctx);
    expect(await handlers.revealExport({}, ctx)).toEqual({ shown: true });
    expect(shown).toEqual([path.join(temp.path, 'a.docx')]);
  });

  it('refuse to export or print a speech with no blocks, with a code the renderer words, and write nothing', async () => {
    const handlers = setup();
    const { docId } = await handlers.newDocument({}, ctx);
    const empty = { ...speech(), doc: { type: 'doc', content: [] } };
    answers.save.push(path.join(temp.path, 'empty.docx'));
    expect(await handlers.exportDocument({ docId, file: empty, format: 'docx', profile: 'gbt9704' }, ctx)).toEqual({
      status: 'failed',
      error: { code: 'empty-speech', message: 'The speech has no blocks.' },
    });
    expect(await handlers.printDocument({ docId, file: empty, profile: 'gbt9704' }, ctx)).toMatchObject({
      status: 'failed',
      code: 'empty-speech',
    });
    expect(printed).toEqual([]);
    await expect(readFile(path.join(temp.path, 'empty.docx'))).rejects.toThrow();
    const { resources } = await import('../renderer/i18n/resources');
    expect(resources['zh-CN'].translation.error.code['empty-speech']).toMatch(/讲稿中没有任何内容/);
    expect(resources.en.translation.error.code['empty-speech']).toMatch(/nothing in it/);
  });

  it('report an export that cannot be written, naming the file', async () => {
    const handlers = setup({ openError: 'EROFS' });
    const { docId } = await handlers.newDocument({}, ctx);
    answers.save.push(path.join(temp.path, 'x.docx'));
    expect(
      await handlers.exportDocument({ docId, file: speech(), format: 'docx', profile: 'speech' }, ctx),
    ).toMatchObject({ status: 'failed', error: { code: 'read-only', fileName: 'x.docx' } });
  });

  it('tell the window the recent list changed after an open or a save, not after a cancel', async () => {
    const handlers = setup();
    const { docId } = await handlers.newDocument({}, ctx);
    await handlers.saveDocument({ docId, file: speech() }, ctx);
    await handlers.openDocument({}, ctx);
    expect(events).toEqual([]);
    answers.save.push(path.join(temp.path, 'a.speech'));
    await handlers.saveDocument({ docId, file: speech() }, ctx);
    expect(events).toEqual(['recent']);
    answers.open.push(path.join(temp.path, 'a.speech'));
    await handlers.openDocument({}, ctx);
    expect(events).toEqual(['recent', 'recent']);
  });

  it('run on a host that gives only dialogs and window effects: PDF and printing answer failed', async () => {
    const dialogs: Dialogs = { showOpen: async () => undefined, showSave: async () => path.join(temp.path, 'x.pdf') };
    const windows: WindowBridge = {
      setDocumentState: () => {},
      close: () => {},
      languageChanged: () => {},
      recentChanged: () => {},
    };
    const handlers = createHandlers(createServices({ userDataDir: path.join(temp.path, 'user'), dialogs, windows }));
    const { docId } = await handlers.newDocument({}, ctx);
    expect(
      await handlers.exportDocument({ docId, file: speech(), format: 'pdf', profile: 'gbt9704' }, ctx),
    ).toMatchObject({ status: 'failed' });
    expect(await handlers.printDocument({ docId, file: speech(), profile: 'gbt9704' }, ctx)).toMatchObject({
      status: 'failed',
    });
    await expect(readFile(path.join(temp.path, 'x.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('pass the document state and the close request to the window', async () => {
    const handlers = setup();
    await handlers.setDocumentState({ docId: 'd', name: '讲话.speech', dirty: true }, ctx);
    await handlers.closeWindow({}, ctx);
    expect(events).toEqual(['state 讲话.speech true', 'close']);
  });
});
