/**
 * Comparing two versions of a speech, block by block and, inside a changed block, character by
 * character: what the History panel shows against a snapshot, what recovery shows against the
 * file on disk, and what a conflict shows between mine and theirs. Pure: node JSON in, rows out.
 *
 * Blocks are matched on kind, level and text (a longest common subsequence after the common start
 * and end are set aside, so a local edit in a long speech costs little). A run of removed blocks
 * next to a run of added ones is paired into `changed` rows where the texts are alike enough,
 * and a changed row carries the character-level difference.
 */
import type { NodeJSON } from './file-format';

/** One block as compared: its kind (`title`, `byline`, `salutation`, `paragraph`), heading level (0 body) and text. */
export interface ComparedBlock {
  type: string;
  level: number;
  text: string;
}

/** A run of characters in a changed block: kept, added (only in the newer) or removed (only in the older). */
export interface TextPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One row of a comparison. `before` is the older (or "theirs"/disk) side, `after` the newer (or "mine"). */
export type CompareRow =
  | { kind: 'same'; before: ComparedBlock; after: ComparedBlock }
  | { kind: 'added'; after: ComparedBlock }
  | { kind: 'removed'; before: ComparedBlock }
  | { kind: 'changed'; before: ComparedBlock; after: ComparedBlock; parts: TextPart[] };

/** A comparison and its counts. */
export interface Comparison {
  rows: CompareRow[];
  added: number;
  removed: number;
  changed: number;
  /** Whether the two versions have the same blocks (kind, level and text). */
  identical: boolean;
}

/** Above this many cells (characters × characters) a changed block is shown as removed + added text, not compared by character. */
const MAX_CHAR_CELLS = 4_000_000;
/** Above this many cells (blocks × blocks, after the common start and end) the middle is shown as removed + added. */
const MAX_BLOCK_CELLS = 4_000_000;
/** Two blocks are paired as one changed block when at least this share of the longer one is kept. */
const PAIR_SIMILARITY = 0.4;

/** The blocks of a document JSON as compared: text with hard breaks as newlines. */
export function comparedBlocks(doc: NodeJSON): ComparedBlock[] {
  return (doc.content ?? []).map((block) => ({
    type: block.type,
    level: typeof block.attrs?.level === 'number' ? block.attrs.level : 0,
    text: (block.content ?? []).map((inline) => (inline.type === 'hardBreak' ? '\n' : (inline.text ?? ''))).join(''),
  }));
}

const key = (block: ComparedBlock) => `${block.type}\u0000${block.level}\u0000${block.text}`;

/**
 * Compares two documents (node JSON), `before` the older side and `after` the newer. Rows come in
 * document order; every block of each side appears exactly once.
 */
export function compareDocs(before: NodeJSON, after: NodeJSON): Comparison {
  return compareBlocks(comparedBlocks(before), comparedBlocks(after));
}

/** `compareDocs` for blocks already extracted. */
export function compareBlocks(before: readonly ComparedBlock[], after: readonly ComparedBlock[]): Comparison {
  const a = before.map(key);
  const b = after.map(key);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const rows: CompareRow[] = [];
  for (let i = 0; i < start; i++) rows.push({ kind: 'same', before: before[i]!, after: after[i]! });
  const middle = lcsPairs(a.slice(start, endA), b.slice(start, endB));
  let i = start;
  let j = start;
  const flush = (untilA: number, untilB: number) => {
    pairRuns(before.slice(i, untilA), after.slice(j, untilB), rows);
    i = untilA;
    j = untilB;
  };
  for (const [pa, pb] of middle) {
    flush(start + pa, start + pb);
    rows.push({ kind: 'same', before: before[i]!, after: after[j]! });
    i++;
    j++;
  }
  flush(endA, endB);
  for (let k = 0; k < a.length - endA; k++) rows.push({ kind: 'same', before: before[endA + k]!, after: after[endB + k]! });
  const count = (kind: CompareRow['kind']) => rows.filter((row) => row.kind === kind).length;
  const added = count('added');
  const removed = count('removed');
  const changed = count('changed');
  return { rows, added, removed, changed, identical: added + removed + changed === 0 };
}

/**
 * Pairs a run of removed blocks with the run of added blocks at the same place: in order, each
 * removed block is paired with the next added block of the same kind whose text is alike enough;
 * the rest stay removed or added, in document order.
 */
function pairRuns(removed: readonly ComparedBlock[], added: readonly ComparedBlock[], rows: CompareRow[]): void {
  let j = 0;
  for (const old of removed) {
    let match = -1;
    for (let k = j; k < added.length && k < j + 8; k++) {
      if (added[k]!.type === old.type && similarity(old.text, added[k]!.text) >= PAIR_SIMILARITY) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      rows.push({ kind: 'removed', before: old });
      continue;
    }
    for (; j < match; j++) rows.push({ kind: 'added', after: added[j]! });
    rows.push({ kind: 'changed', before: old, after: added[match]!, parts: diffText(old.text, added[match]!.text) });
    j = match + 1;
  }
  for (; j < added.length; j++) rows.push({ kind: 'added', after: added[j]! });
}

/** The share of the longer text kept in the shorter (1 for equal texts, 0 when nothing is shared). */
function similarity(a: string, b: string): number {
  const longer = Math.max([...a].length, [...b].length);
  if (longer === 0) return 1;
  const kept = diffText(a, b)
    .filter((part) => part.kind === 'same')
    .reduce((sum, part) => sum + [...part.text].length, 0);
  return kept / longer;
}

/**
 * The character-level difference between two texts (by code point, so a character outside the
 * BMP is never split): runs kept, removed from `before` and added in `after`, in order, removed
 * before added where both happen at one place. Very long texts that differ throughout are given
 * as one removed and one added run.
 */
export function diffText(before: string, after: string): TextPart[] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: TextPart[] = [];
  const push = (kind: TextPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CHAR_CELLS) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    let i = 0;
    let j = 0;
    for (const [pa, pb] of lcsPairs(midA, midB)) {
      push('removed', midA.slice(i, pa).join(''));
      push('added', midB.slice(j, pb).join(''));
      push('same', midA[pa]!);
      i = pa + 1;
      j = pb + 1;
    }
    push('removed', midA.slice(i).join(''));
    push('added', midB.slice(j).join(''));
  }
  push('same', a.slice(endA).join(''));
  return parts;
}

/**
 * The index pairs of a longest common subsequence of `a` and `b` (dynamic programming over the
 * whole table: callers trim the common start and end first). Empty when the table would be
 * larger than `MAX_BLOCK_CELLS`.
 */
function lcsPairs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_BLOCK_CELLS) return [];
  // lengths[i][j] = LCS length of a[i..] and b[j..], row-major in one array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}
