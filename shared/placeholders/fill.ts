/**
 * Filling placeholders: the one place that decides what a fill writes, for the editor's panel, its
 * preview and `lectern fill` alike (DESIGN.md, decision 8: a fill's result is shown before it
 * applies, and both show the same thing).
 *
 * A placeholder is a blank (X, XX, ×××, 某某…) plus the word it stands in (同志, 工作, 市…). A fill
 * replaces the blank and keeps the word, whether the user types only the blank's value
 * (王建国 → 王建国同志, 临江 → 临江市) or the whole word (临江市 → 临江市, never 临江市市). Blanks with
 * no word (【数据】, ____, {{单位名称}}) are replaced whole.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import type { PlaceholderMatch } from './rules';
import { documentPlaceholders, placeholderKey, type PlaceholderOccurrence } from './scan';

/** The word a placeholder stands in ("同志" of XX同志), or "" when it is all blank. */
export function placeholderWord(match: Pick<PlaceholderMatch, 'from' | 'to' | 'blankTo' | 'token'>): string {
  return match.token.slice(match.blankTo - match.from);
}

/**
 * What goes in place of the blank when the user fills it with `value`: the value, less the word
 * when the value already ends with it (the word stays in the text either way).
 */
export function blankReplacement(
  match: Pick<PlaceholderMatch, 'from' | 'to' | 'blankTo' | 'token'>,
  value: string,
): string {
  const word = placeholderWord(match);
  return word && value.endsWith(word) && value.length > word.length ? value.slice(0, -word.length) : value;
}

/** The text a placeholder reads after a fill with `value`: 王建国同志 for XX同志 and 王建国. */
export function filledText(match: Pick<PlaceholderMatch, 'from' | 'to' | 'blankTo' | 'token'>, value: string): string {
  return blankReplacement(match, value) + placeholderWord(match);
}

/** The occurrences a fill of `key` takes: all of them, or only the one starting at position `at`. */
export function fillTargets(doc: PMNode, key: string, at?: number): PlaceholderOccurrence[] {
  return documentPlaceholders(doc).filter((o) => placeholderKey(o) === key && (at === undefined || o.pos === at));
}

/** One occurrence as a fill changes it: the sentence around it before and after. */
export interface FillChange {
  blockIndex: number;
  before: string;
  after: string;
}

/** The sentence around an occurrence as it would read after filling it with `value`. */
export function previewFill(occurrence: PlaceholderOccurrence, value: string): string {
  const at = occurrence.contextAt;
  return (
    occurrence.context.slice(0, at) +
    filledText(occurrence, value) +
    occurrence.context.slice(at + occurrence.token.length)
  );
}

/**
 * Fills the occurrences of `key` (or the one at `at`) with `value` on `tr`: each blank replaced,
 * each word kept, in one step list that one undo takes back. Answers what changed, in document
 * order; nothing (and `tr` untouched) when there is no such placeholder or the value is empty.
 */
export function fillPlaceholder(tr: Transform, key: string, value: string, at?: number): FillChange[] {
  if (!value) return [];
  const targets = fillTargets(tr.doc, key, at);
  const schema = tr.doc.type.schema;
  for (const target of [...targets].reverse()) {
    const from = target.pos;
    const to = target.pos + (target.blankTo - target.from);
    // The value takes the marks of the blank it replaces (never notPlaceholder: that one was skipped).
    tr.replaceWith(from, to, schema.text(blankReplacement(target, value), tr.doc.nodeAt(from)?.marks ?? []));
  }
  return targets.map((target) => ({
    blockIndex: target.blockIndex,
    before: target.context,
    after: previewFill(target, value),
  }));
}
