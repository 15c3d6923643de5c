/**
 * Comparing two versions of a speech, block by block and, inside a changed block, character by
 * character: what the History panel shows against a snapshot, what recovery shows against the
 * file on disk, and what a conflict shows between mine and theirs. Pure: node JSON in, rows out.
 *
 * Blocks are matched on kind, level, run-in, inline formatting and text (a longest common
 * subsequence after the common start and end are set aside, so a local edit in a long speech costs
 * little). A run of removed blocks next to a run of added ones is paired into `changed` rows where
 * the texts are alike enough, and a changed row carries the character-level difference; a block
 * whose formatting alone changed is a `changed` row whose parts are all kept.
 *
 * The work is bounded, since it runs on the page's thread: a pair is compared character by
 * character only when the characters they share could make them alike (`sharedCharacterShare`,
 * linear), and one comparison spends at most `MAX_COMPARE_CELLS` on character differences; past
 * that, blocks still unpaired are shown as removed + added.
 */
import type { NodeJSON } from './file-format';
import { HeadingCounter } from './numbering';
import { MAX_HEADING_LEVEL } from './schema';

/** One block as compared: its kind (`title`, `byline`, `salutation`, `paragraph`), heading level (0 body) and text. */
export interface ComparedBlock {
  type: string;
  level: number;
  /** A paragraph run in after its heading (连排). Absent: false. */
  runIn?: boolean;
  /**
   * The inline formatting (marks by character range, inline nodes other than text and breaks); '' or absent for plain
   * text. Compared, not shown.
   */
  format?: string;
  text: string;
  /**
   * The heading number the editor draws before a heading's text (一、 （一） 1. （1）), from the
   * heading's position in its own version (the shared `HeadingCounter`); absent for other blocks.
   * Shown, not compared: a heading renumbered because a section was added before it is the same
   * heading, and the view shows both numbers.
   */
  label?: string;
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
  /** Whether the two versions have the same blocks (kind, level, run-in, formatting and text). */
  identical: boolean;
  /** The work spent on character differences: full differences run, and their cells (characters × characters). */
  work: { diffs: number; cells: number };
}

/**
 * Above this many cells (characters × characters) a changed block is shown as removed + added text, not compared by
 * character.
 */
const MAX_CHAR_CELLS = 4_000_000;
/** Above this many cells (blocks × blocks, after the common start and end) the middle is shown as removed + added. */
const MAX_BLOCK_CELLS = 4_000_000;
/**
 * At most this many cells (characters × characters) of character differences in one comparison (measured: about 0.15 s,
 * all of it spent).
 */
export const MAX_COMPARE_CELLS = 16_000_000;
/** Two blocks are paired as one changed block when at least this share of the longer one is kept. */
const PAIR_SIMILARITY = 0.4;

/**
 * The blocks of a document JSON as compared: text with hard breaks as newlines, and each
 * heading's number as the editor draws it (a paragraph of level 1–4, as `headingLevel` reads a
 * node: any other block or level has none).
 */
export function comparedBlocks(doc: NodeJSON): ComparedBlock[] {
  const counter = new HeadingCounter();
  return (doc.content ?? []).map((block) => {
    let text = '';
    const format: string[] = [];
    for (const inline of block.content ?? []) {
      if (inline.type === 'hardBreak') text += '\n';
      else if (inline.type === 'text') {
        const runText = inline.text ?? '';
        if (inline.marks?.length)
          format.push(`${text.length}-${text.length + runText.length}:${JSON.stringify(inline.marks)}`);
        text += runText;
      } else format.push(`${text.length}:${JSON.stringify({ type: inline.type, attrs: inline.attrs })}`);
    }
    const level = typeof block.attrs?.level === 'number' ? block.attrs.level : 0;
    const compared: ComparedBlock = {
      type: block.type,
      level,
      runIn: block.attrs?.runIn === true,
      format: format.join(';'),
      text,
    };
    const heading = block.type === 'paragraph' && Number.isInteger(level) && level >= 1 && level <= MAX_HEADING_LEVEL;
    if (heading) compared.label = counter.next(level);
    return compared;
  });
}

