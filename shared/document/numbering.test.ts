import { describe, expect, it } from 'vitest';
import { HeadingCounter, chineseNumeral, headingLabels, numberLabel } from './numbering';
import { docOf } from './test-docs';

// Expectations written out independently of the code under test: units and tens by hand.
const UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function expected(n: number): string {
  const tens = Math.floor(n / 10);
  const unit = UNITS[n % 10]!;
  if (tens === 0) return unit;
  return `${tens === 1 ? '' : UNITS[tens]}十${unit}`;
}

describe('chineseNumeral', () => {
  it('writes every number from 1 to 99 as a speech numbers its sections', () => {
    for (let n = 1; n <= 99; n++) expect(chineseNumeral(n), String(n)).toBe(expected(n));
  });

  it.each([
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1000, '一千'],
    [1010, '一千零一十'],
  ])('writes %i as %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it.each([0, -1, 1.5, 10000, Number.NaN])('refuses %s', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});

describe('numberLabel', () => {
  it('labels every index from 1 to 99 at each of the four levels', () => {
    for (let n = 1; n <= 99; n++) {
      expect(numberLabel(1, n)).toBe(`${expected(n)}、`);
      expect(numberLabel(2, n)).toBe(`（${expected(n)}）`);
      expect(numberLabel(3, n)).toBe(`${n}.`);
      expect(numberLabel(4, n)).toBe(`（${n}）`);
    }
    expect(numberLabel(1, 11)).toBe('十一、');
    expect(numberLabel(2, 20)).toBe('（二十）');
  });

  it('refuses a level outside 1–4 and an index below 1', () => {
    expect(() => numberLabel(0, 1)).toThrow(RangeError);
    expect(() => numberLabel(5, 1)).toThrow(RangeError);
    expect(() => numberLabel(1, 0)).toThrow(RangeError);
  });
});

describe('HeadingCounter and headingLabels', () => {
  it('restarts each level under its parent', () => {
    const counter = new HeadingCounter();
    expect([1, 2, 2, 3, 1, 2, 3, 3, 4].map((level) => counter.next(level))).toEqual(['一、', '（一）', '（二）', '1.', '二、', '（一）', '1.', '2.', '（1）']);
  });

  it('still counts a heading that skips a level', () => {
    const counter = new HeadingCounter();
    expect([1, 3, 3, 2, 3].map((level) => counter.next(level))).toEqual(['一、', '1.', '2.', '（一）', '1.']);
  });

  it('labels the headings of a document by block index, ignoring title, body and other blocks', () => {
    const doc = docOf(['title', '讲话'], ['salutation', '同志们：'], [0, '正文'], [1, '甲'], [0, '正文'], [2, '乙'], [1, '丙']);
    expect([...headingLabels(doc)]).toEqual([
      [3, '一、'],
      [5, '（一）'],
      [6, '二、'],
    ]);
  });
});
