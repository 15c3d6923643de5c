/**
 * The open document's identity and file operations: which document the editor shows (an opaque
 * `docId` from main; the renderer never sees a path), the last saved content (so "unsaved" is an
 * exact comparison, and undoing back to the saved text makes the document clean again), and New,
 * Open, Open Recent, Save and Save As with the unsaved-changes prompt in front of anything that
 * would replace the document.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useEditorState } from '@tiptap/react';
import i18next from 'i18next';
import type { Failure, LecternApi, OpenResult, RecoveryEntry, SaveResult } from '../shared/ipc/contract';
import { BackupScheduler } from './recovery/backup-scheduler';
import { ExternalWatcher } from './recovery/external-watcher';
import type { ExternalKind } from './recovery/external-dialog';
import type { Restored } from './recovery/recovery-dialog';
import { replaceContent } from './history/replace';
import type { NodeJSON, SpeechFile, SpeechMeta } from '../shared/document/file-format';
import { insertImported } from './import/insert';
import { placeholdersKey } from './editor/extensions/placeholders';

/** What the user chose in the unsaved-changes prompt. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** A failure to show the user, with what was being done. */
export interface ShownFailure {
  action: 'open' | 'save' | 'import';
  error: Failure;
}

/** A damaged file opened as an untitled copy: what to tell the user. */
export type Salvaged = Extract<OpenResult, { status: 'salvaged' }>;

interface Identity {
  docId: string;
  name: string;
  /** Whether the document belongs to a file on disk (autosave, history and the watcher need one). */
  hasFile: boolean;
  /** The envelope as loaded or last saved (meta, placeholders); `doc` is the editor's. */
  file: SpeechFile;
  savedDoc: PMNode;
  /** The properties as last saved, serialised, so that changing them back makes the document clean. */
  savedMeta: string;
  /** The named-field values as last saved, serialised. */
  savedValues: string;
}

export interface DocumentSession {
  /** The open document's id; undefined while none is open (the start view shows then). */
  docId: string | undefined;
  /**
   * True until the first start has decided what to show: a blank document with the recovery offer
   * when a crash left unsaved work, else no document (the start view). Nothing should be shown
   * in that moment, so the start view does not flash before a recovery offer.
   */
  starting: boolean;
  name: string;
  dirty: boolean;
  /** The document's properties (speaking rate, target length, title…). */
  meta: SpeechMeta;
  /** Changes document properties; an unsaved change like any edit. */
  updateMeta(patch: Partial<SpeechMeta>): void;
  failure: ShownFailure | undefined;
  dismissFailure(): void;
  /** Shows a failure of something outside the session (an import) the same way. */
  showFailure(failure: ShownFailure): void;
  /** File → New from Template: a new untitled document from a library entry (asking about unsaved changes first). */
  newFromEntry(id: string): Promise<void>;
  /** Starts a new untitled document holding an imported speech (asking about unsaved changes first); it is unsaved until saved. */
  importAsNew(doc: NodeJSON): Promise<void>;
  newDocument(): Promise<void>;
  /**
   * File → 打开 (the dialog), or, with `handoverId` from main's `open` command, the file the system
   * handed over (a double-click on a .speech); asks about unsaved changes first either way.
   */
  open(handoverId?: string): Promise<void>;
  openRecent(recentId: string): Promise<void>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  /** Saves, then asks main to close the window (the native close prompt's 保存). */
  saveThenClose(): Promise<void>;
  /** The document as a file, as it stands in the editor (for export). */
  currentFile(): SpeechFile | undefined;
  /** Whether the document has a file on disk. */
  hasFile: boolean;
  /** Counts saves, so panels that list versions reload. */
  saves: number;
  /** The file changed on disk, was deleted, or a save met someone else's changes: the dialog to show. */
  external: ExternalKind | undefined;
  dismissExternal(): void;
  /** "Take theirs": the version on disk replaces the text (one undo step) and is the saved version. */
  takeTheirs(file: SpeechFile): void;
  /** "Keep mine": close the dialog and, after a conflict, save the editor's text. */
  keepMine(options: { save: boolean; force: boolean }): void;
  /** A damaged file that was opened as an untitled copy. */
  salvaged: Salvaged | undefined;
  dismissSalvaged(): void;
  /** Backups of unsaved work from a run that crashed, to offer; undefined when there is nothing to offer. */
  recovery: RecoveryEntry[] | undefined;
  /** Asks main for backups again (File → 恢复未保存的文稿…), and about unsaved changes before offering them; answers how many there are. */
  findRecovery(): Promise<number>;
  /** A backup was restored: it becomes the document, unsaved. */
  restored(restored: Restored): void;
  recoveryDone(): void;
  /** A version from History becomes the text (one undo step; the document is then unsaved). */
  restoreVersion(file: SpeechFile): void;
  /** Turns autosave to the file on or off (the setting). */
  setAutosave(enabled: boolean): void;
}

