/**
 * main.ts's wiring of closing windows, with `electron` mocked (it cannot run here): a window whose
 * renderer died keeps its documents' backups however it is closed, and they are offered to
 * another window at once; a window closed with 不保存 loses them. The decisions themselves are in
 * close-guard.ts and handlers.ts, tested there; this checks main.ts calls them.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { emptySpeechFile, serializeSpeechFile, type SpeechFile } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import type { Command, Handlers, OpenResult } from '../shared/ipc/contract';

type Listener = (...args: unknown[]) => void;

const mock = vi.hoisted(() => {
  class FakeEmitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  class FakeWindow extends FakeEmitter {
    static next = 1;
    readonly id = FakeWindow.next++;
    readonly webContents = Object.assign(new FakeEmitter(), { sent: [] as unknown[] });
    destroyed = false;
    closeCalls = 0;
    focusCalls = 0;
    isMinimized() {
      return false;
    }
    restore() {}
    isVisible() {
      return true;
    }
    focus() {
      this.focusCalls++;
    }
    setTitle() {}
    setDocumentEdited() {}
    /** As Electron: `close` may be prevented; if not, the window goes and `closed` follows. */
    close() {
      this.closeCalls++;
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.destroy();
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      mock.windows.splice(mock.windows.indexOf(this), 1);
      this.emit('closed');
    }
  }
  return {
    FakeWindow,
    windows: [] as InstanceType<typeof FakeWindow>[],
    userData: '',
    handlers: undefined as undefined | Handlers,
    prompts: [] as Array<{ message: string; buttons: string[] }>,
    promptAnswers: [] as number[],
    sent: [] as Array<{ windowId: number; name: string; payload: unknown }>,
    ready: undefined as undefined | (() => void),
    appListeners: new Map<string, Listener>(),
    /** Runs while the close prompt is open, before it answers. */
    duringPrompt: undefined as undefined | (() => void),
    /** What app.addRecentDocument was given. */
    systemRecent: [] as string[],
    /** The next open and save dialogs' answers. */
    openAnswer: undefined as undefined | string,
    saveAnswer: undefined as undefined | string,
  };
});

vi.mock('electron', () => {
  const whenReady = new Promise<void>((resolve) => (mock.ready = resolve));
  return {
    app: {
      setPath: () => undefined,
      getPath: () => mock.userData,
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => mock.appListeners.set(event, listener),
      quit: () => undefined,
      whenReady: () => whenReady,
      isReady: () => true,
      addRecentDocument: (file: string) => mock.systemRecent.push(file),
    },
    BrowserWindow: {
      fromId: (id: number) => mock.windows.find((window) => window.id === id) ?? null,
      getAllWindows: () => [...mock.windows],
      getFocusedWindow: () => null,
    },
    dialog: {
      showMessageBox: async (_window: unknown, options: { message: string; buttons: string[] }) => {
        mock.prompts.push(options);
        mock.duringPrompt?.();
        mock.duringPrompt = undefined;
        return { response: mock.promptAnswers.shift() ?? 2 };
      },
      showOpenDialog: async () =>
        mock.openAnswer ? { canceled: false, filePaths: [mock.openAnswer] } : { canceled: true, filePaths: [] },
      showSaveDialog: async () =>
        mock.saveAnswer ? { canceled: false, filePath: mock.saveAnswer } : { canceled: true },
    },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => undefined },
    shell: { showItemInFolder: () => undefined },
  };
});
// The import worker is a built bundle (dist/electron/import-worker.cjs): here imports are read in the test's thread.
vi.mock('./services/import-reader', async () => {
  const { readImportBytes } = await import('../shared/import/read');
  return { workerImportReader: () => readImportBytes };
});
vi.mock('./app-protocol', () => ({ registerAppScheme: () => undefined, serveAppScheme: () => undefined }));
vi.mock('./window', () => ({
  secureSession: () => undefined,
  createMainWindow: () => {
    const window = new mock.FakeWindow();
    mock.windows.push(window);
    return window;
  },
}));
vi.mock('./ipc', () => ({
  bindContract: (handlers: Handlers) => (mock.handlers = handlers),
  sendEvent: (contents: { sent: unknown[] }, name: string, payload: unknown) => contents.sent.push({ name, payload }),
}));

