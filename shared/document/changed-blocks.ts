/**
 * Which top-level blocks a transaction touched, so that derived views (numbering, run-in leads,
 * outline, placeholder highlights) recompute only those and map the rest (DESIGN.md, decision 6).
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { AddMarkStep, AttrStep, RemoveMarkStep, type Mapping } from '@tiptap/pm/transform';

/** A top-level block in the new document: its start position and the node. */
export interface TouchedBlock {
  pos: number;
  node: PMNode;
}

/**
 * The ranges of the new document that a mapping's steps wrote, each mapped through the steps after
 * it. A pure insertion yields a range with from < to; a pure deletion a collapsed range at its place.
 */
export function changedRanges(mapping: Mapping): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  mapping.maps.forEach((map, index) => {
    const rest = mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  return ranges;
}

/**
 * Ranges that steps with an empty step map changed in place (adding or removing a mark, setting
 * an attribute), mapped into the final document.
 */
function inPlaceRanges(tr: Transaction): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  tr.steps.forEach((step, index) => {
    const rest = tr.mapping.slice(index + 1);
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep)
      ranges.push([rest.map(step.from, 1), rest.map(step.to, -1)]);
    else if (step instanceof AttrStep) ranges.push([rest.map(step.pos, 1), rest.map(step.pos, 1) + 1]);
  });
  return ranges;
}

/**
 * The top-level blocks of `tr.doc` that the transaction touched, in document order, each once:
 * where steps replaced content, and where they changed marks or attributes in place.
 */
export function touchedBlocks(tr: Transaction): TouchedBlock[] {
  const doc = tr.doc;
  const seen = new Set<number>();
  const blocks: TouchedBlock[] = [];
  for (const [from, to] of [...changedRanges(tr.mapping), ...inPlaceRanges(tr)]) {
    // Widen a collapsed range by one on each side so a deletion marks the blocks it joined.
    const start = Math.max(0, Math.min(from, to) - 1);
    const end = Math.min(doc.content.size, Math.max(from, to) + 1);
    doc.nodesBetween(start, end, (node, pos) => {
      if (!seen.has(pos)) {
        seen.add(pos);
        blocks.push({ pos, node });
      }
      return false;
    });
  }
  return blocks.sort((a, b) => a.pos - b.pos);
}
