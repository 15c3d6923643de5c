/** The preload exposes named functions only: never ipcRenderer, never a generic invoke. */
import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as Array<[string, unknown]>,
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => state.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      state.invoked.push([channel, payload]);
      return { ok: true };
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!state.listeners.has(channel)) state.listeners.set(channel, new Set());
      state.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      state.listeners.get(channel)?.delete(listener),
  },
}));

await import('./preload');
const { callChannel, callNames, eventChannel } = await import('../shared/ipc/contract');

const api = () => state.exposed.get('lectern') as Record<string, unknown>;

describe('window.lectern', () => {
  it('is exposed under one name, with exactly the contract’s calls, onCommand and host', () => {
    expect([...state.exposed.keys()]).toEqual(['lectern']);
    expect(Object.keys(api()).sort()).toEqual([...callNames, 'host', 'onCommand'].sort());
    for (const name of [...callNames, 'onCommand']) expect(typeof api()[name]).toBe('function');
    expect(api().host).toBe('electron');
  });

  it('exposes nothing that reaches ipcRenderer generically', () => {
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync'])
      expect(api()).not.toHaveProperty(forbidden);
  });

  it('sends each call on its own channel', async () => {
    await (api().listRecent as (r: unknown) => Promise<unknown>)({});
    expect(state.invoked).toEqual([[callChannel('listRecent'), {}]]);
  });

  it('delivers commands without the IPC event object, and unsubscribes', () => {
    const received: unknown[] = [];
    const off = (api().onCommand as (l: (c: unknown) => void) => () => void)((command) => received.push(command));
    const channel = eventChannel('command');
    for (const listener of state.listeners.get(channel)!) listener({ sender: 'ipc-event' }, { command: 'save' });
    expect(received).toEqual([{ command: 'save' }]);
    off();
    expect(state.listeners.get(channel)!.size).toBe(0);
  });
});