const key = (block: ComparedBlock) =>
  `${block.type}\u0000${block.level}\u0000${block.runIn ? 1 : 0}\u0000${block.format ?? ''}\u0000${block.text}`;

/** Whether two blocks differ in more than their text: level, run-in or inline formatting. */
export function formatChanged(
  before: ComparedBlock,
  after: ComparedBlock,
): { level: boolean; runIn: boolean; format: boolean } {
  return {
    level: before.level !== after.level,
    runIn: Boolean(before.runIn) !== Boolean(after.runIn),
    format: (before.format ?? '') !== (after.format ?? ''),
  };
}

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
  const { start, endA, endB } = trim(a, b);
  const rows: CompareRow[] = [];
  for (let i = 0; i < start; i++) rows.push({ kind: 'same', before: before[i]!, after: after[i]! });
  // Compared as numbers (one per distinct block): the table's inner loop is much faster on numbers.
  const ids = new Map<string, number>();
  const idsOf = (keys: string[]) =>
    Int32Array.from(keys, (k) => {
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      return id;
    });
  const middle = lcsPairs(idsOf(a.slice(start, endA)), idsOf(b.slice(start, endB)));
  const work = { diffs: 0, cells: 0 };
  let i = start;
  let j = start;
  const flush = (untilA: number, untilB: number) => {
    pairRuns(before.slice(i, untilA), after.slice(j, untilB), rows, work);
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
  for (let k = 0; k < a.length - endA; k++)
    rows.push({ kind: 'same', before: before[endA + k]!, after: after[endB + k]! });
  const count = (kind: CompareRow['kind']) => rows.filter((row) => row.kind === kind).length;
  const added = count('added');
  const removed = count('removed');
  const changed = count('changed');
  return { rows, added, removed, changed, identical: added + removed + changed === 0, work };
}

/** A text as its characters (code points), their numbers, and those numbers sorted. */
interface Chars {
  chars: string[];
  codes: Int32Array;
  sorted: Int32Array;
}

function charsOf(text: string): Chars {
  const chars = [...text];
  const codes = Int32Array.from(chars, (char) => char.codePointAt(0)!);
  return { chars, codes, sorted: codes.slice().sort() };
}

/**
 * Pairs a run of removed blocks with the run of added blocks at the same place: in order, each
 * removed block is paired with the next added block of the same kind whose text is alike enough;
 * the rest stay removed or added, in document order.
 */
function pairRuns(
  removed: readonly ComparedBlock[],
  added: readonly ComparedBlock[],
  rows: CompareRow[],
  work: Comparison['work'],
): void {
  const cache = new Map<ComparedBlock, Chars>();
  const chars = (block: ComparedBlock) => {
    let found = cache.get(block);
    if (!found) cache.set(block, (found = charsOf(block.text)));
    return found;
  };
  let j = 0;
  for (const old of removed) {
    let match = -1;
    let parts: TextPart[] | undefined;
    for (let k = j; k < added.length && k < j + 8; k++) {
      if (added[k]!.type !== old.type) continue;
      parts = alike(chars(old), chars(added[k]!), work);
      if (parts) {
        match = k;
        break;
      }
    }
    if (match < 0 || !parts) {
      rows.push({ kind: 'removed', before: old });
      continue;
    }
    for (; j < match; j++) rows.push({ kind: 'added', after: added[j]! });
    rows.push({ kind: 'changed', before: old, after: added[match]!, parts });
    j = match + 1;
  }
  for (; j < added.length; j++) rows.push({ kind: 'added', after: added[j]! });
}

/**
 * The character difference of two texts when at least `PAIR_SIMILARITY` of the longer one is
 * kept, else undefined. The full difference is run only when the characters the texts share
 * allow it and `work` has room for it (it is charged to `work`); without room, the texts count
 * as alike only when their common start and end alone make them so (shown as one removed and one
 * added run between them).
 */
