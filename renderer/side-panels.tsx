/**
 * The panels beside the page, right of it in this order when open: the named fields, History and
 * the library. Which are open is the window's (window-panels.ts); what they show is the session's.
 */
import type { Editor } from '@tiptap/core';
import type { LecternApi } from '../shared/ipc/contract';
import type { DocumentSession } from './session/document-session';
import type { SessionState } from './session/session-types';
import type { WindowPanels } from './window-panels';
import { PlaceholderPanel } from './placeholders/placeholder-panel';
import { HistoryPanel } from './history/history-panel';
import { LibraryPanel } from './library/library-panel';

/** The open side panels over `editor` and the document `session` shows as `state`. */
export function SidePanels({
  api,
  editor,
  session,
  state,
  panels,
}: {
  api: LecternApi;
  editor: Editor;
  session: DocumentSession;
  state: SessionState;
  panels: WindowPanels;
}) {
  const { set } = panels;
  return (
    <>
      {panels.placeholders ? <PlaceholderPanel editor={editor} onClose={() => set.placeholders(false)} /> : null}
      {panels.history ? (
        <HistoryPanel
          api={api}
          docId={state.docId}
          hasFile={state.hasFile}
          current={session.currentFile}
          revision={state.saves}
          nameRequest={panels.nameRequest}
          onRestore={session.restoreVersion}
          onClose={() => set.history(false)}
        />
      ) : null}
      {panels.library ? (
        <LibraryPanel
          api={api}
          editor={editor}
          revision={panels.libraryRevision}
          onNewFrom={(id) => void session.newFromEntry(id)}
          onClose={() => set.library(false)}
        />
      ) : null}
    </>
  );
}