const speech = (...body: string[]): SpeechFile => ({
  ...emptySpeechFile(new Date('2026-01-01T00:00:00Z')),
  doc: docOf(['title', '讲话'], ...body.map((text) => [0, text] as [number, string])).toJSON(),
});
const recoveryFiles = async () => readdir(path.join(mock.userData, 'recovery')).catch(() => [] as string[]);

let first: InstanceType<typeof mock.FakeWindow>;

/** A new window, as macOS's activate opens one when none is left. */
function openAnother(): InstanceType<typeof mock.FakeWindow> {
  expect(mock.windows).toEqual([]);
  mock.appListeners.get('activate')!();
  return mock.windows[0]!;
}
let handlers: Handlers;

/** The speeches and files the system hands over in these tests, in `<userData>/docs`. */
const docs = {
  argv: '开幕式讲话.speech',
  finder: 'Finder 里双击的.speech',
  second: '第二次启动.speech',
  again: '又一篇.speech',
  missing: '不存在.speech',
  docx: '会议材料.docx',
  unsaved: '不能替换未保存的.speech',
  savedAs: '另存为的.speech',
};
const doc = (name: string) => path.join(mock.userData, 'docs', name);
/** The second window, opened at start for the file macOS handed over before `ready`. */
let finderWindow: InstanceType<typeof mock.FakeWindow>;
let windowsBeforeReady = -1;
let openFilePrevented = false;

beforeAll(async () => {
  mock.userData = await mkdtemp(path.join(tmpdir(), 'lectern-main-'));
  await mkdir(path.join(mock.userData, 'docs'));
  for (const name of [docs.argv, docs.finder, docs.second, docs.again, docs.unsaved]) {
    await writeFile(doc(name), serializeSpeechFile(speech(`《${name}》的正文`)));
  }
  const paragraphs = ['在全市推进会上的讲话', '同志们：'].map((text) => new Paragraph({ text }));
  const material = new Document({ sections: [{ children: paragraphs }] });
  await writeFile(doc(docs.docx), await Packer.toBuffer(material));
  // Started as Windows and Linux start it for a double-clicked file: the path after the executable
  // (and a switch Chromium may add).
  const argv = process.argv;
  process.argv = [process.execPath, doc(docs.argv), '--enable-logging'];
  try {
    await import('./main');
  } finally {
    process.argv = argv;
  }
  // macOS hands a file over before the app is ready.
  mock.appListeners.get('open-file')!({ preventDefault: () => (openFilePrevented = true) }, doc(docs.finder));
  windowsBeforeReady = mock.windows.length;
  mock.ready!();
  // The handed-over files are routed in the same turn as the first window opens.
  await vi.waitFor(() => expect(mock.windows.length).toBeGreaterThan(0));
  [first, finderWindow] = mock.windows as [InstanceType<typeof mock.FakeWindow>, InstanceType<typeof mock.FakeWindow>];
  handlers = mock.handlers!;
});
afterAll(() => rm(mock.userData, { recursive: true, force: true }));

/** A dirty untitled document in `window`, backed up. */
async function dirtyBackedUp(window: InstanceType<typeof mock.FakeWindow>, text: string): Promise<string> {
  const ctx = { windowId: window.id };
  const { docId } = await handlers.newDocument({}, ctx);
  await handlers.setDocumentState({ docId, name: '未命名', dirty: true }, ctx);
  expect(await handlers.backupDocument({ docId, name: '未命名', file: speech(text) }, ctx)).toMatchObject({
    status: 'backed-up',
  });
  return docId;
}

/** The commands main sent to a window's renderer. */
const commands = (window: InstanceType<typeof mock.FakeWindow>) =>
  (window.webContents.sent as Array<{ name: string; payload: Command }>).flatMap((sent) =>
    sent.name === 'command' ? [sent.payload] : [],
  );

/**
 * What the renderer does with main's `open` command (app.tsx, document-session.ts): it listens,
 * opens the file by the command's id, and tells main what it shows. Answers the open's result.
 */
async function openAsRenderer(window: InstanceType<typeof mock.FakeWindow>): Promise<OpenResult> {
  const ctx = { windowId: window.id };
  await handlers.readyForCommands({}, ctx);
  const command = commands(window).at(-1);
  expect(command).toEqual({ command: 'open', handoverId: expect.any(String) });
  const result = await handlers.openDocument({ handoverId: command!.handoverId! }, ctx);
  if (result.status === 'opened')
    await handlers.setDocumentState({ docId: result.docId, name: result.name, dirty: false }, ctx);
  return result;
}
const textOf = (result: OpenResult) =>
  result.status === 'opened' ? JSON.stringify(result.file.doc) : `(${result.status})`;
