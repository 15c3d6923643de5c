/**
 * Enumerated points: paragraphs that open with 一要/二要, 一是/二是, 第一/第二 or
 * 首先/其次/再次/最后. The outline lists them under their section and flags gaps in a numbered
 * family (一要 … 三要 with no 二要). The ordered words 首先 … 最后 have no gaps to flag: a speech may
 * go from 首先 straight to 最后.
 */

/** The families of enumeration markers. */
export type EnumerationFamily = 'yao' | 'shi' | 'di' | 'sequence';

/** An enumeration marker at the start of a paragraph. */
export interface EnumerationMarker {
  family: EnumerationFamily;
  /** The marker as written: 一要, 二是, 第三, 首先. */
  marker: string;
  /** 1-based position in its family; 0 for 最后 (last, whatever its number). */
  ordinal: number;
}

const NUMERALS = '一二三四五六七八九十';

/** Reads a Chinese numeral from 一 to 九十九; 0 when `text` is not one. */
export function parseChineseNumeral(text: string): number {
  if (!text || [...text].some((ch) => !NUMERALS.includes(ch))) return 0;
  const value = (ch: string | undefined) => (ch ? NUMERALS.indexOf(ch) + 1 : 0);
  if (text.length === 1) return value(text);
  if (text.length === 2 && text[0] === '十') return 10 + value(text[1]);
  if (text.length === 2 && text[1] === '十') return value(text[0]) * 10;
  if (text.length === 3 && text[1] === '十') return value(text[0]) * 10 + value(text[2]);
  return 0;
}

// 一要 / 一是 directly at the start; 第一 followed by a pause or 是 (so 第一次会议 is not a point).
const NUMBERED = /^([一二三四五六七八九十]{1,3})(要|是)/;
const ORDINAL = /^第([一二三四五六七八九十]{1,3})(?=[，,、：:是])/;
const SEQUENCE: ReadonlyArray<[string, number]> = [
  ['首先', 1],
  ['其次', 2],
  ['再次', 3],
  ['最后', 0],
];

/** The enumeration marker a paragraph opens with, if any. */
export function enumerationMarker(text: string): EnumerationMarker | undefined {
  const numbered = NUMBERED.exec(text);
  if (numbered) {
    const ordinal = parseChineseNumeral(numbered[1]!);
    if (ordinal) return { family: numbered[2] === '要' ? 'yao' : 'shi', marker: numbered[0], ordinal };
  }
  const ordinal = ORDINAL.exec(text);
  if (ordinal) {
    const n = parseChineseNumeral(ordinal[1]!);
    if (n) return { family: 'di', marker: ordinal[0], ordinal: n };
  }
  for (const [word, n] of SEQUENCE) {
    if (text.startsWith(word) && /^[，,、：:]/.test(text.slice(word.length)))
      return { family: 'sequence', marker: word, ordinal: n };
  }
  return undefined;
}

/** The marker of a numbered family for an ordinal: ('yao', 2) → 二要. */
export function markerFor(family: Exclude<EnumerationFamily, 'sequence'>, ordinal: number): string {
  const numeral =
    ordinal <= 10 ? NUMERALS[ordinal - 1]! : ordinal < 20 ? `十${NUMERALS[ordinal - 11] ?? ''}` : String(ordinal);
  return family === 'di' ? `第${numeral}` : `${numeral}${family === 'yao' ? '要' : '是'}`;
}

/**
 * The markers missing from a run of points of one section, in order: for 一要, 三要 → [二要];
 * for 二是 alone → [一是]. Each numbered family is checked on its own; 首先/其次/最后 never gap.
 */
export function enumerationGaps(markers: readonly EnumerationMarker[]): string[] {
  const missing: string[] = [];
  const last = new Map<EnumerationFamily, number>();
  for (const { family, ordinal } of markers) {
    if (family === 'sequence') continue;
    const previous = last.get(family) ?? 0;
    for (let n = previous + 1; n < ordinal; n++) missing.push(markerFor(family, n));
    last.set(family, Math.max(previous, ordinal));
  }
  return missing;
}
