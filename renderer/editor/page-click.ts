/**
 * Clicks on the paper around the text. The page is an A4 sheet larger than the text block (its
 * margins, and the empty space below the last line of a short speech), and a click there reached
 * no editable element: the caret stayed where it was, the focus left the editor, and what the
 * user typed next went nowhere (issue 12, item 4). Word and WPS put the caret on the nearest line
 * instead; so does this.
 */
import type { Editor } from '@tiptap/core';
import { Selection, TextSelection } from '@tiptap/pm/state';

/**
 * Handles a mouse press on the page outside the editor's text: places the caret on the line
 * nearest the press (at its start or end when the press is in a margin; at the end of the speech
 * when it is below the text), extending the selection instead when Shift is held, and focuses the
 * editor at once so the next keystroke lands there. Answers whether it handled the press; presses
 * inside the text (ProseMirror's own), with another button or a modifier other than Shift, and on a
 * read-only editor are left alone.
 */
export function placeCaretFromPage(editor: Editor, event: MouseEvent): boolean {
  const { view } = editor;
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.altKey || !editor.isEditable) return false;
  if (event.target instanceof Node && view.dom.contains(event.target)) return false;
  const box = view.dom.getBoundingClientRect();
  const { doc } = view.state;
  let selection: Selection;
  if (event.clientY >= box.bottom) {
    selection = Selection.atEnd(doc);
  } else {
    // One pixel inside the text block, so that the coordinates fall on a line, not on its edge.
    const left = Math.min(Math.max(event.clientX, box.left + 1), box.right - 1);
    const top = Math.min(Math.max(event.clientY, box.top + 1), box.bottom - 1);
    const found = view.posAtCoords({ left, top });
    selection = found ? TextSelection.near(doc.resolve(found.pos)) : Selection.atEnd(doc);
  }
  if (event.shiftKey) selection = TextSelection.between(view.state.selection.$anchor, selection.$head);
  // The default would move the focus to the page (out of the editor) and start a native selection there.
  event.preventDefault();
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  // Synchronously, unlike TipTap's focus command (a frame later): a key pressed right after the
  // click must already find the editor focused.
  view.focus();
  return true;
}
