/** The one `handle()` wrapper: sender checked, payload parsed before any handler runs. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  windows: [] as Array<{ id: number; webContents: { mainFrame: unknown } }>,
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) =>
      state.handlers.set(channel, fn),
  },
  BrowserWindow: { fromWebContents: (contents: unknown) => state.windows.find((w) => w.webContents === contents) },
}));

const { bindContract } = await import('./ipc');
const { callChannel, callNames } = await import('../shared/ipc/contract');
const { emptySpeechFile } = await import('../shared/document/file-format');

const mainFrame = { url: 'lectern-app://app/index.html', parent: null };
const contents = { mainFrame };
const handlerCalls: Array<[string, unknown, unknown]> = [];

beforeEach(() => {
  state.handlers.clear();
  state.windows = [{ id: 7, webContents: contents }];
  handlerCalls.length = 0;
  const handlers = Object.fromEntries(
    callNames.map((name) => [
      name,
      async (request: unknown, context: unknown) => {
        handlerCalls.push([name, request, context]);
        return { ok: true };
      },
    ]),
  );
  bindContract(handlers as never);
});

const invoke = (name: string, payload: unknown, event: unknown = { sender: contents, senderFrame: mainFrame }) =>
  state.handlers.get(callChannel(name as never))!(event, payload);

describe('bindContract', () => {
  it('registers one channel per call in the contract', () => {
    expect([...state.handlers.keys()].sort()).toEqual(callNames.map((name) => callChannel(name)).sort());
  });

  it('passes a valid request from the app’s window to its handler, with the window id', async () => {
    const file = emptySpeechFile();
    await invoke('saveDocument', { docId: 'd1', file });
    expect(handlerCalls).toEqual([['saveDocument', { docId: 'd1', file }, { windowId: 7 }]]);
  });

  it('refuses a malformed payload before the handler runs', async () => {
    await expect(invoke('saveDocument', { docId: 'd1', file: { format: 'nope' } })).rejects.toThrow(/invalid request/);
    await expect(invoke('setDocumentState', { docId: 'd1', name: 'x', dirty: 'yes' })).rejects.toThrow(
      /invalid request/,
    );
    await expect(invoke('newDocument', { extra: 1 })).rejects.toThrow(/invalid request/);
    expect(handlerCalls).toEqual([]);
  });

  it('refuses calls from another origin, a subframe, or a window that is not ours', async () => {
    await expect(
      invoke('newDocument', {}, { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } }),
    ).rejects.toThrow(/outside the app/);
    await expect(
      invoke(
        'newDocument',
        {},
        { sender: contents, senderFrame: { url: 'lectern-app://app/x.html', parent: mainFrame } },
      ),
    ).rejects.toThrow(/outside the app/);
    await expect(invoke('newDocument', {}, { sender: { mainFrame: {} }, senderFrame: mainFrame })).rejects.toThrow(
      /outside the app/,
    );
    await expect(invoke('newDocument', {}, { sender: contents, senderFrame: null })).rejects.toThrow(/outside the app/);
    expect(handlerCalls).toEqual([]);
  });
});
