/**
 * Import, from what arrives to the report: a file main read (File → 导入…, a drop) becomes a new
 * document and a paste that looks like a whole speech goes into this one, each after the user saw
 * the import report and accepted it; a file main could not read is a failure like any other.
 */
import { useCallback, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { ImportSource } from '../../shared/import/index';
import type { ImportFileResult } from '../../shared/ipc/contract';
import type { DocumentSession } from '../session/document-session';
import { ImportDialog } from './import-dialog';
import { insertImported } from './insert';

/** What the import report shows: a file's content (imported as a new document) or a paste (into this one). */
export interface PendingImport {
  source: ImportSource;
  /** The file's name; none for a paste. */
  name?: string;
  target: 'new' | 'here';
}

/** The import waiting in its report, and the two ways one arrives. */
export interface ImportFlowState {
  pending: PendingImport | undefined;
  /** Shows the report for a file main read, or (through `onFailure`) the failure that stopped it. */
  showImport(result: ImportFileResult): void;
  /** Shows the report for a pasted speech, to go into this document. */
  showPaste(source: ImportSource): void;
  close(): void;
}

/** The import flow's state; `onFailure` shows a file main could not read (the latest one given is called). */
export function useImportFlow(
  onFailure: (failure: Extract<ImportFileResult, { status: 'failed' }>) => void,
): ImportFlowState {
  const [pending, setPending] = useState<PendingImport | undefined>(undefined);
  const latest = useRef(onFailure);
  latest.current = onFailure;
  const showImport = useCallback((result: ImportFileResult) => {
    if (result.status === 'read')
      setPending({
        source: { kind: result.kind, content: result.content, ...(result.review ? { review: result.review } : {}) },
        name: result.name,
        target: 'new',
      });
    else if (result.status === 'failed') latest.current(result);
  }, []);
  const showPaste = useCallback((source: ImportSource) => setPending({ source, target: 'here' }), []);
  const close = useCallback(() => setPending(undefined), []);
  return { pending, showImport, showPaste, close };
}

/** The import report for `flow.pending`; accepting it opens the speech as a new document or inserts it here. */
export function ImportFlow(props: {
  flow: ImportFlowState;
  editor: Editor;
  session: DocumentSession;
  hasDocument: boolean;
}) {
  const { flow, editor, session, hasDocument } = props;
  const { pending } = flow;
  if (!pending) return null;
  return (
    <ImportDialog
      source={pending.source}
      {...(pending.name ? { name: pending.name } : {})}
      onCancel={() => {
        flow.close();
        // Back to the page, if there is one; on the start view the focus stays where the dialog returns it.
        if (hasDocument) editor.commands.focus();
      }}
      onAccept={(result) => {
        flow.close();
        if (pending.target === 'new') void session.importAsNew(result.file.doc);
        else insertImported(editor, result.file.doc);
      }}
    />
  );
}
