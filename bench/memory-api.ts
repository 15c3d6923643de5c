/**
 * An in-memory `LecternApi` for the benchmark page: the real renderer, with the file it opens
 * handed over in memory, so that timings are the editor's and not the disk's.
 */
import type { Command, LecternApi } from '../shared/ipc/contract';
import { emptySpeechFile, type SpeechFile } from '../shared/document/file-format';

export function memoryApi(toOpen: () => SpeechFile): LecternApi & { emit(command: Command): void } {
  const listeners = new Set<(command: Command) => void>();
  let next = 0;
  const ok = { ok: true as const };
  // Every library call fails as a real library would that is not there: the benchmark measures the editor only.
  const noLibrary = (code: 'not-found' | 'io') => async () => ({
    status: 'failed' as const,
    error: { code, message: 'No library in the benchmark.' },
  });
  return {
    host: 'web',
    emit: (command) => listeners.forEach((listener) => listener(command)),
    onCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    newDocument: async () => ({ docId: `doc-${++next}`, name: '未命名', file: emptySpeechFile() }),
    openDocument: async () => ({ status: 'opened', docId: `doc-${++next}`, name: 'bench.speech', file: toOpen() }),
    openRecent: async () => ({ status: 'canceled' }),
    saveDocument: async ({ docId }) => ({ status: 'saved', docId, name: 'bench.speech' }),
    saveDocumentAs: async ({ docId }) => ({ status: 'saved', docId, name: 'bench.speech' }),
    closeDocument: async () => ok,
    listRecent: async () => ({ entries: [] }),
    setDocumentState: async () => ok,
    closeWindow: async () => ok,
    readyForCommands: async () => ok,
    exportDocument: async () => ({ status: 'canceled' }),
    printDocument: async () => ({ status: 'canceled' }),
    checkFonts: async () => ({ chains: [] }),
    revealExport: async () => ({ shown: false }),
    importFile: async () => ({ status: 'canceled' }),
    listLibrary: async () => ({ entries: [], notices: [] }),
    readLibraryEntry: noLibrary('not-found'),
    saveLibraryEntry: noLibrary('io'),
    updateLibraryEntry: noLibrary('not-found'),
    duplicateLibraryEntry: noLibrary('not-found'),
    deleteLibraryEntry: noLibrary('not-found'),
    restoreLibraryEntry: noLibrary('not-found'),
    exportLibrary: async () => ({ status: 'canceled' }),
    importLibrary: async () => ({ status: 'canceled' }),
    newFromLibraryEntry: noLibrary('not-found'),
    getSettings: async () => ({ language: 'zh-CN', checkLevels: true, autosave: false, profiles: {} }),
    setSettings: async () => ({ language: 'zh-CN', checkLevels: true, autosave: false, profiles: {} }),
    backupDocument: async () => ({ status: 'backed-up', savedAt: new Date().toISOString() }),
    listRecovery: async () => ({ entries: [] }),
    readRecovery: async () => ({ status: 'missing' }),
    restoreRecovery: async () => ({
      status: 'failed',
      error: { code: 'not-found', message: 'No backups in the benchmark.' },
    }),
    discardRecovery: async () => ok,
    checkExternal: async () => ({ state: 'unchanged' }),
    reloadDocument: async () => ({ status: 'canceled' }),
    listSnapshots: async () => ({ entries: [] }),
    readSnapshot: async () => ({
      status: 'failed',
      error: { code: 'not-found', message: 'No snapshots in the benchmark.' },
    }),
    addSnapshot: async () => ({
      status: 'failed',
      error: { code: 'untitled', message: 'No snapshots in the benchmark.' },
    }),
    deleteSnapshot: async () => ({ deleted: false }),
  };
}
