/**
 * Restoring another version as the current text (a snapshot from History, the version on disk
 * after a conflict, with the document kept open): one transaction that replaces the whole
 * document, so a single undo brings the previous text back.
 */
import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { NodeJSON } from '../../shared/document/file-format';

/**
 * Replaces the editor's document with `doc` as one undoable step. Answers false (changing
 * nothing) when `doc` does not fit the editor's schema.
 */
export function replaceContent(editor: Editor, doc: NodeJSON): boolean {
  let node;
  try {
    node = editor.schema.nodeFromJSON(doc);
    node.check();
  } catch {
    return false;
  }
  const { state } = editor;
  // Its own undo step, never merged with the typing just before it.
  editor.view.dispatch(closeHistory(state.tr.replaceWith(0, state.doc.content.size, node.content)).scrollIntoView());
  return true;
}