/** A second start of Lectern with these arguments, from `cwd`. */
const secondInstance = (args: string[], cwd = path.join(mock.userData, 'docs')) =>
  mock.appListeners.get('second-instance')!({}, [process.execPath, ...args], cwd);

describe('main: files the system hands over (issue 20)', () => {
  afterAll(() => {
    // The closing tests below start from the first window alone, with no prompt shown.
    for (const window of mock.windows.filter((window) => window !== first)) window.destroy();
    mock.prompts.length = 0;
  });

  it('opens a .speech named on the command line at first start in the first window, once its renderer listens', async () => {
    expect(commands(first)).toEqual([]);
    const result = await openAsRenderer(first);
    expect(result).toMatchObject({ status: 'opened', name: docs.argv });
    expect(textOf(result)).toContain(`《${docs.argv}》的正文`);
    // The id opens its file once.
    const again = await handlers.openDocument({ handoverId: commands(first)[0]!.handoverId! }, { windowId: first.id });
    expect(again).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
  });

  it('opens a speech macOS handed over before ready once the first window exists, in a window of its own', async () => {
    expect(openFilePrevented).toBe(true);
    expect(windowsBeforeReady).toBe(0);
    // The first window took the command line's file, so this one came in a second window.
    expect(mock.windows).toEqual([first, finderWindow]);
    expect(commands(finderWindow)).toEqual([]);
    const result = await openAsRenderer(finderWindow);
    expect(result).toMatchObject({ status: 'opened', name: docs.finder });
    expect(textOf(result)).toContain(`《${docs.finder}》的正文`);
  });

  it('opens a speech from a second instance in a new window and focuses it, the others showing other files', async () => {
    const before = mock.windows.length;
    secondInstance(['--original-process-start-time=1', docs.second]);
    expect(mock.windows).toHaveLength(before + 1);
    const window = mock.windows.at(-1)!;
    expect(window.focusCalls).toBe(1);
    const result = await openAsRenderer(window);
    expect(result).toMatchObject({ status: 'opened', name: docs.second });
    expect(textOf(result)).toContain(`《${docs.second}》的正文`);
  });

  it('focuses the window showing a speech when it is handed over again, while on its way and once open', async () => {
    const before = mock.windows.length;
    secondInstance([docs.again]);
    secondInstance([doc(docs.again)]);
    expect(mock.windows).toHaveLength(before + 1);
    const window = mock.windows.at(-1)!;
    expect(window.focusCalls).toBe(2);
    expect(await openAsRenderer(window)).toMatchObject({ status: 'opened', name: docs.again });
    secondInstance([docs.again]);
    // The first window's speech, from the command line at start: found there too.
    const firstFocus = first.focusCalls;
    secondInstance([docs.argv]);
    expect(mock.windows).toHaveLength(before + 1);
    expect([window.focusCalls, first.focusCalls - firstFocus]).toEqual([3, 1]);
    expect(commands(window)).toHaveLength(1);
  });

  it('answers a path that cannot be opened as File → 打开 answers it, and the window takes the next file', async () => {
    secondInstance([docs.missing]);
    const window = mock.windows.at(-1)!;
    const handedOver = await openAsRenderer(window);
    mock.openAnswer = doc(docs.missing);
    const fromDialog = await handlers.openDocument({}, { windowId: window.id });
    mock.openAnswer = undefined;
    expect(handedOver).toEqual(fromDialog);
    expect(handedOver).toMatchObject({ status: 'failed', error: { code: 'not-found', fileName: docs.missing } });
    // Still showing nothing: the next file handed over goes to the same window.
    const before = mock.windows.length;
    secondInstance([docs.docx]);
    expect(mock.windows).toHaveLength(before);
    expect(commands(window).at(-1)).toEqual({ command: 'import', handoverId: expect.any(String) });
  });

  it('sends a .docx to the import report, and gives the next file a new window once the import is unsaved work', async () => {
    const window = mock.windows.at(-1)!;
    const ctx = { windowId: window.id };
    const read = await handlers.importFile({ handoverId: commands(window).at(-1)!.handoverId! }, ctx);
    expect(read).toMatchObject({ status: 'read', name: docs.docx, kind: 'html' });
    expect(read.status === 'read' ? read.content : '').toContain('在全市推进会上的讲话');
    // The user accepted the report: a new untitled document holds the import, unsaved.
    const { docId } = await handlers.newDocument({}, ctx);
    await handlers.setDocumentState({ docId, name: '未命名', dirty: true }, ctx);
    const before = mock.windows.length;
    secondInstance([docs.unsaved]);
    expect(mock.windows).toHaveLength(before + 1);
    expect(commands(window)).toHaveLength(2);
    expect(await openAsRenderer(mock.windows.at(-1)!)).toMatchObject({ status: 'opened', name: docs.unsaved });
  });

  it('puts the speeches opened and saved on the system recent documents (jump list, Dock menu)', async () => {
    expect(mock.systemRecent).toEqual([docs.argv, docs.finder, docs.second, docs.again, docs.unsaved].map(doc));
    const window = mock.windows.at(-1)!;
    const ctx = { windowId: window.id };
    const { docId } = await handlers.newDocument({}, ctx);
    mock.saveAnswer = doc(docs.savedAs);
    expect(await handlers.saveDocumentAs({ docId, file: speech('另存') }, ctx)).toMatchObject({ status: 'saved' });
    mock.saveAnswer = undefined;
    expect(mock.systemRecent.at(-1)).toBe(doc(docs.savedAs));
  });
});

