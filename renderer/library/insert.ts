/**
 * Putting a library entry into the editor ("insert at cursor"). Into an untouched document the
 * entry goes whole, title and salutation included (a template is a speech to start from); into a
 * document with text its sections go after the block at the cursor, or in place of the empty
 * paragraph at the cursor, with heading levels fitted to where they land and numbers following by
 * themselves (shared/library/insert.ts). One transaction either way, so one undo takes it out.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import type { NodeJSON } from '../../shared/document/file-format';
import { insertEntryAtCursor, type Placement } from '../../shared/library/insert';

/** Whether the document has no text at all (a new, untouched speech). */
function isUntouched(editor: Editor): boolean {
  return editor.state.doc.textContent.trim() === '';
}

/** Inserts the entry's document at the cursor; answers whether anything was inserted. */
export function insertLibraryEntry(editor: Editor, entryDoc: NodeJSON, placement: Placement = 'auto'): boolean {
  if (isUntouched(editor) && entryDoc.content?.some((block) => block.type === 'title')) {
    return editor
      .chain()
      .focus()
      .setContent(entryDoc as JSONContent, { emitUpdate: true })
      .setTextSelection(1)
      .run();
  }
  const { state, view } = editor;
  const tr = state.tr;
  if (!insertEntryAtCursor(tr, entryDoc, placement)) return false;
  view.dispatch(tr.scrollIntoView());
  view.focus();
  return true;
}