function alike(a: Chars, b: Chars, work: Comparison['work']): TextPart[] | undefined {
  const longer = Math.max(a.codes.length, b.codes.length);
  if (longer === 0) return [];
  if (sharedSorted(a.sorted, b.sorted) / longer < PAIR_SIMILARITY) return undefined;
  const { start, endA, endB } = trim(a.codes, b.codes);
  const cells = (endA - start) * (endB - start);
  const common = start + (a.codes.length - endA);
  if (cells > Math.min(MAX_CHAR_CELLS, MAX_COMPARE_CELLS - work.cells))
    return common / longer >= PAIR_SIMILARITY ? partsOf(a, b, start, endA, endB) : undefined;
  work.diffs++;
  work.cells += cells;
  const pairs = lcsPairs(a.codes.subarray(start, endA), b.codes.subarray(start, endB));
  return (common + pairs.length) / longer >= PAIR_SIMILARITY ? partsOf(a, b, start, endA, endB, pairs) : undefined;
}

/**
 * The characters (code points, counted with repeats) two texts have in common, as a share of the
 * longer one: 1 for equal texts (or two empty ones), 0 when none is shared. Near linear, and never
 * less than the share a character difference keeps (what is kept in order is also shared), so a
 * pair below the pairing threshold here is below it after a full difference too.
 */
export function sharedCharacterShare(a: string, b: string): number {
  const charsA = charsOf(a);
  const charsB = charsOf(b);
  const longer = Math.max(charsA.codes.length, charsB.codes.length);
  return longer === 0 ? 1 : sharedSorted(charsA.sorted, charsB.sorted) / longer;
}

/** How many numbers two sorted lists have in common, with repeats. */
function sharedSorted(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** The length of the common start of `a` and `b`, and where their common end begins in each. */
function trim<T>(a: ArrayLike<T>, b: ArrayLike<T>): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

/**
 * The parts of a difference: the common start, then between it and the common end the kept
 * characters `pairs` (indexes into the middles) with what was removed and added around them, or
 * without `pairs` the whole middle as removed then added, then the common end.
 */
function partsOf(
  a: Chars,
  b: Chars,
  start: number,
  endA: number,
  endB: number,
  pairs?: Array<[number, number]>,
): TextPart[] {
  const parts: TextPart[] = [];
  const push = (kind: TextPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.chars.slice(0, start).join(''));
  let i = start;
  let j = start;
  for (const [pa, pb] of pairs ?? []) {
    push('removed', a.chars.slice(i, start + pa).join(''));
    push('added', b.chars.slice(j, start + pb).join(''));
    push('same', a.chars[start + pa]!);
    i = start + pa + 1;
    j = start + pb + 1;
  }
  push('removed', a.chars.slice(i, endA).join(''));
  push('added', b.chars.slice(j, endB).join(''));
  push('same', a.chars.slice(endA).join(''));
  return parts;
}

/**
 * The character-level difference between two texts (by code point, so a character outside the
 * BMP is never split): runs kept, removed from `before` and added in `after`, in order, removed
 * before added where both happen at one place. Very long texts that differ throughout are given
 * as one removed and one added run.
 */
export function diffText(before: string, after: string): TextPart[] {
  const a = charsOf(before);
  const b = charsOf(after);
  const { start, endA, endB } = trim(a.codes, b.codes);
  if ((endA - start) * (endB - start) > MAX_CHAR_CELLS) return partsOf(a, b, start, endA, endB);
  return partsOf(a, b, start, endA, endB, lcsPairs(a.codes.subarray(start, endA), b.codes.subarray(start, endB)));
}

/**
 * The index pairs of a longest common subsequence of `a` and `b` (dynamic programming over the
 * whole table: callers trim the common start and end first). Empty when the table would be
 * larger than `MAX_BLOCK_CELLS`.
 */
function lcsPairs(a: Int32Array, b: Int32Array): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_BLOCK_CELLS) return [];
  // lengths[i][j] = LCS length of a[i..] and b[j..], row-major in one array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const below = row + width;
    const ai = a[i];
    for (let j = m - 1; j >= 0; j--) {
      if (ai === b[j]) lengths[row + j] = lengths[below + j + 1]! + 1;
      else {
        const down = lengths[below + j]!;
        const right = lengths[row + j + 1]!;
        lengths[row + j] = down > right ? down : right;
      }
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
