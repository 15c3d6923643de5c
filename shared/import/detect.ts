/**
 * Plain text → a structured speech. Lines before the salutation are the title and the byline
 * (speaker, date in parentheses); the salutation is a short line ending in a colon (同志们：);
 * typed numbers 一、 （一） 1. 1、 （1） 第一部分 become heading levels and are dropped, since Lectern
 * draws numbers; a numbered lead sentence followed by more text in the same paragraph is a run-in
 * heading; everything else is body. Enumerated points (一要, 一是…) stay text for the outline.
 *
 * Detection is a few named passes over the text's lines. `readText` reads the whole text once:
 * each line with its reader's hint (`readLines`), whether it opens with its title and where the
 * subtitle is (`opensWithTitle`, `isSubtitle`), which typed numbers are headings and at what level
 * (HEADING_PASSES, in order), and where the salutation is (`findSalutation`). Then each line becomes
 * the block of the first of LINE_RULES that takes it (body text when none does), and last
 * `markClosing` makes the closing remarks closing blocks. A new rule is one function and one row
 * in its table; detect.test.ts runs an example of every rule.
 */
import type { NodeJSON } from '../document/file-format';
import { closingStart } from '../document/closing';
import {
  CLOSE_BRACKET,
  DIGIT,
  DIGITS,
  ENDS_IN_SEMICOLON,
  ENDS_SENTENCE,
  NUMERAL,
  NUMERAL_CHAR,
  OPEN_BRACKET,
  PUNCTUATION_MARK,
  SENTENCE_END_MARK,
  SENTENCE_OR_CLAUSE_MARK,
} from './patterns';

/** Typed heading numbers and the level they mean. Full-width digits (１．) count as digits. */
export const HEADING_NUMBERS: ReadonlyArray<{ level: number; pattern: RegExp }> = [
  // 第一部分 as a heading has its text after a separator (第一部分 2025年工作回顾, 第一部分：…);
  // 第一部分由组织部同志宣读… is a sentence.
  { level: 1, pattern: new RegExp(`^第${NUMERAL}部分(?:[、，：:\\s\u3000]+|$)`, 'u') },
  { level: 1, pattern: new RegExp(`^${NUMERAL}[、．.]\\s*`, 'u') },
  { level: 2, pattern: new RegExp(`^${OPEN_BRACKET}${NUMERAL}${CLOSE_BRACKET}\\s*`, 'u') },
  // 3.5 and 3．5 are decimals, not heading 3.
  { level: 3, pattern: new RegExp(`^${DIGITS}(?:、|[.．](?!${DIGIT}))\\s*`, 'u') },
  { level: 4, pattern: new RegExp(`^${OPEN_BRACKET}${DIGITS}${CLOSE_BRACKET}\\s*`, 'u') },
];
const PART = new RegExp(`^第${NUMERAL}部分`, 'u');
/** The number in a typed heading number's match: 一 of 第一部分, 1 of （1）. */
const NUMBER_OF_MATCH = new RegExp(`^[第（(]?(${DIGIT}+|${NUMERAL_CHAR}+)`, 'u');

const CHINESE_DIGITS = '〇一二三四五六七八九十';
const ONLY_DIGITS = new RegExp(`^${DIGIT}+$`, 'u');
const FULL_WIDTH_DIGIT = /[０-９]/gu;
/** The value of a number typed in a heading (一 → 1, 十二 → 12, １２ → 12). */
function numeralValue(numeral: string): number {
  if (ONLY_DIGITS.test(numeral))
    return Number(numeral.replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10)));
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  const digit = (c: string | undefined) => (c ? CHINESE_DIGITS.indexOf(c) : 0);
  return numeral.includes('十') ? (tens ? digit(tens) : 1) * 10 + digit(ones) : digit(ones);
}

