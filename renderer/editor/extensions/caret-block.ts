/**
 * The blocks the selection's ends are in carry `CARET_BLOCK_CLASS`, and every other block of the page skips its
 * layout and paint while it is off screen (`content-visibility: auto` in styles.css; issue 18: at 300,000 characters
 * a keystroke then lays out the screen's blocks, not the speech's). The caret's own block must never be skipped: a
 * block ProseMirror has just made (Enter, a paste) is not yet "relevant" to the browser when the caret is put in
 * it, and the text typed next landed in the block before (「一、新增一节效！」, e2e/never-lose.spec.ts).
 * The class is a node decoration computed from the selection, so it is on the block when the block is drawn, in
 * the same update that puts the caret there, and it moves only when the caret changes blocks.
 */
import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The class of a block holding an end of the selection (never skipped by the browser). */
export const CARET_BLOCK_CLASS = 'has-caret';

export const caretBlockKey = new PluginKey('caretBlock');

/** The top-level block ranges the selection's ends are in, as [from, to) pairs without repeats. */
export function caretBlocks(state: EditorState): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const $pos of [state.selection.$anchor, state.selection.$head]) {
    // A position between top-level blocks (a selected block, all selected) is in none.
    if ($pos.depth === 0) continue;
    const from = $pos.before(1);
    if (ranges.some(([start]) => start === from)) continue;
    ranges.push([from, from + $pos.node(1).nodeSize]);
  }
  return ranges;
}

/** The decorations of `state`'s caret blocks, the same object while the caret stays in the same blocks. */
const cache = new WeakMap<EditorState['doc'], { key: string; set: DecorationSet }>();

function caretDecorations(state: EditorState): DecorationSet {
  const ranges = caretBlocks(state);
  const key = ranges.map(([from, to]) => `${from}-${to}`).join(',');
  const hit = cache.get(state.doc);
  if (hit?.key === key) return hit.set;
  const set = DecorationSet.create(
    state.doc,
    ranges.map(([from, to]) => Decoration.node(from, to, { class: CARET_BLOCK_CLASS })),
  );
  cache.set(state.doc, { key, set });
  return set;
}

export const CaretBlock = Extension.create({
  name: 'caretBlock',

  addProseMirrorPlugins() {
    return [new Plugin({ key: caretBlockKey, props: { decorations: caretDecorations } })];
  },
});
