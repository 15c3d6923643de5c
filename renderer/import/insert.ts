/**
 * Putting an imported speech into the editor. Into an empty document it goes whole, title, byline
 * and salutation included; into a document with text it goes after the block at the cursor (or in
 * place of the empty block at the cursor) with its front matter as body paragraphs, since a speech
 * has one title. One transaction either way, so one undo takes it out again.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { NodeJSON } from '../../shared/document/file-format';

/** Whether the document has no text at all (a new, untouched speech). */
export function isEmptyDocument(editor: Editor): boolean {
  return editor.state.doc.textContent.trim() === '';
}

export function insertImported(editor: Editor, doc: NodeJSON): void {
  const blocks = doc.content ?? [];
  // The import is its own undo step, never merged with the typing just before it.
  editor.view.dispatch(closeHistory(editor.state.tr));
  const { selection, doc: current } = editor.state;
  // An empty document, or all of it selected (Ctrl+A, then paste): the import takes its place whole.
  const everything = selection.from <= 1 && selection.to >= current.content.size - 1 && !selection.empty;
  if (isEmptyDocument(editor) || everything) {
    editor
      .chain()
      .focus()
      .setContent(doc as JSONContent, { emitUpdate: true })
      .setTextSelection(1)
      .run();
    return;
  }
  const body = blocks.map((block) =>
    block.type === 'paragraph'
      ? block
      : { type: 'paragraph', attrs: { level: 0, runIn: false }, ...(block.content ? { content: block.content } : {}) },
  );
  // What was selected goes, as a paste replaces a selection; then the speech goes in after the block at the cursor.
  if (!selection.empty) editor.commands.deleteSelection();
  const { $from } = editor.state.selection;
  if ($from.depth < 1) {
    editor
      .chain()
      .focus()
      .insertContentAt(Math.min($from.pos, editor.state.doc.content.size), body as JSONContent[])
      .run();
    return;
  }
  const block = $from.node(1);
  const from = $from.before(1);
  const to = $from.after(1);
  const range = block.content.size === 0 ? { from, to } : to;
  editor
    .chain()
    .focus()
    .insertContentAt(range, body as JSONContent[])
    .run();
}