/**
 * 1、2月份, 一、二季度, 三、四线城市: a number, a 、 and the next number with a unit after it reads
 * as a pair of figures in a sentence. Without a unit it is a heading (一、二手车市场, 三、四风问题,
 * 一、二是…, 一、二〇二五年工作回顾); with one, the pass `pairsInSequence` decides by the sequence around it.
 */
const PAIR_UNITS =
  '季度 月 日 号 年级 级 类 期 批 档 轮 次 届 个 名 家 项 条 座 ' +
  '线 层 楼 栋 等 星 代 孩 胎 产 岁 倍 成 万 亿 千 百 % ％';
const PAIR_UNIT = new RegExp(`^(?:${PAIR_UNITS.split(' ').join('|')})`, 'u');
const NEXT_NUMBER = new RegExp(`^(${DIGITS}|${NUMERAL_CHAR})`, 'u');
function isNumberPair(value: number, rest: string): boolean {
  const next = NEXT_NUMBER.exec(rest);
  return !!next && numeralValue(next[1]!) === value + 1 && PAIR_UNIT.test(rest.slice(next[1]!.length));
}

/** How a speech's title ends (……上的讲话, ……致辞（摘要）). */
const TITLE_ENDING = new RegExp(
  `(讲话|致辞|发言|报告|讲话稿|主持词|动员令)(?:${OPEN_BRACKET}[^（）()]{1,8}${CLOSE_BRACKET})?$`,
  'u',
);
const DATE_LINE = new RegExp(`^${OPEN_BRACKET}[^（）()]*\\d{4}\\s*年[^（）()]*${CLOSE_BRACKET}$`, 'u');
/** A whole line in brackets: a note such as （根据录音整理，未经本人审阅。）, which is no body text. */
const IN_BRACKETS = new RegExp(`^${OPEN_BRACKET}.*${CLOSE_BRACKET}$`, 'u');
const ENDS_IN_COLON = /[：:]$/u;

/**
 * 在全市……工作会议上的 / 讲话: the first two title lines are one title broken over two lines (not a
 * main title with its subtitle, 同心协力 再创辉煌 / 在……上的讲话 or ——在……上的报告).
 */
export function isBrokenTitle(first: string, second: string): boolean {
  return first.startsWith('在') && !TITLE_ENDING.test(first) && TITLE_ENDING.test(second) && !/^[在—–-]/u.test(second);
}

/** Whether a heading's text runs on into body text after its lead sentence. */
function runsOn(text: string): boolean {
  const end = text.search(SENTENCE_END_MARK);
  return end >= 0 && end < text.length - 1;
}

const block = (type: string, text: string, attrs?: Record<string, unknown>): NodeJSON => ({
  type,
  ...(attrs ? { attrs } : {}),
  ...(text ? { content: [{ type: 'text', text }] } : {}),
});

/**
 * A typed number at a line's start: its level, the text after it, its value and whether it reads as a pair of figures.
 */
export interface TypedNumber {
  level: number;
  text: string;
  value: number;
  /** 二、三个代表……, 1、2月份……: a heading only where it continues the sequence (see `pairsInSequence`). */
  pair: boolean;
}

/**
 * The typed heading number at the start of `line` (a trimmed line), with the level its pattern in
 * HEADING_NUMBERS gives; undefined when it has none or nothing follows the number.
 */
export function typedNumber(line: string): TypedNumber | undefined {
  for (const { level, pattern } of HEADING_NUMBERS) {
    const match = pattern.exec(line);
    if (!match || line.length <= match[0].length) continue;
    const text = line.slice(match[0].length);
    const value = numeralValue(NUMBER_OF_MATCH.exec(match[0])![1]!);
    return { level, text, value, pair: level !== 2 && level !== 4 && !PART.test(line) && isNumberPair(value, text) };
  }
  return undefined;
}

/** The heading level and text of a line with a typed number, if it has one (a pair of figures is none). */
export function typedHeading(line: string): { level: number; text: string } | undefined {
  const typed = typedNumber(line);
  return typed && !typed.pair ? { level: typed.level, text: typed.text } : undefined;
}

