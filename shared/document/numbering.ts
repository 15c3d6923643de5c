/**
 * Heading numbers: 一、 （一） 1. （1）. Numbers are computed from a heading's position, never
 * typed (DESIGN.md, decision 2); this file is the one place that turns a level and an index into
 * a label, used by the editor, the outline and every exporter.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { MAX_HEADING_LEVEL } from './schema';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Writes a positive integer in Chinese numerals as used in heading numbers: 1 → 一, 10 → 十,
 * 11 → 十一, 20 → 二十, 99 → 九十九, 100 → 一百, 105 → 一百零五, 110 → 一百一十.
 * Supports 1–9999; anything else is a RangeError.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999)
    throw new RangeError(`chineseNumeral: ${n} is not an integer from 1 to 9999`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + unit;
  });
  return out;
}

/**
 * The label of the `index`-th (1-based) heading of `level` within its parent section:
 * level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）" (FORMAT.md: no punctuation
 * after （一） or （1）; a half-width full stop after the level-3 digit).
 */
export function numberLabel(level: number, index: number): string {
  if (!Number.isInteger(index) || index < 1)
    throw new RangeError(`numberLabel: index ${index} is not a positive integer`);
  switch (level) {
    case 1:
      return `${chineseNumeral(index)}、`;
    case 2:
      return `（${chineseNumeral(index)}）`;
    case 3:
      return `${index}.`;
    case 4:
      return `（${index}）`;
    default:
      throw new RangeError(`numberLabel: level ${level} is not a heading level (1–${MAX_HEADING_LEVEL})`);
  }
}

/**
 * A running counter of heading numbers over blocks in document order. `next(level)` returns the
 * label for the next heading of that level and resets the counters of deeper levels, so that
 * （一） restarts under each 一、. A skipped level (a 1. straight under 一、) still counts.
 */
export class HeadingCounter {
  private readonly counts = new Array<number>(MAX_HEADING_LEVEL).fill(0);

  /**
   * Advances the counter for a heading of `level` (1–4) and returns its label. Any other level is
   * a RangeError and leaves the counter as it was.
   */
  next(level: number): string {
    if (!Number.isInteger(level) || level < 1 || level > MAX_HEADING_LEVEL) {
      throw new RangeError(`HeadingCounter: level ${level} is not a heading level (1–${MAX_HEADING_LEVEL})`);
    }
    this.counts[level - 1]! += 1;
    for (let deeper = level; deeper < MAX_HEADING_LEVEL; deeper++) this.counts[deeper] = 0;
    return numberLabel(level, this.counts[level - 1]!);
  }
}

/** A block node's heading level: 1–4 for a paragraph with that level, 0 for anything else. */
export function headingLevel(node: PMNode): number {
  if (node.type.name !== 'paragraph') return 0;
  const level: unknown = node.attrs.level;
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= MAX_HEADING_LEVEL ? level : 0;
}

/**
 * The label of every heading in `doc`, keyed by the heading's index among the top-level blocks.
 * Blocks that are not headings have no entry.
 */
export function headingLabels(doc: PMNode): Map<number, string> {
  const counter = new HeadingCounter();
  const labels = new Map<number, string>();
  doc.forEach((block, _offset, index) => {
    const level = headingLevel(block);
    if (level) labels.set(index, counter.next(level));
  });
  return labels;
}
