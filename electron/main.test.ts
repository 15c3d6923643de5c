/**
 * main.ts's wiring of closing windows, with `electron` mocked (it cannot run here): a window whose
 * renderer died keeps its documents' backups however it is closed, and they are offered to
 * another window at once; a window closed with 不保存 loses them. The decisions themselves are in
 * close-guard.ts and handlers.ts, tested there; this checks main.ts calls them.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptySpeechFile, type SpeechFile } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import type { Handlers } from '../shared/ipc/contract';

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
    },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => undefined },
    shell: { showItemInFolder: () => undefined },
  };
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

const speech = (...body: string[]): SpeechFile => ({ ...emptySpeechFile(new Date('2026-01-01T00:00:00Z')), doc: docOf(['title', '讲话'], ...body.map((text) => [0, text] as [number, string])).toJSON() });
const recoveryFiles = async () => readdir(path.join(mock.userData, 'recovery')).catch(() => [] as string[]);

let first: InstanceType<typeof mock.FakeWindow>;

/** A new window, as macOS's activate opens one when none is left. */
function openAnother(): InstanceType<typeof mock.FakeWindow> {
  expect(mock.windows).toEqual([]);
  mock.appListeners.get('activate')!();
  return mock.windows[0]!;
}
let handlers: Handlers;

beforeAll(async () => {
  mock.userData = await mkdtemp(path.join(tmpdir(), 'lectern-main-'));
  await import('./main');
  mock.ready!();
  await vi.waitFor(() => expect(mock.windows).toHaveLength(1));
  first = mock.windows[0]!;
  handlers = mock.handlers!;
});
afterAll(() => rm(mock.userData, { recursive: true, force: true }));

/** A dirty untitled document in `window`, backed up. */
async function dirtyBackedUp(window: InstanceType<typeof mock.FakeWindow>, text: string): Promise<string> {
  const ctx = { windowId: window.id };
  const { docId } = await handlers.newDocument({}, ctx);
  await handlers.setDocumentState({ docId, name: '未命名', dirty: true }, ctx);
  expect(await handlers.backupDocument({ docId, name: '未命名', file: speech(text) }, ctx)).toMatchObject({ status: 'backed-up' });
  return docId;
}

describe('main: closing windows', () => {
  it('keeps the backups of a window whose renderer died, asks nothing on close, and offers them in another window at once', async () => {
    const docId = await dirtyBackedUp(first, '崩溃前写的');
    expect((await handlers.listRecovery({}, { windowId: first.id })).entries).toEqual([]);

    first.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: -1 });
    // File → 恢复未保存的文稿… from any window offers it now.
    expect((await handlers.listRecovery({}, { windowId: 99 })).entries.map((entry) => entry.recoveryId)).toEqual([docId]);

    first.close();
    expect(mock.prompts).toEqual([]);
    expect(first.destroyed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await recoveryFiles()).toEqual([`${docId}.json`]);
    expect((await handlers.listRecovery({}, { windowId: 99 })).entries.map((entry) => entry.recoveryId)).toEqual([docId]);
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
    expect((await handlers.listRecovery({}, { windowId: 99 })).entries.map((entry) => entry.recoveryId)).toEqual([docId]);
    await handlers.discardRecovery({ recoveryId: docId }, { windowId: 99 });
  });

  it('asks about a live dirty window: 保存 goes to its renderer and keeps the window; 不保存 closes it and removes the backups', async () => {
    mock.prompts.length = 0;
    const window = openAnother();
    const docId = await dirtyBackedUp(window, '不要了');
    mock.promptAnswers.push(0);
    window.close();
    await vi.waitFor(() => expect(window.webContents.sent).toEqual([{ name: 'command', payload: { command: 'saveThenClose' } }]));
    expect(window.destroyed).toBe(false);
    mock.promptAnswers.push(1);
    window.close();
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(mock.prompts).toHaveLength(2);
    await vi.waitFor(async () => expect(await recoveryFiles()).toEqual([]));
    expect((await handlers.listRecovery({}, { windowId: 99 })).entries).toEqual([]);
    expect(await handlers.backupDocument({ docId, name: '未命名', file: speech('x') }, { windowId: 99 })).toMatchObject({ status: 'failed' });
  });
});