/**
 * What a rich source (a DOCX heading style, an HTML <h2>, Word's title style) said a line is. The
 * readers put it in front of the line as a marker of two private-use characters around a code,
 * which the cleanup steps leave alone and detection reads and drops.
 */
export type LineHint = 'title' | 'byline' | 'salutation' | 'closing' | 1 | 2 | 3 | 4 | 5 | 6;

const HINT_MARK = /^\uE000([TBSC1-6])\uE001/u;
const HINT_CODES: Record<string, LineHint> = {
  T: 'title',
  B: 'byline',
  S: 'salutation',
  C: 'closing',
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  6: 6,
};
/** Markers anywhere in a text: removed from what users bring, so only the readers' markers count. */
const ANY_HINT_MARK = /\uE000[TBSC1-6]\uE001/gu;

/** `line` with the hint's marker in front. */
export function hintLine(hint: LineHint, line: string): string {
  const code =
    hint === 'title'
      ? 'T'
      : hint === 'byline'
        ? 'B'
        : hint === 'salutation'
          ? 'S'
          : hint === 'closing'
            ? 'C'
            : String(hint);
  return `\uE000${code}\uE001${line}`;
}

/** The text without any hint markers (what a user pasted can never carry ours). */
export function stripHints(text: string): string {
  return text.replace(ANY_HINT_MARK, '');
}

/** A line of the text as detection reads it: the hint its reader put in front of it, if any, and its trimmed text. */
export interface Line {
  hint?: LineHint;
  text: string;
}

function readHint(line: string): Line {
  const match = HINT_MARK.exec(line);
  if (!match) return { text: line.replace(ANY_HINT_MARK, '').trim() };
  return { hint: HINT_CODES[match[1]!]!, text: line.slice(match[0].length).replace(ANY_HINT_MARK, '').trim() };
}

/** The text's lines with their hints, blank lines left out. */
function readLines(text: string): Line[] {
  return text
    .split('\n')
    .map(readHint)
    .filter((line) => line.text);
}

// ——— The title ———

/** 同志们： typed on a line of its own: a short line ending in a colon, with no style and no typed number. */
function isTypedSalutation(line: Line): boolean {
  return line.hint === undefined && ENDS_IN_COLON.test(line.text) && line.text.length <= 30 && !typedHeading(line.text);
}

/** Front matter after the first line: a byline, a date line or a salutation within the next three. */
function frontMatterFollows(lines: readonly Line[]): boolean {
  return lines
    .slice(1, 4)
    .some((l) => l.hint === 'byline' || l.hint === 'salutation' || DATE_LINE.test(l.text) || isTypedSalutation(l));
}

/** Whether the text's first line is its title. */
function opensWithTitle(lines: readonly Line[]): boolean {
  const line = lines[0];
  if (line === undefined) return false;
  if (line.hint === 'title') return true;
  // 同志们： on the first line opens a speech that has no title.
  if (line.hint === undefined) {
    return (
      (line.text.length <= 40 || TITLE_ENDING.test(line.text)) && !typedHeading(line.text) && !isTypedSalutation(line)
    );
  }
  // A heading style on the first line is the title when it is the only one of its level, or
  // when the speaker, the date or the salutation follows (Markdown's # for both, Word's 标题 1).
  const onlyOfItsLevel = !lines.slice(1).some((l) => l.hint === line.hint);
  return typeof line.hint === 'number' && !typedHeading(line.text) && (frontMatterFollows(lines) || onlyOfItsLevel);
}

const SUBTITLE_DASH = /^(?:——|—|－－|--)\s*(\S.*)$/u;
const SUBTITLE_WORDS = /^在.+上的|讲稿|党课|报告|讲话|发言|致辞/u;
/** A subtitle as it stands under a title: ——在……上的报告, ——专题党课讲稿. */
function isSubtitle(line: Line): boolean {
  const rest = SUBTITLE_DASH.exec(line.text)?.[1];
  return (
    !!rest && !PUNCTUATION_MARK.test(rest.replace(/。$/u, '')) && (TITLE_ENDING.test(rest) || SUBTITLE_WORDS.test(rest))
  );
}

