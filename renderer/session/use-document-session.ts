/**
 * How React reads the document session: one session per editor and host, connected while the window
 * is mounted, its state read with `useSyncExternalStore` so that a render sees one consistent state.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import type { LecternApi } from '../../shared/ipc/contract';
import { DocumentSession } from './document-session';
import type { SessionState, UnsavedChoice } from './session-types';

/** The session's state before there is an editor (and so a session): nothing open, still starting. */
const BEFORE_EDITOR: SessionState = {
  docId: undefined,
  starting: true,
  name: '',
  dirty: false,
  meta: {},
  hasFile: false,
  saves: 0,
  failure: undefined,
  external: undefined,
  salvaged: undefined,
  recovery: undefined,
};

const noSubscription = () => () => undefined;

/**
 * The document session for `editor` (undefined until the editor exists) and its state as of this
 * render. `askUnsaved` and `onWarning` may change between renders (the latest is used); the
 * `autosave` setting is passed on whenever it changes.
 */
export function useDocumentSession(
  editor: Editor | null,
  api: LecternApi,
  askUnsaved: (name: string) => Promise<UnsavedChoice>,
  options: { autosave?: boolean; onWarning?: (text: string) => void } = {},
): { session: DocumentSession | undefined; state: SessionState } {
  const latest = useRef({ askUnsaved, onWarning: options.onWarning });
  latest.current = { askUnsaved, onWarning: options.onWarning };
  const session = useMemo(
    () =>
      editor
        ? new DocumentSession(editor, api, {
            askUnsaved: (name) => latest.current.askUnsaved(name),
            onWarning: (text) => latest.current.onWarning?.(text),
            // The setting as the window starts; later changes arrive through setAutosave below.
            autosave: options.autosave ?? false,
          })
        : undefined,
    // One session for the window's life: the autosave setting is passed on below, not by a new session.
    [api, editor],
  );
  useEffect(() => session?.connect(), [session]);
  useEffect(() => session?.setAutosave(options.autosave ?? false), [session, options.autosave]);
  const state = useSyncExternalStore(session?.subscribe ?? noSubscription, () => session?.getState() ?? BEFORE_EDITOR);
  return { session, state };
}