/** The title block's text, used as the document's title in its properties. */
function titleText(doc: PMNode): string | undefined {
  let title: string | undefined;
  doc.forEach((block) => {
    if (title === undefined && block.type.name === 'title' && block.textContent.trim()) title = block.textContent.trim();
  });
  return title;
}

/** The named-field values the placeholder plugin holds (none when it is off). */
function fieldValues(editor: Editor): Record<string, string> {
  return { ...(placeholdersKey.getState(editor.state)?.values ?? {}) };
}

/** Replaces the editor's document with a fresh state, so undo cannot reach the previous document. */
function loadIntoEditor(editor: Editor, file: SpeechFile): PMNode {
  const doc = editor.schema.nodeFromJSON(file.doc);
  // Editable before the state is made: the empty-block hints (讲话标题) are computed when the state
  // is created and only for an editable editor, so the first document would otherwise show none
  // until an edit touched the title (issue 12, item 4).
  if (!editor.isEditable) editor.setEditable(true, false);
  editor.view.updateState(EditorState.create({ doc, plugins: editor.state.plugins }));
  if (placeholdersKey.getState(editor.state)) editor.commands.setPlaceholderValues(file.placeholders.values);
  editor.commands.focus('start');
  return editor.state.doc;
}

/** How a document is taken into the editor. */
interface AdoptOptions {
  hasFile: boolean;
  /** Shown as unsaved from the start (a restored backup, a salvaged copy): its text is not what any file holds. */
  unsaved?: boolean;
}

/**
 * Runs the document session for `editor`. `askUnsaved` shows the 保存 / 不保存 / 取消 prompt.
 * Unsaved work is backed up to main's recovery store a second after typing pauses (and saved to
 * its file when autosave is on); the document's file is watched for changes by other programs.
 */