/** A line that can belong to a title: short, with no punctuation inside, no colon at its end and no typed number. */
function isTitleShort(line: Line): boolean {
  return (
    !PUNCTUATION_MARK.test(line.text) &&
    !ENDS_IN_COLON.test(line.text) &&
    line.text.length <= 40 &&
    !typedHeading(line.text)
  );
}

// ——— Typed numbers: which are headings, at what level ———

/** Each line's typed number where a heading pass keeps it as a heading, undefined where not. */
export type Headings = ReadonlyArray<TypedNumber | undefined>;

/** One pass over the typed numbers: it answers which of them stay headings, and at what level. */
export interface HeadingPass {
  name: string;
  run(lines: readonly Line[], headings: Headings): Headings;
}

/** The nearest typed number at `index`'s level, `step` lines on at a time, unless a higher level comes first. */
function sameLevelNeighbour(numbers: Headings, index: number, step: 1 | -1): TypedNumber | undefined {
  for (let j = index + step; j >= 0 && j < numbers.length; j += step) {
    const other = numbers[j];
    if (other && other.level <= numbers[index]!.level) return other.level === numbers[index]!.level ? other : undefined;
  }
  return undefined;
}

/**
 * A pair of figures (二、三个代表……, 1、2月份……) is a heading only where it goes on from the number
 * before it at its level or into the one after, and is no sentence.
 */
function pairsInSequence(lines: readonly Line[], numbers: Headings): Headings {
  const heading = (index: number) => !SENTENCE_END_MARK.test(lines[index]!.text) && continuesSequence(numbers, index);
  return numbers.map((n, index) => (!n?.pair || heading(index) ? n : undefined));
}

/** Whether the typed number at `index` goes on from the one before it at its level, or into the one after. */
function continuesSequence(numbers: Headings, index: number): boolean {
  const { value } = numbers[index]!;
  return (
    sameLevelNeighbour(numbers, index, -1)?.value === value - 1 ||
    sameLevelNeighbour(numbers, index, 1)?.value === value + 1
  );
}

/**
 * A run of numbered lines that end in ； is a list inside a sentence, not headings (……要义：/
 * 1、坚定理想信念是根本；/ 2、……；): its lines stay body text, numbers and all. Not a lone line
 * (一、坚持党管干部原则……；) nor run-in headings (1．强化项目支撑。全年……；).
 */
function listsInSentences(lines: readonly Line[], headings: Headings): Headings {
  const typed = [...headings];
  for (let start = 0; start < lines.length;) {
    let end = start + 1;
    if (typed[start]) while (end < lines.length && typed[end]?.level === typed[start]!.level) end++;
    const run = lines.slice(start, end);
    const inSentence = () =>
      run.some((l) => ENDS_IN_SEMICOLON.test(l.text)) && !run.some((_, k) => runsOn(typed[start + k]!.text));
    if (typed[start] && end - start >= 2 && inSentence()) typed.fill(undefined, start, end);
    start = end;
  }
  return typed;
}

/** 第一部分 above 一、: a report in parts keeps its 一、 and （一） under them, one level down. */
function partsAboveHeadings(lines: readonly Line[], headings: Headings): Headings {
  const isPart = (index: number) =>
    !!headings[index] && PART.test(lines[index]!.text) && !SENTENCE_OR_CLAUSE_MARK.test(lines[index]!.text);
  const parts = lines.some((_, i) => isPart(i)) && lines.some((l, i) => headings[i]?.level === 1 && !PART.test(l.text));
  if (!parts) return headings;
  return headings.map((h, i) => (h && !PART.test(lines[i]!.text) ? { ...h, level: Math.min(4, h.level + 1) } : h));
}

