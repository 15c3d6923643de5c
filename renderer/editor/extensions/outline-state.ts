/**
 * Keeps the outline current as the user types, and the active section (the heading whose section
 * holds the cursor) following the selection. The sidebar and the status bar read this state; they
 * never walk the document themselves.
 *
 * A keystroke changes one block's length and nothing else the outline shows: then the entries that
 * count that block (its sections, its point, the total) get the difference, every other entry keeps
 * its identity, and no other block is read (issue 18). Any other change rebuilds the outline from
 * per-node cached facts (only edited blocks are measured again). Either way the outline equals a
 * fresh `buildOutline` of the document (the property test holds it to that after every step).
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { blockFacts, buildOutline, type Outline, type OutlineEntry } from '../../../shared/document/outline';
import { blockIndexAt, enclosingHeading } from '../../../shared/document/sections';
import { changedRun } from '../changed-run';

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

/**
 * The outline after one block's text changed length and nothing else the outline reads (its kind,
 * level, shown text, enumeration marker), or undefined when the change is anything else (a rebuild
 * then answers it). `before` is the document `old` describes.
 */
export function outlineAfterLengthChange(old: Outline, before: PMNode, after: PMNode): Outline | undefined {
  const run = changedRun(before, after);
  if (run.oldEnd - run.start !== 1 || run.newEnd - run.start !== 1) return undefined;
  const index = run.start;
  const was = before.child(index);
  const now = after.child(index);
  const a = blockFacts(was);
  const b = blockFacts(now);
  if (
    was.type !== now.type ||
    a.level !== b.level ||
    // A body paragraph's text is in no entry; a heading's and a point's is.
    (a.text !== b.text && (b.level > 0 || b.marker !== undefined)) ||
    a.marker?.marker !== b.marker?.marker ||
    a.marker?.family !== b.marker?.family ||
    a.marker?.ordinal !== b.marker?.ordinal
  )
    return undefined;
  // Closing remarks are one entry for a run of blocks, named by the first one's text: rebuilt (rarely
  // typed in a long speech).
  if (now.type.name === 'closing') return undefined;
  const delta = b.length - a.length;
  if (delta === 0) return old;
  if (now.type.name !== 'paragraph') return { ...old, total: old.total + delta };
  // The outermost section holding the block: the last top-level heading at or before it, reached by
  // paragraphs only (any other block ends every section).
  const top = lastHeadingAtOrBefore(old.entries, index);
  if (top) for (let i = top.index + 1; i < index; i++) if (after.child(i).type.name !== 'paragraph') return undefined;
  const entries = top ? addAlongPath(old.entries, index, delta) : addToPoint(old.entries, index, delta);
  return { ...old, entries, total: old.total + delta };
}

function lastHeadingAtOrBefore(entries: readonly OutlineEntry[], index: number): OutlineEntry | undefined {
  let found: OutlineEntry | undefined;
  for (const entry of entries) {
    if (entry.index > index) break;
    if (entry.kind === 'heading') found = entry;
  }
  return found;
}

/** The entries with `delta` added to the point at `index` among them, if there is one. */
function addToPoint(entries: OutlineEntry[], index: number, delta: number): OutlineEntry[] {
  const at = entries.findIndex((entry) => entry.kind === 'point' && entry.index === index);
  if (at < 0) return entries;
  const copy = entries.slice();
  copy[at] = { ...entries[at]!, length: entries[at]!.length + delta };
  return copy;
}

/** The entries with `delta` added to every section holding block `index` and to its point. */
function addAlongPath(entries: OutlineEntry[], index: number, delta: number): OutlineEntry[] {
  const section = lastHeadingAtOrBefore(entries, index);
  if (!section) return addToPoint(entries, index, delta);
  const copy = entries.slice();
  copy[copy.indexOf(section)] = {
    ...section,
    length: section.length + delta,
    children: section.index === index ? section.children : addAlongPath(section.children, index, delta),
  };
  return copy;
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
          apply(tr, old, oldState) {
            if (!tr.docChanged && !tr.selectionSet) return old;
            const outline = tr.docChanged
              ? (outlineAfterLengthChange(old.outline, oldState.doc, tr.doc) ?? buildOutline(tr.doc, old.outline))
              : old.outline;
            const activeIndex = activeHeading(tr);
            return outline === old.outline && activeIndex === old.activeIndex ? old : { outline, activeIndex };
          },
        },
      }),
    ];
  },
});
