/**
 * The contract's calls bound to the services: the one table both hosts use (Electron's ipcMain
 * through `handle()`, and the web host over loopback HTTP). No Electron import here.
 */
import type { Handlers } from '../shared/ipc/contract';
import type { Services } from './services/index';

export function createHandlers(services: Services): Handlers {
  const { documents, recent, settings, windows, exporter } = services;
  const recentChanged = <T>(result: T): T => {
    windows.recentChanged();
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