/**
 * The passes that decide which typed numbers are headings, in the order they run (each reads what the one before kept).
 */
export const HEADING_PASSES: readonly HeadingPass[] = [
  { name: 'pairs-in-sequence', run: pairsInSequence },
  { name: 'lists-in-sentences', run: listsInSentences },
  { name: 'parts-above-headings', run: partsAboveHeadings },
];

// ——— The salutation ———

/**
 * Whether every line above `index` may be front matter: no typed heading, no sentence of body text
 * (a note in brackets is none), and no line styled as a heading of a level the body uses again.
 */
function onlyFrontMatterAbove(
  index: number,
  lines: readonly Line[],
  headings: Headings,
  titled: boolean,
  subtitleAt: number,
): boolean {
  return lines
    .slice(0, index)
    .every(
      (l, i) =>
        !headings[i] &&
        (!ENDS_SENTENCE.test(l.text) || IN_BRACKETS.test(l.text)) &&
        (typeof l.hint !== 'number' ||
          (i === 0 && titled) ||
          i === subtitleAt ||
          !lines.slice(index + 1).some((o) => o.hint === l.hint)),
    );
}

/**
 * The salutation's line, or -1: a line styled so, else a typed one; only near the top (Word has a
 * built-in style of that name), and a typed one only above the first heading and after no body text.
 */
function findSalutation(lines: readonly Line[], headings: Headings, titled: boolean, subtitleAt: number): number {
  const marked = lines.slice(0, 8).findIndex((line) => line.hint === 'salutation');
  if (marked >= 0) return marked;
  const typed = lines.slice(0, 8).findIndex(isTypedSalutation);
  return typed >= 0 && onlyFrontMatterAbove(typed, lines, headings, titled, subtitleAt) ? typed : -1;
}

// ——— The lines ———

/** What the passes found in the whole text, which the line rules read. */
export interface Reading {
  lines: readonly Line[];
  /** Whether the first line is the title. */
  titled: boolean;
  /** The subtitle's line (——在……上的报告) under a title, 0 when there is none. */
  subtitleAt: number;
  /** The salutation's line, -1 when there is none. */
  salutationAt: number;
  headings: Headings;
  /** The heading style levels the headings use (the title's own <h1> aside), in order: ranked, they are levels 1–4. */
  styleLevels: readonly number[];
}

/** Reads the whole text once: its lines and what the passes find in them. */
function readText(text: string): Reading {
  const lines = readLines(text);
  const titled = opensWithTitle(lines);
  const subtitleAt = titled ? lines.slice(1, 3).findIndex(isSubtitle) + 1 : 0;
  const numbers: Headings = lines.map((line) => typedNumber(line.text));
  const headings = HEADING_PASSES.reduce((kept, pass) => pass.run(lines, kept), numbers);
  const styled = lines.flatMap((line, index) =>
    typeof line.hint === 'number' && !(index === 0 && titled) ? [line.hint] : [],
  );
  const styleLevels = [...new Set(styled)].sort();
  return {
    lines,
    titled,
    subtitleAt,
    headings,
    styleLevels,
    salutationAt: findSalutation(lines, headings, titled, subtitleAt),
  };
}

/**
 * One rule for lines: the block that the line at `index` becomes when the rule takes it, else
 * undefined. `before` holds the blocks of the lines above it.
 */
export interface LineRule {
  name: string;
  decide(line: Line, index: number, reading: Reading, before: readonly NodeJSON[]): NodeJSON | undefined;
}

/** The first line, when the text opens with its title. */
function firstLineTitle(line: Line, index: number, { titled }: Reading): NodeJSON | undefined {
  return index === 0 && titled ? block('title', line.text) : undefined;
}

/** A line styled as the title among the first three (Word's title style, our own DOCX's). */
function styledTitle(line: Line, index: number): NodeJSON | undefined {
  return line.hint === 'title' && index < 3 ? block('title', line.text) : undefined;
}

