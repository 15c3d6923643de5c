/**
 * Plain text → a structured speech. Lines before the salutation are the title and the byline
 * (speaker, date in parentheses); the salutation is a short line ending in a colon (同志们：);
 * typed numbers 一、 （一） 1. 1、 （1） 第一部分 become heading levels and are dropped, since Lectern
 * draws numbers; a numbered lead sentence followed by more text in the same paragraph is a run-in
 * heading; everything else is body. Enumerated points (一要, 一是…) stay text for the outline.
 */
import type { NodeJSON } from '../document/file-format';
import { closingStart } from '../document/closing';

const NUMERAL = '[一二三四五六七八九十]{1,3}';
const DIGITS = '[0-9０-９]{1,2}';
/** Typed heading numbers and the level they mean. Full-width digits (１．) count as digits. */
export const HEADING_NUMBERS: ReadonlyArray<{ level: number; pattern: RegExp }> = [
  // 第一部分 as a heading has its text after a separator (第一部分 2025年工作回顾, 第一部分：…);
  // 第一部分由组织部同志宣读… is a sentence.
  { level: 1, pattern: new RegExp(`^第${NUMERAL}部分(?:[、，：:\\s\u3000]+|$)`, 'u') },
  { level: 1, pattern: new RegExp(`^${NUMERAL}[、．.]\\s*`, 'u') },
  { level: 2, pattern: new RegExp(`^[（(]${NUMERAL}[）)]\\s*`, 'u') },
  // 3.5 and 3．5 are decimals, not heading 3.
  { level: 3, pattern: new RegExp(`^${DIGITS}(?:、|[.．](?![0-9０-９]))\\s*`, 'u') },
  { level: 4, pattern: new RegExp(`^[（(]${DIGITS}[）)]\\s*`, 'u') },
];
const PART = new RegExp(`^第${NUMERAL}部分`, 'u');

const CHINESE_DIGITS = '〇一二三四五六七八九十';
/** The value of a number typed in a heading (一 → 1, 十二 → 12, １２ → 12). */
function numeralValue(numeral: string): number {
  if (/^[0-9０-９]+$/u.test(numeral)) return Number(numeral.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10)));
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  const digit = (c: string | undefined) => (c ? CHINESE_DIGITS.indexOf(c) : 0);
  return numeral.includes('十') ? (tens ? digit(tens) : 1) * 10 + digit(ones) : digit(ones);
}

/**
 * 1、2月份, 一、二季度, 三、四线城市: a number, a 、 and the next number with a unit after it reads
 * as a pair of figures in a sentence. Without a unit it is a heading (一、二手车市场, 三、四风问题,
 * 一、二是…, 一、二〇二五年工作回顾); with one, detectStructure decides by the sequence around it.
 */
const PAIR_UNIT = /^(?:季度|月|日|号|年级|级|类|期|批|档|轮|次|届|个|名|家|项|条|座|线|层|楼|栋|等|星|代|孩|胎|产|岁|倍|成|万|亿|千|百|%|％)/u;
function isNumberPair(value: number, rest: string): boolean {
  const next = /^([0-9０-９]{1,2}|[一二三四五六七八九十])/u.exec(rest);
  return !!next && numeralValue(next[1]!) === value + 1 && PAIR_UNIT.test(rest.slice(next[1]!.length));
}

/** How a speech's title ends (……上的讲话, ……致辞（摘要）). */
const TITLE_ENDING = /(讲话|致辞|发言|报告|讲话稿|主持词|动员令)(?:[（(][^（）()]{1,8}[）)])?$/u;
const DATE_LINE = /^[（(][^（）()]*\d{4}\s*年[^（）()]*[）)]$/u;
const SALUTATION = /[：:]$/u;
/** The end of a sentence or a clause: a line with one inside is no title. */
const SENTENCE_MARK = /[。！？；，]/u;

/**
 * 在全市……工作会议上的 / 讲话: the first two title lines are one title broken over two lines (not a
 * main title with its subtitle, 同心协力 再创辉煌 / 在……上的讲话 or ——在……上的报告).
 */
export function isBrokenTitle(first: string, second: string): boolean {
  return first.startsWith('在') && !TITLE_ENDING.test(first) && TITLE_ENDING.test(second) && !/^[在—–-]/u.test(second);
}

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

/** A typed number at a line's start: its level, the text after it, its value and whether it reads as a pair of figures. */
export interface TypedNumber {
  level: number;
  text: string;
  value: number;
  /** 二、三个代表……, 1、2月份……: a heading only where it continues the sequence (see detectStructure). */
  pair: boolean;
}

