/**
 * Keys act where the caret is on screen. The browser moves the caret itself for clicks and for
 * keys ProseMirror leaves to it (Ctrl+End, Home, the arrows, Page Down), and tells ProseMirror only
 * through `selectionchange`, an event that arrives a moment later. A key pressed in that moment
 * (Ctrl+End then Enter, typed without a pause) was handled at the old selection: the Enter split
 * the title where it had been clicked instead of adding a line at the end (issue 12, item 5; 4 of
 * 20 tries through Playwright's keyboard). So before any key is handled, the selection is read from
 * the screen if the two differ.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

const caretSyncKey = new PluginKey('caretSync');

/** The DOM selection's ends as document positions, or undefined when it is not inside the editor. */
function screenSelection(view: EditorView): { anchor: number; head: number } | undefined {
  const root = view.root as Document;
  const selection = root.getSelection ? root.getSelection() : document.getSelection();
  if (!selection || !selection.anchorNode || !selection.focusNode) return undefined;
  if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return undefined;
  try {
    return {
      anchor: view.posAtDOM(selection.anchorNode, selection.anchorOffset),
      head: view.posAtDOM(selection.focusNode, selection.focusOffset),
    };
  } catch {
    // A node ProseMirror does not map (a hint's pseudo-content never is; a widget might be): leave it.
    return undefined;
  }
}

/**
 * Takes the caret the browser shows into the editor state before a key is handled, when they
 * differ. Only text selections are read: a node or whole-document selection (Ctrl+A) is
 * ProseMirror's own and has no native caret that could be ahead of it. Answers whether the
 * selection changed.
 */
export function syncCaretFromScreen(view: EditorView): boolean {
  const { state } = view;
  if (!(state.selection instanceof TextSelection) || view.composing || !view.hasFocus()) return false;
  const shown = screenSelection(view);
  if (!shown || (shown.anchor === state.selection.anchor && shown.head === state.selection.head)) return false;
  const next = TextSelection.between(state.doc.resolve(shown.anchor), state.doc.resolve(shown.head));
  if (next.eq(state.selection)) return false;
  view.dispatch(state.tr.setSelection(next));
  return true;
}

/**
 * The extension: first in line for every key press (highest priority, so the keymaps that act on
 * the selection, Enter's split among them, run after it), it syncs the caret and never handles the
 * key itself.
 */
export const CaretSync = Extension.create({
  name: 'caretSync',
  priority: 10_000,

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: caretSyncKey,
        props: {
          handleKeyDown: (view) => {
            syncCaretFromScreen(view);
            return false;
          },
        },
      }),
    ];
  },
});