/** The subtitle right under the title (or under its second line), unless it has a typed number. */
function subtitle(line: Line, index: number, { titled, subtitleAt }: Reading): NodeJSON | undefined {
  return titled && subtitleAt > 0 && index === subtitleAt && !typedHeading(line.text)
    ? block('title', line.text)
    : undefined;
}

/** A line styled as the title's first line is, or not styled at all, may go on from the title. */
function sameStyleAsTitle(line: Line, { lines }: Reading): boolean {
  return line.hint === undefined || line.hint === lines[0]!.hint;
}

/** A main title's second line, above the subtitle (坚定信心 砥砺奋进 / 团结动员…… / ——在……上的报告). */
function mainTitleLine(line: Line, index: number, reading: Reading): NodeJSON | undefined {
  const second = reading.titled && index < reading.subtitleAt && sameStyleAsTitle(line, reading) && isTitleShort(line);
  return second ? block('title', line.text) : undefined;
}

/** The second line of a title broken over two (在全市……工作会议上的 / 讲话), where no subtitle follows. */
function brokenTitleLine(line: Line, index: number, reading: Reading): NodeJSON | undefined {
  const first = reading.lines[0]!;
  const broken =
    reading.titled &&
    index === 1 &&
    reading.subtitleAt === 0 &&
    sameStyleAsTitle(line, reading) &&
    !TITLE_ENDING.test(first.text) &&
    TITLE_ENDING.test(line.text) &&
    line.text.length <= 24 &&
    isTitleShort(line) &&
    isTitleShort(first);
  return broken ? block('title', line.text) : undefined;
}

/** A line styled as a byline (the speaker, the date). */
function styledByline(line: Line): NodeJSON | undefined {
  return line.hint === 'byline' ? block('byline', line.text) : undefined;
}

/**
 * Between the title and the salutation, the speaker and the date: a short line or a date line,
 * even one styled as a heading (### 张三), but no typed heading.
 */
function bylineAboveSalutation(line: Line, index: number, { salutationAt }: Reading): NodeJSON | undefined {
  const front = salutationAt >= 0 && index < salutationAt && line.hint !== 'title' && line.hint !== 'salutation';
  const byline = front && !typedHeading(line.text) && (DATE_LINE.test(line.text) || line.text.length <= 16);
  return byline ? block('byline', line.text) : undefined;
}

/** The date under the title is a byline line even when no salutation follows (a report, a 党课). */
function dateUnderTitle(
  line: Line,
  index: number,
  { titled }: Reading,
  before: readonly NodeJSON[],
): NodeJSON | undefined {
  const underTitle = before.every((b) => b.type === 'title' || b.type === 'byline');
  const date = line.hint === undefined && underTitle && titled && index <= 4 && DATE_LINE.test(line.text);
  return date ? block('byline', line.text) : undefined;
}

/** The salutation, where `findSalutation` found it. */
function salutation(line: Line, index: number, { salutationAt }: Reading): NodeJSON | undefined {
  return index === salutationAt ? block('salutation', line.text) : undefined;
}

/** A line with a typed number that the heading passes kept: a heading at their level, its number dropped. */
function typedHeadingLine(_line: Line, index: number, { headings }: Reading): NodeJSON | undefined {
  const heading = headings[index];
  return heading ? block('paragraph', heading.text, { level: heading.level, runIn: runsOn(heading.text) }) : undefined;
}

/**
 * A line styled as a heading (<h2>, Word's 标题 2) with no typed number: its style's rank is its level (a fifth or sixth
 * is 4).
 */
function styledHeading(line: Line, _index: number, { styleLevels }: Reading): NodeJSON | undefined {
  if (typeof line.hint !== 'number' || typedHeading(line.text)) return undefined;
  return block('paragraph', line.text, {
    level: Math.min(4, styleLevels.indexOf(line.hint) + 1),
    runIn: runsOn(line.text),
  });
}