describe('main: closing windows', () => {
  it('keeps the backups of a window whose renderer died, asks nothing on close, and offers them in another window at once', async () => {
    const docId = await dirtyBackedUp(first, '崩溃前写的');
    expect((await handlers.listRecovery({}, { windowId: first.id })).entries).toEqual([]);

    first.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: -1 });
    // File → 恢复未保存的文稿… from any window offers it now.
    expect((await handlers.listRecovery({}, { windowId: 99 })).entries.map((entry) => entry.recoveryId)).toEqual([
      docId,
    ]);

    first.close();
    expect(mock.prompts).toEqual([]);
    expect(first.destroyed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await recoveryFiles()).toEqual([`${docId}.json`]);
    expect((await handlers.listRecovery({}, { windowId: 99 })).entries.map((entry) => entry.recoveryId)).toEqual([
      docId,
    ]);
    await handlers.discardRecovery({ recoveryId: docId }, { windowId: 99 });
    expect(await recoveryFiles()).toEqual([]);
  });

  it('closes, keeping the backups, when the renderer dies while the close prompt is open and the user picks 保存', async () => {
    const window = openAnother();
    const docId = await dirtyBackedUp(window, '提示框开着时崩溃');
    mock.promptAnswers.push(0);
    mock.duringPrompt = () => window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    window.close();
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(mock.prompts).toHaveLength(1);
    // 保存 is not sent to the dead renderer.
    expect(window.webContents.sent).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await recoveryFiles()).toEqual([`${docId}.json`]);
    expect((await handlers.listRecovery({}, { windowId: 99 })).entries.map((entry) => entry.recoveryId)).toEqual([
      docId,
    ]);
    await handlers.discardRecovery({ recoveryId: docId }, { windowId: 99 });
  });

  it('asks about a live dirty window: 保存 goes to its renderer and keeps the window; 不保存 closes it and removes the backups', async () => {
    mock.prompts.length = 0;
    const window = openAnother();
    const docId = await dirtyBackedUp(window, '不要了');
    mock.promptAnswers.push(0);
    window.close();
    await vi.waitFor(() =>
      expect(window.webContents.sent).toEqual([{ name: 'command', payload: { command: 'saveThenClose' } }]),
    );
    expect(window.destroyed).toBe(false);
    mock.promptAnswers.push(1);
    window.close();
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(mock.prompts).toHaveLength(2);
    await vi.waitFor(async () => expect(await recoveryFiles()).toEqual([]));
    expect((await handlers.listRecovery({}, { windowId: 99 })).entries).toEqual([]);
    expect(await handlers.backupDocument({ docId, name: '未命名', file: speech('x') }, { windowId: 99 })).toMatchObject(
      { status: 'failed' },
    );
  });
});
