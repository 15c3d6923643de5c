/**
 * A headless editor with the app's extensions, for specs (run them in the jsdom environment).
 */
import { Editor, type JSONContent } from '@tiptap/core';
import { speechExtensions, type EmptyBlockHints } from './extensions';

/** The empty-block hints the test editors show, as the app's Chinese UI words them. */
export const TEST_HINTS: EmptyBlockHints = { title: '讲话标题', byline: '署名', salutation: '称呼' };

/** Shorthand block builders for test documents. */
export const t = (text: string): JSONContent => ({ type: 'title', content: text ? [{ type: 'text', text }] : [] });
export const by = (text: string): JSONContent => ({ type: 'byline', content: text ? [{ type: 'text', text }] : [] });
export const sal = (text: string): JSONContent => ({
  type: 'salutation',
  content: text ? [{ type: 'text', text }] : [],
});
export const cl = (text: string): JSONContent => ({ type: 'closing', content: text ? [{ type: 'text', text }] : [] });
export const p = (text: string, level = 0, runIn = false): JSONContent => ({
  type: 'paragraph',
  attrs: { level, runIn },
  content: text ? [{ type: 'text', text }] : [],
});

export function testEditor(blocks: JSONContent[], element?: HTMLElement): Editor {
  return new Editor({
    extensions: speechExtensions({ hints: TEST_HINTS }),
    content: { type: 'doc', content: blocks },
    ...(element ? { element } : {}),
  });
}

/** Puts the cursor at `offset` inside the `index`-th top-level block. */
export function cursorIn(editor: Editor, index: number, offset = 0): void {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += editor.state.doc.child(i).nodeSize;
  editor.commands.setTextSelection(pos + 1 + offset);
}

/** The top-level blocks as [kind, level, runIn, text] rows for compact assertions. */
export function rows(editor: Editor): Array<[string, number, boolean, string]> {
  const out: Array<[string, number, boolean, string]> = [];
  editor.state.doc.forEach((node) =>
    out.push([node.type.name, Number(node.attrs.level ?? 0), Boolean(node.attrs.runIn), node.textContent]),
  );
  return out;
}

/**
 * Presses a key the way a browser does: a `keydown` on the editor's DOM, which ProseMirror's
 * keymaps read. `combo` is ProseMirror notation: 'Enter', 'Shift-Tab', 'Mod-1', 'Mod-Alt-r'.
 * Returns whether the editor handled the key.
 */
export function press(editor: Editor, combo: string): boolean {
  const parts = combo.split('-');
  const key = parts.pop()!;
  const mods = new Set(parts);
  // dispatchEvent answers false when a handler called preventDefault: the editor took the key.
  return !editor.view.dom.dispatchEvent(
    new KeyboardEvent('keydown', {
      key,
      ctrlKey: mods.has('Mod') || mods.has('Ctrl'),
      shiftKey: mods.has('Shift'),
      altKey: mods.has('Alt'),
      bubbles: true,
      cancelable: true,
    }),
  );
}