/** The rules for lines, in the order they are asked: the first that takes a line decides its block. */
export const LINE_RULES: readonly LineRule[] = [
  { name: 'title', decide: firstLineTitle },
  { name: 'styled-title', decide: styledTitle },
  { name: 'subtitle', decide: subtitle },
  { name: 'main-title-line', decide: mainTitleLine },
  { name: 'broken-title', decide: brokenTitleLine },
  { name: 'styled-byline', decide: styledByline },
  { name: 'byline-above-salutation', decide: bylineAboveSalutation },
  { name: 'date-under-title', decide: dateUnderTitle },
  { name: 'salutation', decide: salutation },
  { name: 'typed-heading', decide: typedHeadingLine },
  { name: 'styled-heading', decide: styledHeading },
];

/**
 * Turns the closing remarks at the end of `content` into `closing` blocks: the paragraphs a reader
 * marked so (our own DOCX's Closing style), else the closing words after the last section as
 * `closingStart` finds them (同志们，……！ / 谢谢大家！). `hints` are the lines' hints, one a block.
 */
function markClosing(content: NodeJSON[], hints: ReadonlyArray<LineHint | undefined>): void {
  const marked = hints.length === content.length && hints.some((hint) => hint === 'closing');
  let start = content.length;
  if (marked) while (start > 0 && hints[start - 1] === 'closing' && content[start - 1]!.type === 'paragraph') start--;
  else {
    const text = (block: NodeJSON) => (block.content ?? []).map((child) => child.text ?? '').join('');
    const candidate = (b: NodeJSON) => ({
      type: b.type,
      level: Number(b.attrs?.level ?? 0),
      runIn: b.attrs?.runIn === true,
      text: text(b),
    });
    start = closingStart(content.map(candidate));
  }
  for (let i = start; i < content.length; i++) {
    const body = content[i]!;
    if (body.type !== 'paragraph' || body.attrs?.level) continue;
    content[i] = { type: 'closing', ...(body.content ? { content: body.content } : {}) };
  }
}

/** What detection made of one line: its block and the rule that decided it. */
export interface LineDecision {
  /** A name in LINE_RULES, `body` when none took the line, or `closing` when `markClosing` made it closing remarks. */
  rule: string;
  block: NodeJSON;
}

/** The block of `line` and the rule that decided it: the first of LINE_RULES that takes it, else body text. */
function decideLine(line: Line, index: number, reading: Reading, before: readonly NodeJSON[]): LineDecision {
  for (const rule of LINE_RULES) {
    const decided = rule.decide(line, index, reading, before);
    if (decided) return { rule: rule.name, block: decided };
  }
  return { rule: 'body', block: block('paragraph', line.text, { level: 0, runIn: false }) };
}

/** Each non-blank line of a cleaned text with the block it becomes and the rule that decided it, in order. */
export function detectLines(text: string): LineDecision[] {
  const reading = readText(text);
  const rules: string[] = [];
  const blocks: NodeJSON[] = [];
  reading.lines.forEach((line, index) => {
    const decision = decideLine(line, index, reading, blocks);
    rules.push(decision.rule);
    blocks.push(decision.block);
  });
  markClosing(
    blocks,
    reading.lines.map((line) => line.hint),
  );
  return blocks.map((b, i) => ({ rule: b.type === 'closing' ? 'closing' : rules[i]!, block: b }));
}

/**
 * The document of a cleaned text (one paragraph a line). Lines the reader marked as headings
 * (heading styles, <h1>–<h6>) are headings even without a typed number: their distinct style levels,
 * in order, become levels 1–4 (a deeper fifth or sixth is level 4). A typed number still decides
 * the level where there is one. A text with no lines is a document with an empty title.
 */
export function detectStructure(text: string): NodeJSON {
  const content = detectLines(text).map((decision) => decision.block);
  return { type: 'doc', content: content.length ? content : [{ type: 'title' }] };
}
