/**
 * Sections: the run of top-level paragraphs from a heading to the next heading of the same or
 * higher level (DESIGN.md, decision 1). Any other block ends a section: the closing remarks
 * (`closing`) after the last section, and a title, byline or salutation wherever the user put one,
 * so that no section change ever carries them along (issue 12: the 结束语 moved with 三、).
 * Moving a section moves that run; promoting one shifts its heading and every heading inside it.
 * Each function builds its change on a transaction and answers why it refused, so that a move is
 * done whole or not at all.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import { headingLevel } from './numbering';
import { MAX_HEADING_LEVEL } from './schema';

/** A section's blocks: indexes [start, end) and positions [from, to). */
export interface SectionBounds {
  start: number;
  end: number;
  from: number;
  to: number;
  level: number;
}

/** Why a section change was refused. */
export type SectionRefusal = 'not-a-heading' | 'no-sibling' | 'into-itself' | 'level-out-of-range' | 'skips-a-level';

/** Start position of each top-level block, plus the document's end. */
function blockStarts(doc: PMNode): number[] {
  const starts: number[] = [];
  doc.forEach((_node, offset) => starts.push(offset));
  starts.push(doc.content.size);
  return starts;
}

/** The section headed by the block at `index`, or undefined when that block is not a heading. */
export function sectionBounds(doc: PMNode, index: number): SectionBounds | undefined {
  if (index < 0 || index >= doc.childCount) return undefined;
  const level = headingLevel(doc.child(index));
  if (!level) return undefined;
  let end = index + 1;
  while (end < doc.childCount) {
    const node = doc.child(end);
    if (node.type.name !== 'paragraph') break;
    const next = headingLevel(node);
    if (next && next <= level) break;
    end++;
  }
  const starts = blockStarts(doc);
  return { start: index, end, from: starts[index]!, to: starts[end]!, level };
}

/**
 * Where the section at `index` may be moved: the run of paragraphs around it, as indexes
 * [start, end). Any other block bounds it, so a section goes between the opening lines (title,
 * byline, salutation) and the closing remarks, never among them or past them.
 */
export function paragraphRun(doc: PMNode, index: number): { start: number; end: number } {
  let start = Math.min(index, doc.childCount);
  while (start > 0 && doc.child(start - 1).type.name === 'paragraph') start--;
  let end = start;
  while (end < doc.childCount && doc.child(end).type.name === 'paragraph') end++;
  return { start, end: Math.max(end, index) };
}

/** The index of the first block of the closing remarks (结束语) at the end of `doc`; `doc.childCount` when it has none. */
export function closingIndex(doc: PMNode): number {
  let index = doc.childCount;
  while (index > 0 && doc.child(index - 1).type.name === 'closing') index--;
  return index;
}

/** The position of the top-level block `index` (the document's end for `doc.childCount`). */
export function blockPosition(doc: PMNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < Math.min(index, doc.childCount); i++) pos += doc.child(i).nodeSize;
  return pos;
}

/** The index of the top-level block containing position `pos`. */
export function blockIndexAt(doc: PMNode, pos: number): number {
  const index = doc.resolve(Math.min(Math.max(pos, 0), doc.content.size)).index(0);
  return Math.min(index, doc.childCount - 1);
}

/**
 * The heading whose section contains block `index` at the deepest level (the block itself if a
 * heading); none for a block in no section: the opening lines, the closing remarks (结束语), and
 * body text before the first heading.
 */
export function enclosingHeading(doc: PMNode, index: number): number | undefined {
  for (let i = Math.min(index, doc.childCount - 1); i >= 0; i--) {
    const block = doc.child(i);
    if (block.type.name !== 'paragraph') return undefined;
    if (headingLevel(block)) return i;
  }
  return undefined;
}

/**
 * The sibling section before (-1) or after (+1) the section at `index`: the nearest heading of the
 * same level within the same parent section.
 */
export function siblingSection(doc: PMNode, index: number, direction: -1 | 1): number | undefined {
  const own = sectionBounds(doc, index);
  if (!own) return undefined;
  if (direction === 1) {
    if (own.end >= doc.childCount) return undefined;
    return headingLevel(doc.child(own.end)) === own.level ? own.end : undefined;
  }
  for (let i = index - 1; i >= 0; i--) {
    if (doc.child(i).type.name !== 'paragraph') return undefined;
    const level = headingLevel(doc.child(i));
    if (!level) continue;
    if (level < own.level) return undefined;
    if (level === own.level) return i;
  }
  return undefined;
}

/** How many headings skip a level (a 1. straight under 一、, or a first heading below level 1). */
export function skippedLevels(levels: readonly number[]): number {
  let previous = 0;
  let skips = 0;
  for (const level of levels) {
    if (!level) continue;
    if (level > previous + 1) skips++;
    previous = level;
  }
  return skips;
}