export function typedNumber(line: string): TypedNumber | undefined {
  for (const { level, pattern } of HEADING_NUMBERS) {
    const match = pattern.exec(line);
    if (!match || line.length <= match[0].length) continue;
    const text = line.slice(match[0].length);
    const value = numeralValue(/^[第（(]?([0-9０-９]+|[一二三四五六七八九十]+)/u.exec(match[0])![1]!);
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
const HINT_CODES: Record<string, LineHint> = { T: 'title', B: 'byline', S: 'salutation', C: 'closing', 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6 };
/** Markers anywhere in a text: removed from what users bring, so only the readers' markers count. */
const ANY_HINT_MARK = /\uE000[TBSC1-6]\uE001/gu;

/** `line` with the hint's marker in front. */
export function hintLine(hint: LineHint, line: string): string {
  const code = hint === 'title' ? 'T' : hint === 'byline' ? 'B' : hint === 'salutation' ? 'S' : hint === 'closing' ? 'C' : String(hint);
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
    start = closingStart(content.map((b) => ({ type: b.type, level: Number(b.attrs?.level ?? 0), runIn: b.attrs?.runIn === true, text: text(b) })));
  }
  for (let i = start; i < content.length; i++) {
    if (content[i]!.type === 'paragraph' && !content[i]!.attrs?.level) content[i] = { type: 'closing', ...(content[i]!.content ? { content: content[i]!.content } : {}) };
  }
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
  const isSalutation = (l: { hint?: LineHint; text: string }) => l.hint === undefined && SALUTATION.test(l.text) && l.text.length <= 30 && !typedHeading(l.text);
  // Front matter after the first line: a byline, a date line or a salutation within the next three.
  const frontMatterFollows = lines.slice(1, 4).some((l) => l.hint === 'byline' || l.hint === 'salutation' || DATE_LINE.test(l.text) || isSalutation(l));
  const firstIsTitle = (line: { hint?: LineHint; text: string } | undefined) =>
    line !== undefined &&
    (line.hint === 'title' ||
      // 同志们： on the first line opens a speech that has no title.
      (line.hint === undefined && (line.text.length <= 40 || TITLE_ENDING.test(line.text)) && !typedHeading(line.text) && !isSalutation(line)) ||
      // A heading style on the first line is the title when it is the only one of its level, or
      // when the speaker, the date or the salutation follows (Markdown's # for both, Word's 标题 1).
      (typeof line.hint === 'number' && !typedHeading(line.text) && (frontMatterFollows || !lines.slice(1).some((l) => l.hint === line.hint))));
  const titled = firstIsTitle(lines[0]);
  // A title's further lines: one broken off (在全市……工作会议上的 / 讲话), and a subtitle right under
  // the title (——在……上的报告, ——专题党课讲稿) with a main title's second line above it.
  const short = (l: { text: string }) => !SENTENCE_MARK.test(l.text) && !SALUTATION.test(l.text) && l.text.length <= 40 && !typedHeading(l.text);
  const isSubtitle = (l: { text: string }) => {
    const rest = /^(?:——|—|－－|--)\s*(\S.*)$/u.exec(l.text)?.[1];
    return !!rest && !SENTENCE_MARK.test(rest.replace(/。$/u, '')) && (TITLE_ENDING.test(rest) || /^在.+上的|讲稿|党课|报告|讲话|发言|致辞/u.test(rest));
  };
  const subtitleAt = titled ? lines.slice(1, 3).findIndex(isSubtitle) + 1 : 0;
  const continuesTitle = (index: number) => {
    const line = lines[index]!;
    if (!titled || content.length !== index) return false;
    if (index === subtitleAt) return !typedHeading(line.text);
    if (line.hint !== undefined && line.hint !== lines[0]!.hint) return false;
    if (index < subtitleAt) return short(line);
    return index === 1 && !TITLE_ENDING.test(lines[0]!.text) && TITLE_ENDING.test(line.text) && line.text.length <= 24 && short(line) && short(lines[0]!);
  };
  // Style levels used by headings (the title's own <h1> aside), ranked into Lectern's levels.
  const styleLevels: number[] = [...new Set(lines.flatMap((line, index) => (typeof line.hint === 'number' && !(index === 0 && titled) ? [line.hint] : [])))].sort();
  const levelOf = (hint: number) => Math.min(4, styleLevels.indexOf(hint) + 1);
  // Typed numbers. A pair of figures (二、三个代表……, 1、2月份……) is a heading only where it goes on
  // from the number before it at its level or into the one after, and is no sentence.
  const numbers = lines.map((line) => typedNumber(line.text));
  const neighbour = (index: number, step: 1 | -1) => {
    for (let j = index + step; j >= 0 && j < numbers.length; j += step) {
      const other = numbers[j];
      if (other && other.level <= numbers[index]!.level) return other.level === numbers[index]!.level ? other : undefined;
    }
    return undefined;
  };
  const typed = numbers.map((n, index) =>
    !n || !n.pair || (!/[。！？]/u.test(lines[index]!.text) && (neighbour(index, -1)?.value === n.value - 1 || neighbour(index, 1)?.value === n.value + 1)) ? n : undefined,
  );
  // A run of numbered lines that end in ； is a list inside a sentence, not headings (……要义：/
  // 1、坚定理想信念是根本；/ 2、……；): its lines stay body text, numbers and all. Not a lone line
  // (一、坚持党管干部原则……；) nor run-in headings (1．强化项目支撑。全年……；).
  for (let start = 0; start < lines.length; ) {
    let end = start + 1;
    if (typed[start]) while (end < lines.length && typed[end]?.level === typed[start]!.level) end++;
    const run = lines.slice(start, end);
    if (typed[start] && end - start >= 2 && run.some((l) => /[；;]$/u.test(l.text)) && !run.some((_, k) => runsOn(typed[start + k]!.text))) typed.fill(undefined, start, end);
    start = end;
  }
  // 第一部分 above 一、: a report in parts keeps its 一、 and （一） under them, one level down.
  const isPart = (index: number) => !!typed[index] && PART.test(lines[index]!.text) && !/[。！？；]/u.test(lines[index]!.text);
  const parts = lines.some((_, i) => isPart(i)) && lines.some((l, i) => typed[i]?.level === 1 && !PART.test(l.text));
  const typedLevel = (index: number) => (parts && !PART.test(lines[index]!.text) ? Math.min(4, typed[index]!.level + 1) : typed[index]!.level);
  // The front matter: title and byline lines, up to the salutation (only looked for near the top,
  // above the first heading, typed or styled, and after no sentence of body text; a note in brackets is no body).
  // A salutation style counts only near the top, as the typed one does (Word has a built-in style of that name).
  const marked = lines.slice(0, 8).findIndex((line) => line.hint === 'salutation');
  const typedSalutation = lines.slice(0, 8).findIndex(isSalutation);
  // A line styled as a heading of a level the body uses again is a heading, not front matter.
  const frontMatterBefore = (index: number) =>
    lines
      .slice(0, index)
      .every(
        (l, i) =>
          !typed[i] &&
          (!/[。！？][”’」』]?$/u.test(l.text) || /^[（(].*[）)]$/u.test(l.text)) &&
          (typeof l.hint !== 'number' || (i === 0 && titled) || i === subtitleAt || !lines.slice(index + 1).some((o) => o.hint === l.hint)),
      );
  const salutationAt = marked >= 0 ? marked : typedSalutation >= 0 && frontMatterBefore(typedSalutation) ? typedSalutation : -1;
  lines.forEach(({ hint, text: line }, index) => {
    if (index === 0 && titled) return void content.push(block('title', line));
    if ((hint === 'title' && index < 3) || continuesTitle(index)) return void content.push(block('title', line));
    // The date under the title is a byline line even when no salutation follows (a report, a 党课).
    const underTitle = content.length === index && content.every((b) => b.type === 'title' || b.type === 'byline');
    if (
      hint === 'byline' ||
      // Between the title and the salutation, a speaker styled as a heading (### 张三) is a byline too.
      (salutationAt >= 0 && index < salutationAt && hint !== 'title' && hint !== 'salutation' && !typedHeading(line) && (DATE_LINE.test(line) || line.length <= 16)) ||
      (hint === undefined && underTitle && titled && index <= 4 && DATE_LINE.test(line))
    ) {
      return void content.push(block('byline', line));
    }
    if (index === salutationAt) return void content.push(block('salutation', line));
    const heading = typed[index];
    if (heading) {
      return void content.push(block('paragraph', heading.text, { level: typedLevel(index), runIn: runsOn(heading.text) }));
    }
    if (typeof hint === 'number' && !typedHeading(line)) return void content.push(block('paragraph', line, { level: levelOf(hint), runIn: runsOn(line) }));
    content.push(block('paragraph', line, { level: 0, runIn: false }));
  });
  if (!content.length) content.push({ type: 'title' });
  markClosing(content, lines.map((line) => line.hint));
  return { type: 'doc', content };
}
