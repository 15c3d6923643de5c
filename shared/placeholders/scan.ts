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

/**
 * How many placeholders `doc` holds: the one count the status bar, the panel, the export warning
 * and `lectern check` show (each block's scan is cached, so this is a walk over the blocks).
 */
export function countPlaceholders(doc: PMNode): number {
  let count = 0;
  doc.forEach((block) => {
    count += blockPlaceholders(block).length;
  });
  return count;
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
  /** Where the token starts in `context`, for a preview of the fill. */
  contextAt: number;
}

/** A few characters either side of an occurrence, cut at sentence ends. */
export function contextOf(text: string, from: number, to: number, span = 16): string {
  return contextAround(text, from, to, span).context;
}

/** The context of [from, to) in `text` (see `contextOf`) and where [from, to) starts in it. */
export function contextAround(text: string, from: number, to: number, span = 16): { context: string; at: number } {
  let start = Math.max(0, from - span);
  let end = Math.min(text.length, to + span);
  const before = text.slice(start, from);
  const cut = Math.max(
    before.lastIndexOf('。'),
    before.lastIndexOf('！'),
    before.lastIndexOf('？'),
    before.lastIndexOf('\n'),
  );
  if (cut >= 0) start += cut + 1;
  const after = text.slice(to, end);
  const stop = after.search(/[。！？\n]/);
  if (stop >= 0) end = to + stop + 1;
  const lead = start > 0 && cut < 0 ? '…' : '';
  return {
    context: `${lead}${text.slice(start, end)}${end < text.length && stop < 0 ? '…' : ''}`,
    at: lead.length + from - start,
  };
}

/** Every placeholder in the document, in order. */
export function documentPlaceholders(doc: PMNode): PlaceholderOccurrence[] {
  const out: PlaceholderOccurrence[] = [];
  doc.forEach((block, offset, blockIndex) => {
    const found = blockPlaceholders(block);
    if (!found.length) return;
    const text = blockText(block);
    for (const match of found) {
      const { context, at } = contextAround(text, match.from, match.to);
      out.push({
        ...match,
        pos: offset + 1 + match.from,
        end: offset + 1 + match.to,
        blockIndex,
        context,
        contextAt: at,
      });
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

/** The key a placeholder is grouped, filled and named by: its token, or {{name}} for a named field. */
export function placeholderKey(match: Pick<PlaceholderMatch, 'token' | 'field'>): string {
  return match.field !== undefined ? `{{${match.field}}}` : match.token;
}

export function groupPlaceholders(occurrences: readonly PlaceholderOccurrence[]): PlaceholderGroup[] {
  const groups = new Map<string, PlaceholderGroup>();
  for (const occurrence of occurrences) {
    const key = placeholderKey(occurrence);
    let group = groups.get(key);
    if (!group) {
      group = { token: key, occurrences: [] };
      if (occurrence.field !== undefined) group.field = occurrence.field;
      groups.set(key, group);
    }
    group.occurrences.push(occurrence);
  }
  return [...groups.values()];
}
