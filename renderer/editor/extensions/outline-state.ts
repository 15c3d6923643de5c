/**
 * Keeps the outline current as the user types: the outline is rebuilt from per-node cached facts
 * when the document changes (only edited blocks are measured again), and the active section (the
 * heading whose section holds the cursor) follows the selection. The sidebar and the status bar
 * read this state; they never walk the document themselves.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { buildOutline, type Outline } from '../../../shared/document/outline';
import { blockIndexAt, enclosingHeading } from '../../../shared/document/sections';

export interface OutlineState {
  outline: Outline;
  /**
   * Index of the heading block whose section holds the cursor, or of the closing's first block when the cursor is in
   * it.
   */
  activeIndex: number | undefined;
}

export const outlineKey = new PluginKey<OutlineState>('outline');

/** The outline entry the cursor is in: its section's heading, or the 结束语 entry (its first block) in the closing. */
function activeHeading(state: Pick<EditorState, 'doc' | 'selection'>): number | undefined {
  let index = blockIndexAt(state.doc, state.selection.from);
  if (state.doc.child(index).type.name !== 'closing') return enclosingHeading(state.doc, index);
  while (index > 0 && state.doc.child(index - 1).type.name === 'closing') index--;
  return index;
}

/** The outline state of an editor state. */
export function outlineOf(state: EditorState): OutlineState {
  return outlineKey.getState(state)!;
}

export const OutlineTracker = Extension.create({
  name: 'outlineTracker',

  addProseMirrorPlugins() {
    return [
      new Plugin<OutlineState>({
        key: outlineKey,
        state: {
          init: (_config, state) => ({ outline: buildOutline(state.doc), activeIndex: activeHeading(state) }),
          apply(tr, old) {
            if (!tr.docChanged && !tr.selectionSet) return old;
            const outline = tr.docChanged ? buildOutline(tr.doc, old.outline) : old.outline;
            const activeIndex = activeHeading(tr);
            return outline === old.outline && activeIndex === old.activeIndex ? old : { outline, activeIndex };
          },
        },
      }),
    ];
  },
});