function headingLevels(doc: PMNode): number[] {
  const levels: number[] = [];
  doc.forEach((node) => levels.push(headingLevel(node)));
  return levels;
}

/** Options for section changes. */
export interface SectionChangeOptions {
  /** Refuse a change that makes a heading skip a level where none did before. */
  checkLevels?: boolean;
}

/** Whether `after` (the heading levels a change would leave) breaks the level check that `before` passed. */
function refusesLevels(before: readonly number[], after: readonly number[], options: SectionChangeOptions): boolean {
  return Boolean(options.checkLevels) && skippedLevels(after) > skippedLevels(before);
}

/**
 * Moves the section at `index` so that it stands before the top-level block `target` (an index in
 * the current document; `doc.childCount` means the end). Returns a refusal, or undefined when `tr`
 * now holds the move. The move is one transaction, so one undo restores it.
 */
export function moveSection(
  tr: Transaction,
  index: number,
  target: number,
  options: SectionChangeOptions = {},
): SectionRefusal | undefined {
  const doc = tr.doc;
  const bounds = sectionBounds(doc, index);
  if (!bounds) return 'not-a-heading';
  if (target > bounds.start && target < bounds.end) return 'into-itself';
  // A drop at the outline's end lands before the 结束语, one above the first section after the
  // salutation.
  const body = paragraphRun(doc, index);
  const clamped = Math.min(Math.max(target, body.start), body.end);
  if (clamped === bounds.start || clamped === bounds.end || (clamped > bounds.start && clamped < bounds.end))
    return undefined;
  const starts = blockStarts(doc);
  const content = doc.slice(bounds.from, bounds.to).content;
  const levels = headingLevels(doc);
  const moved = levels.slice(bounds.start, bounds.end);
  const rest = [...levels.slice(0, bounds.start), ...levels.slice(bounds.end)];
  const insertAt = clamped < bounds.start ? clamped : clamped - moved.length;
  if (refusesLevels(levels, [...rest.slice(0, insertAt), ...moved, ...rest.slice(insertAt)], options))
    return 'skips-a-level';
  const steps = tr.steps.length;
  const { from: anchor, to: head } = tr.selection;
  const carried = anchor >= bounds.from && head <= bounds.to;
  tr.delete(bounds.from, bounds.to);
  const insertPos = tr.mapping.slice(steps).map(starts[clamped]!);
  tr.insert(insertPos, content);
  // The cursor travels with the section it was in, so a second Alt+Shift+↑ moves it again.
  if (carried)
    tr.setSelection(TextSelection.create(tr.doc, insertPos + (anchor - bounds.from), insertPos + (head - bounds.from)));
  return undefined;
}

/** Moves the section at `index` past its previous (-1) or next (+1) sibling (Alt+Shift+↑/↓). */
export function moveSectionBySibling(
  tr: Transaction,
  index: number,
  direction: -1 | 1,
  options: SectionChangeOptions = {},
): SectionRefusal | undefined {
  const sibling = siblingSection(tr.doc, index, direction);
  if (sibling === undefined) return sectionBounds(tr.doc, index) ? 'no-sibling' : 'not-a-heading';
  if (direction === -1) return moveSection(tr, index, sibling, options);
  const next = sectionBounds(tr.doc, sibling)!;
  return moveSection(tr, index, next.end, options);
}

/**
 * Promotes (-1) or demotes (+1) the section at `index`: its heading and every heading inside it
 * move one level, so its subsections come along (Alt+Shift+←/→). Refused whole when any heading
 * would leave levels 1–4.
 */
export function shiftSection(
  tr: Transaction,
  index: number,
  delta: -1 | 1,
  options: SectionChangeOptions = {},
): SectionRefusal | undefined {
  const doc = tr.doc;
  const bounds = sectionBounds(doc, index);
  if (!bounds) return 'not-a-heading';
  const starts = blockStarts(doc);
  const changes: Array<{ pos: number; node: PMNode; level: number }> = [];
  for (let i = bounds.start; i < bounds.end; i++) {
    const node = doc.child(i);
    const level = headingLevel(node);
    if (!level) continue;
    const next = level + delta;
    if (next < 1 || next > MAX_HEADING_LEVEL) return 'level-out-of-range';
    changes.push({ pos: starts[i]!, node, level: next });
  }
  const levels = headingLevels(doc);
  const after = levels.map((level, i) => (i >= bounds.start && i < bounds.end && level ? level + delta : level));
  if (refusesLevels(levels, after, options)) return 'skips-a-level';
  for (const { pos, node, level } of changes) tr.setNodeMarkup(pos, undefined, { ...node.attrs, level });
  return undefined;
}
