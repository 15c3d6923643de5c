/**
 * The preload: exposes `window.lectern`, one named function per call in the contract and one
 * subscriber per event. Never `ipcRenderer`, never a generic invoke, never the IPC event object
 * (STYLE.md: the cost of not starting typed).
 */
import { contextBridge, ipcRenderer } from 'electron';
// Names and channels only: the preload bundles no schema library (the contract's types are erased).
import { CALL_NAMES, callChannel, eventChannel } from '../shared/ipc/channels';
import type { Command, LecternApi } from '../shared/ipc/contract';

/** Builds the API object; exported for the test that checks its shape. */
export function buildApi(): LecternApi {
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => [name, (request: unknown) => ipcRenderer.invoke(callChannel(name), request)]),
  );
  return {
    ...(calls as unknown as Omit<LecternApi, 'onCommand' | 'host'>),
    host: 'electron',
    onCommand(listener: (command: Command) => void) {
      const wrapped = (_event: unknown, command: Command) => listener(command);
      ipcRenderer.on(eventChannel('command'), wrapped);
      return () => {
        ipcRenderer.removeListener(eventChannel('command'), wrapped);
      };
    },
  };
}

contextBridge.exposeInMainWorld('lectern', buildApi());
