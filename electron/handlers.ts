/**
 * The contract's calls bound to the services: the one table both hosts use (Electron's ipcMain
 * through `handle()`, and the web host over loopback HTTP). No Electron import here.
 */
import { SpeechFileError, type SpeechFile } from '../shared/document/file-format';
import { EXTERNAL_SNAPSHOT_NAME, type Failure, type Handlers } from '../shared/ipc/contract';
import { AtomicWriteError } from './services/atomic-write';
import { failureCode, failureDetail } from './services/documents';
import { errorCode } from './services/file-system';
import type { Services } from './services/index';
import { speechFromEntry } from '../shared/library/insert';
import { SnapshotError } from './services/snapshots';
import { checkFonts, systemFontProbe } from './services/fonts';
import { PROFILES, adjustProfile } from '../shared/export/profiles';

export { EXTERNAL_SNAPSHOT_NAME };

/**
 * A window closed. `remove` (close-guard's `backupsOnClose`: it was clean, or the user chose
 * 不保存, or the renderer saved and closed it): its documents are forgotten and their backups
 * removed, so the next start offers only the work of windows that never closed. `keep` (its
 * renderer died, or nobody confirmed giving up its unsaved work): its documents are forgotten but
 * their backups stay, released to recovery (see `rendererGone`). Hosts call it from the window's
 * `closed` event.
 */
export async function windowClosed(
  services: Pick<Services, 'documents' | 'recovery'>,
  windowId: number,
  backups: 'remove' | 'keep',
): Promise<void> {
  if (backups === 'keep') {
    rendererGone(services, windowId);
    return;
  }
  for (const docId of services.documents.documentsOf(windowId)) {
    services.documents.close(docId);
    await services.recovery.remove(docId);
  }
}

/**
 * A window's renderer died (crash, OOM, GPU, killed): the documents it showed are gone with it
 * but for their backups. They are forgotten (so a restore may open them again under their ids)
 * and their backups released from the recovery store's live set, so File → 恢复未保存的文稿… in
 * another or a new window offers them in this same run. Nothing is removed from disk. Answers
 * the released document ids.
 */
export function rendererGone(services: Pick<Services, 'documents' | 'recovery'>, windowId: number): string[] {
  const released = services.documents.documentsOf(windowId);
  for (const docId of released) {
    services.documents.close(docId);
    services.recovery.release(docId);
  }
  return released;
}

/**
 * Binds every call of the contract to `services`. Requests arrive already parsed by the host
 * (Electron's `handle()` or the web host's route), so handlers trust their shapes. Besides the
 * service's answer, handlers pass on the window effects: the document state and close to the
 * window, a language change after the setting is stored, and a recent-list change after an open
 * or save that was not canceled (the Open Recent menu is rebuilt from it).
 *
 * Never losing work: a save removes the document's backup and (unless it was an autosave) keeps
 * a version snapshot of what was saved; a snapshot that cannot be stored never fails the save. A
 * save that fails or meets a conflict backs the document up at once. A version of the file
 * someone else wrote is kept as a snapshot (外部修改) when a reload reads it or a forced save
 * would overwrite it unread.
 * Closing a document is the user's deliberate choice (saved, or "don't save"): its backup goes.
 */