export function useDocumentSession(
  editor: Editor | null,
  api: LecternApi,
  askUnsaved: (name: string) => Promise<UnsavedChoice>,
  options: { autosave?: boolean; onWarning?: (text: string) => void } = {},
): DocumentSession {
  const [identity, setIdentity] = useState<Identity | undefined>(undefined);
  const [failure, setFailure] = useState<ShownFailure | undefined>(undefined);
  const [external, setExternal] = useState<ExternalKind | undefined>(undefined);
  // While the file's change on disk is being settled, nothing is written to the file (the user
  // has not chosen yet between theirs and mine); backups go on.
  const externalRef = useRef(external);
  externalRef.current = external;
  const [salvaged, setSalvaged] = useState<Salvaged | undefined>(undefined);
  const [recovery, setRecovery] = useState<RecoveryEntry[] | undefined>(undefined);
  const [saves, setSaves] = useState(0);
  const [starting, setStarting] = useState(true);
  const identityRef = useRef(identity);
  identityRef.current = identity;
  const onWarningRef = useRef(options.onWarning);
  onWarningRef.current = options.onWarning;
  // Failures of autosaves and backups already told, by document and code: told once, not every few seconds.
  const told = useRef(new Set<string>());
  // Files sent by an autosave, with the editor document they were made from.
  const sentDocs = useRef(new WeakMap<SpeechFile, PMNode>());

  const docDirty =
    useEditorState({
      editor,
      selector: ({ editor: current }) =>
        current && identity ? !current.state.doc.eq(identity.savedDoc) || JSON.stringify(fieldValues(current)) !== identity.savedValues : false,
    }) ?? false;
  const dirty = docDirty || (identity !== undefined && JSON.stringify(identity.file.meta) !== identity.savedMeta);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const adopt = useCallback(
    (docId: string, name: string, file: SpeechFile, how: AdoptOptions) => {
      if (!editor) return;
      const previous = identityRef.current;
      const loaded = loadIntoEditor(editor, file);
      // An unsaved start compares against an empty speech, so any text in it counts as unsaved.
      const savedDoc = how.unsaved ? editor.schema.nodeFromJSON({ type: 'doc', content: [{ type: 'title' }] }) : loaded;
      const next: Identity = { docId, name, hasFile: how.hasFile, file, savedDoc, savedMeta: JSON.stringify(file.meta), savedValues: JSON.stringify(fieldValues(editor)) };
      // At once, not at the next render: a reply still on its way (the first new document) must
      // see that a document is already shown, and must not replace it.
      identityRef.current = next;
      setIdentity(next);
      setExternal(undefined);
      if (previous && previous.docId !== docId) void api.closeDocument({ docId: previous.docId });
    },
    [api, editor],
  );

  /** The document as a file, as it stands in the editor, with the title in its properties. */
  const fileNow = useCallback((): SpeechFile | undefined => {
    const current = identityRef.current;
    if (!editor || !current) return undefined;
    const title = titleText(editor.state.doc);
    return {
      ...current.file,
      meta: { ...current.file.meta, ...(title ? { title } : {}) },
      placeholders: { ...current.file.placeholders, values: fieldValues(editor) },
      doc: editor.state.doc.toJSON(),
    };
  }, [editor]);

  /** Marks `file` (made from the editor's `doc`) as what the document's file now holds. */
  const markSaved = useCallback((docId: string, name: string, file: SpeechFile, doc: PMNode, values: Record<string, string>) => {
    setIdentity((now) =>
      now && now.docId === docId ? { ...now, name, hasFile: true, file, savedDoc: doc, savedMeta: JSON.stringify(file.meta), savedValues: JSON.stringify(values) } : now,
    );
    setSaves((n) => n + 1);
  }, []);

  const scheduler = useMemo(
    () =>
      new BackupScheduler(api, {
        autosave: options.autosave ?? false,
        onAutosaved: (docId, result: SaveResult, file) => {
          const doc = sentDocs.current.get(file);
          if (result.status === 'saved' && doc) markSaved(docId, result.name, file, doc, file.placeholders.values);
          else if (result.status === 'conflict' && identityRef.current?.docId === docId) setExternal('conflict');
          else if (result.status === 'failed' && !told.current.has(`save:${docId}:${result.error.code}`)) {
            // The document stays unsaved and backed up; say once why the file was not written.
            told.current.add(`save:${docId}:${result.error.code}`);
            setFailure({ action: 'save', error: result.error });
          }
        },
        onBackupFailed: (docId, message) => {
          if (told.current.has(`backup:${docId}`)) return;
          told.current.add(`backup:${docId}`);
          onWarningRef.current?.(i18next.t('recovery.backupFailed', { message }));
        },
      }),
    // The scheduler lives as long as the window; the autosave setting is passed on below.
    [api, markSaved],
  );
  useEffect(() => scheduler.setAutosave(options.autosave ?? false), [scheduler, options.autosave]);
  useEffect(() => () => scheduler.dispose(), [scheduler]);

  // Every edit (and every change of properties, through `dirty`) restarts the backup timers.
  const documentState = useCallback(() => {
    const current = identityRef.current;
    if (!current || !editor) return undefined;
    return {
      docId: current.docId,
      name: current.name,
      dirty: dirtyRef.current,
      // Autosave writes only to a file, and never while a change on disk waits for the user.
      hasFile: current.hasFile && externalRef.current === undefined,
      file: () => {
        const file = fileNow()!;
        sentDocs.current.set(file, editor.state.doc);
        return file;
      },
    };
  }, [editor, fileNow]);
  useEffect(() => {
    if (!editor) return undefined;
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) scheduler.edited(documentState);
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
    };
  }, [documentState, editor, scheduler]);
  useEffect(() => {
    if (dirty) scheduler.edited(documentState);
  }, [dirty, identity?.file.meta, documentState, scheduler]);

  // The document's file is watched for changes by other programs: every few seconds and on focus.
  const watcher = useMemo(
    () =>
      new ExternalWatcher(api, {
        onChange: (docId, state) => {
          if (identityRef.current?.docId !== docId || state === 'unchanged') return;
          setExternal((now) => now ?? state);
        },
      }),
    [api],
  );
  useEffect(() => {
    watcher.watch(identity?.hasFile ? identity.docId : undefined);
  }, [watcher, identity?.docId, identity?.hasFile]);
  useEffect(() => {
    const onFocus = () => void watcher.checkNow();
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      watcher.watch(undefined);
    };
  }, [watcher]);

  const write = useCallback(
    async (mode: 'save' | 'saveAs', force = false): Promise<boolean> => {
      const current = identityRef.current;
      if (!editor || !current) return false;
      // A plain save while the conflict dialog is open would settle it behind the user's back.
      if (mode === 'save' && externalRef.current !== undefined) return false;
      const doc = editor.state.doc;
      const title = titleText(doc);
      const values = fieldValues(editor);
      const file: SpeechFile = {
        ...current.file,
        meta: { ...current.file.meta, ...(title ? { title } : {}) },
        placeholders: { ...current.file.placeholders, values },
        doc: doc.toJSON(),
      };
      const request = { docId: current.docId, file };
      const result = mode === 'save' ? await api.saveDocument({ ...request, ...(force ? { force } : {}) }) : await api.saveDocumentAs(request);
      if (result.status === 'saved') {
        markSaved(current.docId, result.name, file, doc, values);
        scheduler.settled(current.docId);
        return true;
      }
      // Someone else changed the file since it was opened: nothing was written; show the conflict.
      if (result.status === 'conflict') setExternal('conflict');
      if (result.status === 'failed') setFailure({ action: 'save', error: result.error });
      return false;
    },
    [api, editor, markSaved, scheduler],
  );

  /** Asks about unsaved changes; resolves true when it is fine to replace the document. */
  const mayReplace = useCallback(async (): Promise<boolean> => {
    const current = identityRef.current;
    if (!current || !dirtyRef.current) return true;
    const choice = await askUnsaved(current.name);
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    return write('save');
  }, [askUnsaved, write]);

  const newDocument = useCallback(async () => {
    if (!(await mayReplace())) return;
    const created = await api.newDocument({});
    adopt(created.docId, created.name, created.file, { hasFile: false });
  }, [adopt, api, mayReplace]);

  const importAsNew = useCallback(
    async (doc: NodeJSON) => {
      if (!editor || !(await mayReplace())) return;
      const created = await api.newDocument({});
      adopt(created.docId, created.name, created.file, { hasFile: false });
      // Into the new, empty document: the imported speech differs from the saved (empty) one, so it is unsaved.
      insertImported(editor, doc);
    },
    [adopt, api, editor, mayReplace],
  );

  const newFromEntry = useCallback(
    async (id: string) => {
      if (!(await mayReplace())) return;
      const created = await api.newFromLibraryEntry({ id });
      if (created.status === 'created') adopt(created.docId, created.name, created.file, { hasFile: false });
      else setFailure({ action: 'open', error: created.error });
    },
    [adopt, api, mayReplace],
  );

  const handleOpen = useCallback(
    (result: OpenResult) => {
      if (result.status === 'opened') adopt(result.docId, result.name, result.file, { hasFile: true });
      else if (result.status === 'salvaged') {
        // What could be read of a damaged file, as a new untitled document; the file is untouched.
        adopt(result.docId, result.name, result.file, { hasFile: false, unsaved: true });
        setSalvaged(result);
      } else if (result.status === 'failed') setFailure({ action: 'open', error: result.error });
    },
    [adopt],
  );

  const open = useCallback(
    async (handoverId?: string) => {
      if (!(await mayReplace())) return;
      handleOpen(await api.openDocument(handoverId === undefined ? {} : { handoverId }));
    },
    [api, handleOpen, mayReplace],
  );

  const openRecent = useCallback(
    async (recentId: string) => {
      if (!(await mayReplace())) return;
      handleOpen(await api.openRecent({ recentId }));
    },
    [api, handleOpen, mayReplace],
  );

  const save = useCallback(() => write('save'), [write]);
  const saveAs = useCallback(() => write('saveAs'), [write]);
  const saveThenClose = useCallback(async () => {
    if (await write('save')) await api.closeWindow({});
  }, [api, write]);

  // The first start opens no document: the start view offers new, template, open, import and the
  // recent files (issue 12, item 10). Work a crash left unsaved is offered first instead, over a new
  // empty speech as before, so that a restore replaces it and declining leaves a page to write on.
  useEffect(() => {
    if (!editor || identityRef.current) return;
    let live = true;
    void api
      .listRecovery({})
      // A recovery store that cannot be read offers nothing; File → 恢复未保存的文稿… asks again.
      .catch(() => ({ entries: [] as RecoveryEntry[] }))
      .then(async ({ entries }) => {
        if (!live || identityRef.current) return;
        if (entries.length) {
          const created = await api.newDocument({});
          if (!identityRef.current) adopt(created.docId, created.name, created.file, { hasFile: false });
          setRecovery(entries);
        }
      })
      // No new document from main: the start view shows, and its 新建 asks again.
      .catch(() => undefined)
      .finally(() => {
        if (live) setStarting(false);
      });
    return () => {
      live = false;
    };
  }, [adopt, api, editor]);

  // Main shows the name and the unsaved marker in the title bar and asks before closing.
  useEffect(() => {
    if (!identity) return;
    const marker = dirty ? ' •' : '';
    document.title = `${identity.name}${marker} — 讲稿`;
    void api.setDocumentState({ docId: identity.docId, name: identity.name, dirty });
  }, [api, dirty, identity]);

  return {
    docId: identity?.docId,
    starting: starting && !identity,
    name: identity?.name ?? '',
    dirty,
    meta: identity?.file.meta ?? {},
    updateMeta: (patch) =>
      setIdentity((now) => (now ? { ...now, file: { ...now.file, meta: { ...now.file.meta, ...patch } } } : now)),
    failure,
    dismissFailure: () => setFailure(undefined),
    showFailure: setFailure,
    importAsNew,
    newFromEntry,
    newDocument,
    open,
    openRecent,
    save,
    saveAs,
    saveThenClose,
    currentFile: fileNow,
    hasFile: identity?.hasFile ?? false,
    saves,
    external,
    dismissExternal: () => setExternal(undefined),
    takeTheirs: (file) => {
      const current = identityRef.current;
      setExternal(undefined);
      if (!editor || !current || !replaceContent(editor, file.doc)) return;
      if (placeholdersKey.getState(editor.state)) editor.commands.setPlaceholderValues(file.placeholders.values);
      // Main made the disk version the one saves are checked against; it is the saved text now.
      markSaved(current.docId, current.name, file, editor.state.doc, fieldValues(editor));
      scheduler.settled(current.docId);
    },
    keepMine: ({ save: andSave, force }) => {
      setExternal(undefined);
      externalRef.current = undefined;
      if (andSave) void write('save', force);
    },
    salvaged,
    dismissSalvaged: () => setSalvaged(undefined),
    recovery,
    findRecovery: async () => {
      const { entries } = await api.listRecovery({});
      // A restore replaces the document shown: ask about its unsaved changes first.
      if (entries.length && (await mayReplace())) setRecovery(entries);
      return entries.length;
    },
    restored: (restored) => adopt(restored.docId, restored.name, restored.file, { hasFile: restored.hasFile, unsaved: true }),
    recoveryDone: () => setRecovery(undefined),
    restoreVersion: (file) => {
      if (!editor || !replaceContent(editor, file.doc)) return;
      if (placeholdersKey.getState(editor.state)) editor.commands.setPlaceholderValues(file.placeholders.values);
    },
    setAutosave: (enabled) => scheduler.setAutosave(enabled),
  };
}
