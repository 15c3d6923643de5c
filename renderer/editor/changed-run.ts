/**
 * The run of top-level blocks that differ between two documents. ProseMirror shares every node a
 * transaction did not touch between the old document and the new, so the blocks before the first
 * changed one and after the last are the same objects: comparing references from both ends finds the
 * run without reading any block (DESIGN.md, decision 6), and what a plugin derives from the blocks
 * outside it stays true as it was.
 */
import type { Node as PMNode } from '@tiptap/pm/model';

/** Blocks `[start, oldEnd)` of the old document became blocks `[start, newEnd)` of the new one. */
export interface ChangedRun {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** Position of block `start` (the same in both documents). */
  pos: number;
  /** Positions where the run ends in the old and in the new document. */
  oldTo: number;
  newTo: number;
}

/** The last run found for each new document: the numbers, the count and the outline all ask for the same one. */
const lastRun = new WeakMap<PMNode, { before: PMNode; run: ChangedRun }>();

/**
 * The smallest run of top-level blocks outside which `before` and `after` hold the very same nodes.
 * Equal documents give an empty run (start === oldEnd === newEnd).
 */
export function changedRun(before: PMNode, after: PMNode): ChangedRun {
  const known = lastRun.get(after);
  if (known?.before === before) return known.run;
  const run = findRun(before, after);
  lastRun.set(after, { before, run });
  return run;
}

function findRun(before: PMNode, after: PMNode): ChangedRun {
  const oldCount = before.childCount;
  const newCount = after.childCount;
  let start = 0;
  let pos = 0;
  while (start < oldCount && start < newCount && before.child(start) === after.child(start)) {
    pos += before.child(start).nodeSize;
    start++;
  }
  let oldEnd = oldCount;
  let newEnd = newCount;
  let oldTo = before.content.size;
  let newTo = after.content.size;
  while (oldEnd > start && newEnd > start && before.child(oldEnd - 1) === after.child(newEnd - 1)) {
    oldEnd--;
    newEnd--;
    oldTo -= before.child(oldEnd).nodeSize;
    newTo -= after.child(newEnd).nodeSize;
  }
  return { start, oldEnd, newEnd, pos, oldTo, newTo };
}