export function createHandlers(services: Services): Handlers {
  const { documents, recent, settings, windows, exporter, recovery, snapshots } = services;
  // An open or save that was not canceled may have added, moved up or dropped (file gone) an entry.
  const recentChanged = <T extends { status: string }>(result: T): T => {
    if (result.status !== 'canceled' && result.status !== 'conflict') windows.recentChanged();
    return result;
  };
  const afterSave = async (docId: string, file: SpeechFile, snapshot: boolean) => {
    await recovery.remove(docId);
    const saved = documents.pathOf(docId);
    if (snapshot && saved) await snapshots.add(saved, file, { kind: 'auto' }).catch(() => undefined);
  };
  // A save that failed (full disk, read-only, locked) or met a conflict leaves the work unsaved:
  // back it up at once rather than waiting for the renderer's next pause. A document that would
  // not open again is not backed up (the backup would be refused the same way).
  const afterUnsaved = async (docId: string, file: SpeechFile) => {
    const name = documents.nameOf(docId);
    if (name !== undefined)
      await recovery
        .backup({ docId, name, path: documents.pathOf(docId), base: documents.watch.fingerprint(docId), file })
        .catch(() => undefined);
  };
  // Someone else's version of a file, read by a reload (the conflict dialog's compare, 重新载入)
  // or about to be overwritten by a forced "keep mine" save: kept as a named snapshot first, so
  // it can be restored from History. Named: thinning never removes it.
  const keepTheirs = (filePath: string, theirs: SpeechFile) =>
    snapshots.add(filePath, theirs, { kind: 'named', name: EXTERNAL_SNAPSHOT_NAME });
  const noFile = (): Failure => ({ code: 'untitled', message: 'The document has no file yet: save it first.' });
  // An id used already, or never given: the renderer asked twice for one handed-over file.
  const handoverGone = (): Failure => ({
    code: 'not-found',
    message: 'That file was opened already, or is no longer waiting.',
  });
  return {
    newDocument: async () => documents.newDocument(),
    openDocument: async ({ handoverId }, { windowId }) => {
      if (handoverId === undefined) return recentChanged(await documents.open(windowId));
      const file = services.handedOver.take(handoverId);
      return recentChanged(
        file ? await documents.openPath(file) : { status: 'failed' as const, error: handoverGone() },
      );
    },
    openRecent: async ({ recentId }) => recentChanged(await documents.openRecent(recentId)),
    saveDocument: async ({ docId, file, force, autosave }, { windowId }) => {
      const result = recentChanged(await documents.save(windowId, docId, file, { force, keepTheirs }));
      if (result.status === 'saved') await afterSave(docId, file, !autosave);
      else if (result.status === 'failed' || result.status === 'conflict') await afterUnsaved(docId, file);
      return result;
    },
    saveDocumentAs: async ({ docId, file }, { windowId }) => {
      const result = recentChanged(await documents.saveAs(windowId, docId, file));
      if (result.status === 'saved') await afterSave(docId, file, true);
      else if (result.status === 'failed') await afterUnsaved(docId, file);
      return result;
    },
    closeDocument: async ({ docId }) => {
      documents.close(docId);
      await recovery.remove(docId);
      return { ok: true };
    },
    listRecent: async () => ({ entries: await recent.list() }),
    setDocumentState: async ({ docId, name, dirty }, { windowId }) => {
      documents.attach(docId, windowId);
      windows.setDocumentState(windowId, { name, dirty });
      return { ok: true };
    },
    closeWindow: async (_request, { windowId }) => {
      windows.close(windowId);
      return { ok: true };
    },
    readyForCommands: async (_request, { windowId }) => {
      windows.readyForCommands?.(windowId);
      return { ok: true };
    },
    exportDocument: async (request, { windowId }) => exporter.export(windowId, request),
    printDocument: async (request, { windowId }) => exporter.print(windowId, request),
    // A new probe each time: a face the user installs while the dialog is closed is seen when it opens again.
    checkFonts: async ({ text, profile, adjustment }) =>
      checkFonts(systemFontProbe(), adjustProfile(PROFILES[profile], adjustment), text),
    revealExport: async (_request, { windowId }) => ({ shown: exporter.reveal(windowId) }),
    importFile: async ({ dropped, handoverId }, { windowId }) => {
      if (dropped) return services.importer.readDropped(dropped.name, dropped.data);
      if (handoverId === undefined) return services.importer.pick(windowId);
      const file = services.handedOver.take(handoverId);
      return file ? services.importer.readPath(file) : { status: 'failed', error: handoverGone() };
    },
    backupDocument: async ({ docId, name, file }) => {
      if (!documents.has(docId))
        return { status: 'failed', error: { code: 'unknown', message: `Unknown document ${docId}.` } };
      try {
        return {
          status: 'backed-up',
          ...(await recovery.backup({
            docId,
            name,
            path: documents.pathOf(docId),
            base: documents.watch.fingerprint(docId),
            file,
          })),
        };
      } catch (error) {
        if (error instanceof SpeechFileError)
          return { status: 'failed', error: { code: error.code, message: error.message } };
        const errno = error instanceof AtomicWriteError ? error.code : errorCode(error);
        return { status: 'failed', error: { code: failureCode(errno), message: failureDetail(errno, 'saving') } };
      }
    },
    listRecovery: async () => ({ entries: await recovery.list() }),
    readRecovery: async ({ recoveryId }) => {
      const record = await recovery.read(recoveryId);
      if (!record) return { status: 'missing' };
      const disk = record.path ? await documents.peek(record.path) : { status: 'none' as const };
      return { status: 'found', name: record.name, savedAt: record.savedAt, file: record.file, disk };
    },
    restoreRecovery: async ({ recoveryId }) => {
      const record = await recovery.read(recoveryId);
      if (!record)
        return { status: 'failed', error: { code: 'not-found', message: 'That backup is gone or damaged.' } };
      if (documents.has(record.docId))
        return { status: 'failed', error: { code: 'already-open', message: 'That document is open already.' } };
      const name = await documents.adopt(record.docId, { path: record.path, name: record.name, base: record.base });
      recovery.claim(record.docId);
      return {
        status: 'restored',
        docId: record.docId,
        name,
        file: record.file,
        savedAt: record.savedAt,
        hasFile: Boolean(record.path),
      };
    },
    discardRecovery: async ({ recoveryId }) => {
      if (!documents.has(recoveryId)) await recovery.remove(recoveryId);
      return { ok: true };
    },
    checkExternal: async ({ docId }) => ({ state: await documents.checkExternal(docId) }),
    reloadDocument: async ({ docId }) => documents.reload(docId, { keepTheirs }),
    listSnapshots: async ({ docId }) => {
      const file = documents.pathOf(docId);
      return { entries: file ? await snapshots.list(file) : [] };
    },
    readSnapshot: async ({ docId, snapshotId }) => {
      const file = documents.pathOf(docId);
      if (!file) return { status: 'failed', error: noFile() };
      try {
        return { status: 'found', ...(await snapshots.read(file, snapshotId)) };
      } catch (error) {
        return {
          status: 'failed',
          error: { code: error instanceof SnapshotError ? error.code : 'io', message: (error as Error).message },
        };
      }
    },
    addSnapshot: async ({ docId, file, name }) => {
      const target = documents.pathOf(docId);
      if (!target) return { status: 'failed', error: noFile() };
      try {
        return { status: 'added', entry: await snapshots.add(target, file, { kind: 'named', name }) };
      } catch (error) {
        if (error instanceof SpeechFileError || error instanceof SnapshotError)
          return { status: 'failed', error: { code: error.code, message: error.message } };
        const errno = error instanceof AtomicWriteError ? error.code : errorCode(error);
        return { status: 'failed', error: { code: failureCode(errno), message: failureDetail(errno, 'saving') } };
      }
    },
    deleteSnapshot: async ({ docId, snapshotId }) => {
      const file = documents.pathOf(docId);
      return { deleted: file ? await snapshots.remove(file, snapshotId).catch(() => false) : false };
    },
    listLibrary: async (filter) => services.library.store.list(filter),
    readLibraryEntry: async ({ id }) => {
      const found = await services.library.store.read(id).catch(() => undefined);
      return found
        ? { status: 'found', ...found }
        : {
            status: 'failed',
            error: { code: 'not-found', message: 'The library has no such entry (it may have been deleted).' },
          };
    },
    saveLibraryEntry: async (request) => services.library.change((store) => store.create(request)),
    updateLibraryEntry: async ({ id, ...patch }) => services.library.change((store) => store.update(id, patch)),
    duplicateLibraryEntry: async ({ id, name }) => services.library.change((store) => store.duplicate(id, name)),
    deleteLibraryEntry: async ({ id }) => services.library.change((store) => store.remove(id)),
    restoreLibraryEntry: async ({ id }) => services.library.change((store) => store.restore(id)),
    exportLibrary: async ({ ids }, { windowId }) => services.library.exportToFile(windowId, ids),
    importLibrary: async (request, { windowId }) => services.library.importFromFile(windowId, request),
    newFromLibraryEntry: async ({ id }) => {
      const found = await services.library.store.read(id).catch(() => undefined);
      if (!found)
        return {
          status: 'failed',
          error: { code: 'not-found', message: 'The library has no such entry (it may have been deleted).' },
        };
      return { status: 'created', ...documents.newDocument(), file: speechFromEntry(found.entry) };
    },
    getSettings: async () => settings.get(),
    setSettings: async (patch) => {
      const next = await settings.set(patch);
      windows.languageChanged(next.language);
      return next;
    },
  };
}
