/**
 * The contract's calls bound to the services: the one table both hosts use (Electron's ipcMain
 * through `handle()`, and the web host over loopback HTTP). No Electron import here.
 */
import type { Handlers } from '../shared/ipc/contract';
import type { Services } from './services/index';

/**
 * Binds every call of the contract to `services`. Requests arrive already parsed by the host
 * (Electron's `handle()` or the web host's route), so handlers trust their shapes. Besides the
 * service's answer, handlers pass on the window effects: the document state and close to the
 * window, a language change after the setting is stored, and a recent-list change after an open
 * or save that was not canceled (the Open Recent menu is rebuilt from it).
 */
export function createHandlers(services: Services): Handlers {
  const { documents, recent, settings, windows, exporter } = services;
  // An open or save that was not canceled may have added, moved up or dropped (file gone) an entry.
  const recentChanged = <T extends { status: string }>(result: T): T => {
    if (result.status !== 'canceled') windows.recentChanged();
    return result;
  };
  return {
    newDocument: async () => documents.newDocument(),
    openDocument: async (_request, { windowId }) => recentChanged(await documents.open(windowId)),
    openRecent: async ({ recentId }) => recentChanged(await documents.openRecent(recentId)),
    saveDocument: async ({ docId, file }, { windowId }) => recentChanged(await documents.save(windowId, docId, file)),
    saveDocumentAs: async ({ docId, file }, { windowId }) => recentChanged(await documents.saveAs(windowId, docId, file)),
    closeDocument: async ({ docId }) => {
      documents.close(docId);
      return { ok: true };
    },
    listRecent: async () => ({ entries: await recent.list() }),
    setDocumentState: async ({ name, dirty }, { windowId }) => {
      windows.setDocumentState(windowId, { name, dirty });
      return { ok: true };
    },
    closeWindow: async (_request, { windowId }) => {
      windows.close(windowId);
      return { ok: true };
    },
    exportDocument: async (request, { windowId }) => exporter.export(windowId, request),
    printDocument: async (request, { windowId }) => exporter.print(windowId, request),
    revealExport: async (_request, { windowId }) => ({ shown: exporter.reveal(windowId) }),
    getSettings: async () => settings.get(),
    setSettings: async (patch) => {
      const next = await settings.set(patch);
      windows.languageChanged(next.language);
      return next;
    },
  };
}
