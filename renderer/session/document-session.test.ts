// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { emptySpeechFile, type SpeechFile } from '../../shared/document/file-format';
import { docOf } from '../../shared/document/test-docs';
import type { LecternApi, RecoveryEntry, Request, Response, SaveResult } from '../../shared/ipc/contract';
import { t, testEditor } from '../editor/test-editor';
import type { Timers } from '../recovery/timers';
import { DocumentSession } from './document-session';
import type { UnsavedChoice } from './session-types';

const speech = (...body: string[]): SpeechFile => ({
  ...emptySpeechFile(new Date(0)),
  doc: docOf(['title', '讲话'], ...body.map((text) => [0, text] as [number, string])).toJSON(),
});

/** Timers that fire only when the test says so, in the order they are due. */
function manualTimers(): Timers & { run(ms: number): Promise<void> } {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout: (callback, ms) => (due.set(next, { at: now + ms, callback }), next++),
    clearTimeout: (handle) => void due.delete(handle as number),
    async run(ms) {
      now += ms;
      for (const [handle, timer] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now || !due.has(handle)) continue;
        due.delete(handle);
        timer.callback();
        await Promise.resolve();
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

/** Main as the session sees it, recording the calls; each answer can be set by a test. */
function fakeMain() {
  const calls: string[] = [];
  const saved: Request<'saveDocument'>[] = [];
  const windowStates: Request<'setDocumentState'>[] = [];
  const answers = {
    recovery: [] as RecoveryEntry[],
    open: { status: 'opened', docId: 'doc-1', name: '讲话.speech', file: speech('原文') } as Response<'openDocument'>,
    save: { status: 'saved', docId: 'doc-1', name: '讲话.speech' } as SaveResult,
    external: 'unchanged' as Response<'checkExternal'>['state'],
  };
  let created = 0;
  const api = {
    host: 'web',
    listRecovery: async () => (calls.push('listRecovery'), { entries: answers.recovery }),
    newDocument: async () => (
      calls.push('newDocument'),
      { docId: `new-${++created}`, name: '未命名', file: emptySpeechFile(new Date(0)) }
    ),
    openDocument: async () => (calls.push('openDocument'), answers.open),
    openRecent: async () => (calls.push('openRecent'), answers.open),
    saveDocument: async (request: Request<'saveDocument'>) => (
      calls.push(request.autosave ? 'autosave' : 'saveDocument'),
      saved.push(request),
      answers.save
    ),
    saveDocumentAs: async (request: Request<'saveDocumentAs'>) => (
      calls.push('saveDocumentAs'),
      saved.push(request),
      answers.save
    ),
    closeDocument: async ({ docId }: Request<'closeDocument'>) => (calls.push(`closeDocument ${docId}`), {}),
    setDocumentState: async (request: Request<'setDocumentState'>) => (windowStates.push(request), {}),
    backupDocument: async () => (
      calls.push('backupDocument'),
      { status: 'backed-up' as const, savedAt: new Date(0).toISOString() }
    ),
    checkExternal: async () => (calls.push('checkExternal'), { state: answers.external }),
    closeWindow: async () => (calls.push('closeWindow'), {}),
  };
  return { api: api as unknown as LecternApi, calls, saved, windowStates, answers };
}

let editor: Editor;
let main: ReturnType<typeof fakeMain>;
let timers: ReturnType<typeof manualTimers>;
let choices: UnsavedChoice[];
let asked: string[];
let titles: string[];
let session: DocumentSession;
let disconnect: () => void;

/** Lets the session's calls to main (all answered at once) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const type = (text: string) => editor.commands.insertContentAt(editor.state.doc.content.size - 1, text);

beforeEach(() => {
  editor = testEditor([t('')]);
  main = fakeMain();
  timers = manualTimers();
  choices = [];
  asked = [];
  titles = [];
  session = new DocumentSession(editor, main.api, {
    askUnsaved: async (name) => (asked.push(name), choices.shift() ?? 'cancel'),
    setTitle: (title) => titles.push(title),
    timers,
  });
  disconnect = session.connect();
});
afterEach(() => {
  disconnect();
  editor.destroy();
});

describe('DocumentSession', () => {
  it('opens no document at the first start when no crash left work (the start view shows)', async () => {
    const unconnected = new DocumentSession(editor, main.api, { askUnsaved: async () => 'cancel', timers });
    expect(unconnected.getState()).toMatchObject({ starting: true, docId: undefined });
    await settle();
    expect(session.getState()).toMatchObject({ starting: false, docId: undefined, recovery: undefined });
    expect(main.calls).toEqual(['listRecovery']);
  });

  it('offers the work a crash left unsaved over a new empty speech', async () => {
    const entries = [
      { recoveryId: 'r1', name: '讲话.speech', savedAt: new Date(0).toISOString(), preview: '原文', hasFile: true },
    ];
    editor.destroy();
    disconnect();
    editor = testEditor([t('')]);
    main = fakeMain();
    main.answers.recovery = entries as RecoveryEntry[];
    session = new DocumentSession(editor, main.api, {
      askUnsaved: async () => 'cancel',
      setTitle: () => undefined,
      timers,
    });
    disconnect = session.connect();
    await settle();
    expect(session.getState()).toMatchObject({ starting: false, docId: 'new-1', dirty: false, recovery: entries });
  });

  it('marks typing unsaved and undoing back to the saved text clean, and tells main and the title bar each time', async () => {
    await session.open();
    expect(session.getState()).toMatchObject({ docId: 'doc-1', name: '讲话.speech', dirty: false, hasFile: true });
    type('，补充');
    expect(session.getState().dirty).toBe(true);
    expect(titles.at(-1)).toBe('讲话.speech • — 讲稿');
    expect(main.windowStates.at(-1)).toEqual({ docId: 'doc-1', name: '讲话.speech', dirty: true });
    editor.commands.undo();
    expect(session.getState().dirty).toBe(false);
    expect(titles.at(-1)).toBe('讲话.speech — 讲稿');
  });

  it('shows a new speech from its top with the caret in the title and the page focused at once, and leaves nothing for a later frame that could undo a click (issue 12, item 5)', async () => {
    // The page on screen: a scrolling desk holding the editor, scrolled down in the speech before.
    const desk = document.createElement('div');
    const mount = document.createElement('div');
    desk.append(mount);
    document.body.append(desk);
    editor.destroy();
    disconnect();
    editor = testEditor(
      [
        t('讲话'),
        ...Array.from({ length: 5 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `第${i}段` }] })),
      ],
      mount,
    );
    session = new DocumentSession(editor, main.api, { askUnsaved: async () => 'cancel', timers });
    disconnect = session.connect();
    await settle();
    main.answers.open = { status: 'opened', docId: 'doc-1', name: '讲话.speech', file: speech('第一段', '第二段') };
    desk.scrollTop = 400;
    (document.activeElement as HTMLElement | null)?.blur();

    await session.open();
    expect(desk.scrollTop).toBe(0);
    expect(editor.view.hasFocus()).toBe(true);
    expect(editor.state.selection.from).toBe(1);

    // The user clicks before the next frame: the browser moves the caret and ProseMirror reads it a
    // moment later. Whatever the load left for a later frame (a focus writes the editor's caret over
    // the screen's; a dispatch moves it) would undo that click, so nothing may be left.
    const later: string[] = [];
    const { view } = editor;
    const [focus, dispatch] = [view.focus.bind(view), view.dispatch.bind(view)];
    view.focus = () => (later.push('focus'), focus());
    view.dispatch = (tr) => (later.push('dispatch'), dispatch(tr));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(later).toEqual([]);
    desk.remove();
  });

  it('keeps the same state object while nothing it shows changes (a moved caret re-renders nothing)', async () => {
    await session.open();
    let told = 0;
    const stop = session.subscribe(() => told++);
    const before = session.getState();
    editor.commands.setTextSelection(2);
    editor.commands.setTextSelection(3);
    expect(told).toBe(0);
    expect(session.getState()).toBe(before);
    type('字');
    expect(told).toBe(1);
    stop();
  });

  it('asks before replacing unsaved work: 取消 keeps it, 保存 writes it before opening the next', async () => {
    await session.open();
    type('，补充');
    choices = ['cancel'];
    await session.newDocument();
    expect(asked).toEqual(['讲话.speech']);
    expect(main.calls).not.toContain('newDocument');
    expect(session.getState().docId).toBe('doc-1');
    choices = ['save'];
    await session.newDocument();
    expect(main.calls.slice(-3)).toEqual(['saveDocument', 'newDocument', 'closeDocument doc-1']);
    expect(JSON.stringify(main.saved.at(-1)?.file.doc)).toContain('原文，补充');
    expect(session.getState()).toMatchObject({ docId: 'new-1', dirty: false, hasFile: false });
  });

  it('asks again about words typed while the next document was on its way: 取消 keeps them and closes what came', async () => {
    await session.open();
    main.answers.open = { status: 'opened', docId: 'doc-2', name: '别的.speech', file: speech('别的') };
    // Main answers when the test says (a recent file on a slow disk).
    let arrive!: () => void;
    const opening = main.api.openRecent;
    main.api.openRecent = (request) => new Promise((resolve) => (arrive = () => resolve(opening(request))));
    const clean = session.openRecent('recent-1');
    await settle();
    expect(asked).toEqual([]); // nothing unsaved yet: no question
    type('，路上写的');
    choices = ['cancel'];
    arrive();
    await clean;
    expect(asked).toEqual(['讲话.speech']);
    expect(editor.state.doc.textContent).toContain('原文，路上写的');
    expect(session.getState()).toMatchObject({ docId: 'doc-1', dirty: true });
    expect(main.calls.at(-1)).toBe('closeDocument doc-2');

    // 不保存 this time: the words typed on the way are let go, as the user chose.
    main.api.openRecent = opening;
    choices = ['discard'];
    await session.openRecent('recent-1');
    expect(session.getState().docId).toBe('doc-2');
  });

  it('saves the editor text with its title in the properties, and the document is clean and counted as saved', async () => {
    await session.open();
    type('，补充');
    expect(await session.save()).toBe(true);
    expect(main.saved.at(-1)?.file.meta.title).toBe('讲话');
    expect(session.getState()).toMatchObject({ dirty: false, saves: 1 });
  });

  it('shows a save that met other changes as a conflict, writes nothing until the user chooses, and keeps mine by force', async () => {
    await session.open();
    type('，我的');
    main.answers.save = { status: 'conflict', docId: 'doc-1', name: '讲话.speech' };
    expect(await session.save()).toBe(false);
    expect(session.getState()).toMatchObject({ external: 'conflict', dirty: true });
    const calls = main.calls.length;
    expect(await session.save()).toBe(false);
    expect(main.calls.length).toBe(calls);
    main.answers.save = { status: 'saved', docId: 'doc-1', name: '讲话.speech' };
    session.keepMine({ save: true, force: true });
    await settle();
    expect(main.saved.at(-1)).toMatchObject({ force: true });
    expect(session.getState()).toMatchObject({ external: undefined, dirty: false });
  });

  it('takes theirs as one undo step that is then the saved version', async () => {
    await session.open();
    type('，我的');
    session.takeTheirs(speech('他人的'));
    expect(editor.state.doc.textContent).toBe('讲话他人的');
    expect(session.getState().dirty).toBe(false);
    editor.commands.undo();
    expect(editor.state.doc.textContent).toBe('讲话原文，我的');
  });

  it('counts a change of properties as unsaved until it is changed back', async () => {
    await session.open();
    session.updateMeta({ targetMinutes: 20 });
    expect(session.getState()).toMatchObject({ dirty: true, meta: { targetMinutes: 20 } });
    session.updateMeta({ targetMinutes: undefined });
    expect(session.getState().dirty).toBe(false);
  });

  it('opens a damaged file as an unsaved copy and says so; a file it cannot open is a failure and nothing changes', async () => {
    main.answers.open = { status: 'failed', error: { code: 'not-speech', message: 'bad', fileName: '坏.speech' } };
    await session.open();
    expect(session.getState()).toMatchObject({
      docId: undefined,
      failure: { action: 'open', error: { code: 'not-speech' } },
    });
    session.dismissFailure();
    const salvaged = {
      status: 'salvaged',
      docId: 'copy-1',
      name: '未命名',
      file: speech('救回'),
      error: { code: 'damaged', message: 'cut', fileName: '坏.speech' },
      report: { kept: 1, repaired: 0, lost: 1, truncated: true, droppedMeta: [] },
    } as Response<'openDocument'>;
    main.answers.open = salvaged;
    await session.open();
    expect(session.getState()).toMatchObject({
      docId: 'copy-1',
      dirty: true,
      hasFile: false,
      salvaged,
      failure: undefined,
    });
  });

  it('backs up unsaved work a second after typing pauses, and watches a file for changes by other programs', async () => {
    await session.open();
    type('，补充');
    await timers.run(900);
    expect(main.calls).not.toContain('backupDocument');
    await timers.run(200);
    expect(main.calls).toContain('backupDocument');
    main.answers.external = 'changed';
    await timers.run(5000);
    expect(session.getState().external).toBe('changed');
  });

  it('backs up a change of properties alone, as it does typing', async () => {
    await session.open();
    session.updateMeta({ targetMinutes: 20 });
    await timers.run(1100);
    expect(main.calls).toContain('backupDocument');
  });

  it('stops its timers and the watcher when disconnected', async () => {
    await session.open();
    type('，补充');
    disconnect();
    disconnect = () => undefined;
    await timers.run(20_000);
    expect(main.calls).not.toContain('backupDocument');
    expect(main.calls).not.toContain('checkExternal');
  });
});
