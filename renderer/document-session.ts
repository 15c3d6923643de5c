/**
 * The open document's identity and file operations: which document the editor shows (an opaque
 * `docId` from main; the renderer never sees a path), the last saved content (so "unsaved" is an
 * exact comparison, and undoing back to the saved text makes the document clean again), and New,
 * Open, Open Recent, Save and Save As with the unsaved-changes prompt in front of anything that
 * would replace the document.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useEditorState } from '@tiptap/react';
import type { Failure, LecternApi, OpenResult } from '../shared/ipc/contract';
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

interface Identity {
  docId: string;
  name: string;
  /** The envelope as loaded or last saved (meta, placeholders); `doc` is the editor's. */
  file: SpeechFile;
  savedDoc: PMNode;
  /** The properties as last saved, serialised, so that changing them back makes the document clean. */
  savedMeta: string;
  /** The named-field values as last saved, serialised. */
  savedValues: string;
}

export interface DocumentSession {
  docId: string | undefined;
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
  open(): Promise<void>;
  openRecent(recentId: string): Promise<void>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  /** Saves, then asks main to close the window (the native close prompt's 保存). */
  saveThenClose(): Promise<void>;
  /** The document as a file, as it stands in the editor (for export). */
  currentFile(): SpeechFile | undefined;
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
  editor.view.updateState(EditorState.create({ doc, plugins: editor.state.plugins }));
  if (placeholdersKey.getState(editor.state)) editor.commands.setPlaceholderValues(file.placeholders.values);
  if (!editor.isEditable) editor.setEditable(true, false);
  editor.commands.focus('start');
  return editor.state.doc;
}

/**
 * Runs the document session for `editor`. `askUnsaved` shows the 保存 / 不保存 / 取消 prompt.
 */
export function useDocumentSession(editor: Editor | null, api: LecternApi, askUnsaved: (name: string) => Promise<UnsavedChoice>): DocumentSession {
  const [identity, setIdentity] = useState<Identity | undefined>(undefined);
  const [failure, setFailure] = useState<ShownFailure | undefined>(undefined);
  const identityRef = useRef(identity);
  identityRef.current = identity;

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
    (docId: string, name: string, file: SpeechFile) => {
      if (!editor) return;
      const previous = identityRef.current;
      const savedDoc = loadIntoEditor(editor, file);
      setIdentity({ docId, name, file, savedDoc, savedMeta: JSON.stringify(file.meta), savedValues: JSON.stringify(fieldValues(editor)) });
      if (previous && previous.docId !== docId) void api.closeDocument({ docId: previous.docId });
    },
    [api, editor],
  );

  const write = useCallback(
    async (mode: 'save' | 'saveAs'): Promise<boolean> => {
      const current = identityRef.current;
      if (!editor || !current) return false;
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
      const result = mode === 'save' ? await api.saveDocument(request) : await api.saveDocumentAs(request);
      if (result.status === 'saved') {
        setIdentity((now) => (now && now.docId === current.docId ? { ...now, name: result.name, file, savedDoc: doc, savedMeta: JSON.stringify(file.meta), savedValues: JSON.stringify(values) } : now));
        return true;
      }
      if (result.status === 'failed') setFailure({ action: 'save', error: result.error });
      return false;
    },
    [api, editor],
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
    adopt(created.docId, created.name, created.file);
  }, [adopt, api, mayReplace]);

  const importAsNew = useCallback(
    async (doc: NodeJSON) => {
      if (!editor || !(await mayReplace())) return;
      const created = await api.newDocument({});
      adopt(created.docId, created.name, created.file);
      // Into the new, empty document: the imported speech differs from the saved (empty) one, so it is unsaved.
      insertImported(editor, doc);
    },
    [adopt, api, editor, mayReplace],
  );

  const newFromEntry = useCallback(
    async (id: string) => {
      if (!(await mayReplace())) return;
      const created = await api.newFromLibraryEntry({ id });
      if (created.status === 'created') adopt(created.docId, created.name, created.file);
      else setFailure({ action: 'open', error: created.error });
    },
    [adopt, api, mayReplace],
  );

  const handleOpen = useCallback(
    (result: OpenResult) => {
      if (result.status === 'opened') adopt(result.docId, result.name, result.file);
      else if (result.status === 'failed') setFailure({ action: 'open', error: result.error });
    },
    [adopt],
  );

  const open = useCallback(async () => {
    if (!(await mayReplace())) return;
    handleOpen(await api.openDocument({}));
  }, [api, handleOpen, mayReplace]);

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

  // The first document: a new, empty speech.
  useEffect(() => {
    if (!editor || identityRef.current) return;
    void api.newDocument({}).then((created) => {
      if (!identityRef.current) adopt(created.docId, created.name, created.file);
    });
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
    currentFile: () => {
      const current = identityRef.current;
      if (!editor || !current) return undefined;
      const title = titleText(editor.state.doc);
      return {
        ...current.file,
        meta: { ...current.file.meta, ...(title ? { title } : {}) },
        placeholders: { ...current.file.placeholders, values: fieldValues(editor) },
        doc: editor.state.doc.toJSON(),
      };
    },
  };
}
