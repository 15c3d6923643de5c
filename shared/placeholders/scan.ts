/**
 * Placeholders in a document: each block scanned once per node (ProseMirror nodes are shared
 * between versions, so after a keystroke only the edited block is scanned again), occurrences
 * the user marked `notPlaceholder` skipped, and occurrences grouped by token for the panel, the
 * `lectern check` command and the exporters' warning.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { findPlaceholders, type PlaceholderMatch } from './rules';

/** A placeholder in a block: offsets are inside the block's content (position = block start + 1 + offset). */
export type BlockPlaceholder = PlaceholderMatch;

const blockCache = new WeakMap<PMNode, readonly BlockPlaceholder[]>();

/** The text of a block with one character per position (a line break counts as "\n"). */
export function blockText(block: PMNode): string {
  return block.textBetween(0, block.content.size, undefined, '\n');
}

/** Whether any text in [from, to) of the block carries the notPlaceholder mark. */
function ignoredIn(block: PMNode, from: number, to: number): boolean {
  let ignored = false;
  block.nodesBetween(from, to, (node) => {
    if (node.marks.some((mark) => mark.type.name === 'notPlaceholder')) ignored = true;
    return !ignored;
  });
  return ignored;
}

/** The placeholders in one block, measured once per node. */
export function blockPlaceholders(block: PMNode): readonly BlockPlaceholder[] {
  let found = blockCache.get(block);
  if (found) return found;
  found = block.isTextblock ? findPlaceholders(blockText(block)).filter((m) => !ignoredIn(block, m.from, m.to)) : [];
  blockCache.set(block, found);
  return found;
}

/** One occurrence in the document. */
export interface PlaceholderOccurrence extends PlaceholderMatch {
  /** Document positions of the occurrence. */
  pos: number;
  end: number;
  /** The top-level block it is in. */
  blockIndex: number;
  /** The sentence around it, for the panel and the CLI. */
  context: string;
}

/** A few characters either side of an occurrence, cut at sentence ends. */
export function contextOf(text: string, from: number, to: number, span = 16): string {
  let start = Math.max(0, from - span);
  let end = Math.min(text.length, to + span);
  const before = text.slice(start, from);
  const cut = Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？'), before.lastIndexOf('\n'));
  if (cut >= 0) start += cut + 1;
  const after = text.slice(to, end);
  const stop = after.search(/[。！？\n]/);
  if (stop >= 0) end = to + stop + 1;
  return `${start > 0 && cut < 0 ? '…' : ''}${text.slice(start, end)}${end < text.length && stop < 0 ? '…' : ''}`;
}

/** Every placeholder in the document, in order. */
export function documentPlaceholders(doc: PMNode): PlaceholderOccurrence[] {
  const out: PlaceholderOccurrence[] = [];
  doc.forEach((block, offset, blockIndex) => {
    const found = blockPlaceholders(block);
    if (!found.length) return;
    const text = blockText(block);
    for (const match of found) {
      out.push({ ...match, pos: offset + 1 + match.from, end: offset + 1 + match.to, blockIndex, context: contextOf(text, match.from, match.to) });
    }
  });
  return out;
}

/** Occurrences grouped by token, groups in the order of their first occurrence. */
export interface PlaceholderGroup {
  token: string;
  field?: string;
  occurrences: PlaceholderOccurrence[];
}

export function groupPlaceholders(occurrences: readonly PlaceholderOccurrence[]): PlaceholderGroup[] {
  const groups = new Map<string, PlaceholderGroup>();
  for (const occurrence of occurrences) {
    const key = occurrence.field !== undefined ? `{{${occurrence.field}}}` : occurrence.token;
    let group = groups.get(key);
    if (!group) {
      group = { token: occurrence.field !== undefined ? `{{${occurrence.field}}}` : occurrence.token, occurrences: [] };
      if (occurrence.field !== undefined) group.field = occurrence.field;
      groups.set(key, group);
    }
    group.occurrences.push(occurrence);
  }
  return [...groups.values()];
}
