/**
 * Plain text → a structured speech. Lines before the salutation are the title and the byline
 * (speaker, date in parentheses); the salutation is a short line ending in a colon (同志们：);
 * typed numbers 一、 （一） 1. 1、 （1） 第一部分 become heading levels and are dropped, since Lectern
 * draws numbers; a numbered lead sentence followed by more text in the same paragraph is a run-in
 * heading; everything else is body. Enumerated points (一要, 一是…) stay text for the outline.
 */
import type { NodeJSON } from '../document/file-format';

const NUMERAL = '[一二三四五六七八九十]{1,3}';
/** Typed heading numbers and the level they mean. */
export const HEADING_NUMBERS: ReadonlyArray<{ level: number; pattern: RegExp }> = [
  { level: 1, pattern: new RegExp(`^第${NUMERAL}部分[、，：\\s]*`, 'u') },
  { level: 1, pattern: new RegExp(`^${NUMERAL}[、．.]\\s*`, 'u') },
  { level: 2, pattern: new RegExp(`^[（(]${NUMERAL}[）)]\\s*`, 'u') },
  { level: 3, pattern: /^\d{1,2}(?:[．、]|\.(?!\d))\s*/u },
  { level: 4, pattern: /^[（(]\d{1,2}[）)]\s*/u },
];

const TITLE_ENDING = /(讲话|致辞|发言|报告|讲话稿|主持词|动员令)$/u;
const DATE_LINE = /^[（(][^（）()]*\d{4}\s*年[^（）()]*[）)]$/u;
const SALUTATION = /[：:]$/u;

/** Whether a heading's text runs on into body text after its lead sentence. */
function runsOn(text: string): boolean {
  const end = text.search(/[。！？]/u);
  return end >= 0 && end < text.length - 1;
}

const block = (type: string, text: string, attrs?: Record<string, unknown>): NodeJSON => ({
  type,
  ...(attrs ? { attrs } : {}),
  ...(text ? { content: [{ type: 'text', text }] } : {}),
});

/** The heading level and text of a line with a typed number, if it has one. */
export function typedHeading(line: string): { level: number; text: string } | undefined {
  for (const { level, pattern } of HEADING_NUMBERS) {
    const match = pattern.exec(line);
    if (match && line.length > match[0].length) return { level, text: line.slice(match[0].length) };
  }
  return undefined;
}

/**
 * What a rich source (a DOCX heading style, an HTML <h2>, Word's title style) said a line is. The
 * readers put it in front of the line as a marker of two private-use characters around a code,
 * which the cleanup steps leave alone and detection reads and drops.
 */
export type LineHint = 'title' | 'byline' | 'salutation' | 1 | 2 | 3 | 4 | 5 | 6;

const HINT_MARK = /^\uE000([TBS1-6])\uE001/u;
const HINT_CODES: Record<string, LineHint> = { T: 'title', B: 'byline', S: 'salutation', 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6 };
/** Markers anywhere in a text: removed from what users bring, so only the readers' markers count. */
const ANY_HINT_MARK = /\uE000[TBS1-6]\uE001/gu;

/** `line` with the hint's marker in front. */
export function hintLine(hint: LineHint, line: string): string {
  const code = hint === 'title' ? 'T' : hint === 'byline' ? 'B' : hint === 'salutation' ? 'S' : String(hint);
  return `\uE000${code}\uE001${line}`;
}

/** The text without any hint markers (what a user pasted can never carry ours). */
export function stripHints(text: string): string {
  return text.replace(ANY_HINT_MARK, '');
}

function readHint(line: string): { hint?: LineHint; text: string } {
  const match = HINT_MARK.exec(line);
  if (!match) return { text: line.replace(ANY_HINT_MARK, '').trim() };
  return { hint: HINT_CODES[match[1]!]!, text: line.slice(match[0].length).replace(ANY_HINT_MARK, '').trim() };
}

/**
 * The document of a cleaned text (one paragraph a line). Lines the reader marked as headings
 * (heading styles, <h1>–<h6>) are headings even without a typed number: their distinct style levels,
 * in order, become levels 1–4 (a deeper fifth or sixth is level 4). A typed number still decides
 * the level where there is one.
 */
export function detectStructure(text: string): NodeJSON {
  const lines = text
    .split('\n')
    .map(readHint)
    .filter((line) => line.text);
  const content: NodeJSON[] = [];
  // Front matter after the first line: a byline, a date line or a salutation within the next three.
  const frontMatterFollows = lines
    .slice(1, 4)
    .some((l) => l.hint === 'byline' || l.hint === 'salutation' || DATE_LINE.test(l.text) || (SALUTATION.test(l.text) && l.text.length <= 30 && !typedHeading(l.text)));
  const firstIsTitle = (line: { hint?: LineHint; text: string } | undefined) =>
    line !== undefined &&
    (line.hint === 'title' ||
      (line.hint === undefined && (line.text.length <= 40 || TITLE_ENDING.test(line.text)) && !typedHeading(line.text)) ||
      // A heading style on the first line is the title when it is the only one of its level, or
      // when the speaker, the date or the salutation follows (Markdown's # for both, Word's 标题 1).
      (typeof line.hint === 'number' && !typedHeading(line.text) && (frontMatterFollows || !lines.slice(1).some((l) => l.hint === line.hint))));
  const titled = firstIsTitle(lines[0]);
  // Style levels used by headings (the title's own <h1> aside), ranked into Lectern's levels.
  const styleLevels: number[] = [...new Set(lines.flatMap((line, index) => (typeof line.hint === 'number' && !(index === 0 && titled) ? [line.hint] : [])))].sort();
  const levelOf = (hint: number) => Math.min(4, styleLevels.indexOf(hint) + 1);
  // The front matter: title and byline lines, up to the salutation (only looked for near the top).
  // A salutation style counts only near the top, as the typed one does (Word has a built-in style of that name).
  const marked = lines.slice(0, 8).findIndex((line) => line.hint === 'salutation');
  const salutationAt =
    marked >= 0 ? marked : lines.slice(0, 8).findIndex((line) => line.hint === undefined && SALUTATION.test(line.text) && line.text.length <= 30 && !typedHeading(line.text));
  lines.forEach(({ hint, text: line }, index) => {
    if (index === 0 && titled) return void content.push(block('title', line));
    if (hint === 'title' && index < 3) return void content.push(block('title', line));
    if (hint === 'byline' || (salutationAt >= 0 && index < salutationAt && hint === undefined && !typedHeading(line) && (DATE_LINE.test(line) || line.length <= 16))) {
      return void content.push(block('byline', line));
    }
    if (index === salutationAt) return void content.push(block('salutation', line));
    const heading = typedHeading(line);
    if (heading) {
      return void content.push(block('paragraph', heading.text, { level: heading.level, runIn: runsOn(heading.text) }));
    }
    if (typeof hint === 'number') return void content.push(block('paragraph', line, { level: levelOf(hint), runIn: runsOn(line) }));
    content.push(block('paragraph', line, { level: 0, runIn: false }));
  });
  if (!content.length) content.push({ type: 'title' });
  return { type: 'doc', content };
}
