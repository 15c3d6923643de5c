import { describe, expect, it } from 'vitest';
import { HeadingCounter, chineseNumeral, headingLabels, headingLevel, numberLabel } from './numbering';
import { speechSchema } from './schema';
import { docOf } from './test-docs';

// Expectations written out by hand, independently of the code under test: the tens and the units
// of 1–99 as a Chinese reader says them (十一, not 一十一).
const TENS = ['', '十', '二十', '三十', '四十', '五十', '六十', '七十', '八十', '九十'];
const UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const chinese = (n: number): string => TENS[Math.floor(n / 10)]! + UNITS[n % 10]!;

describe('chineseNumeral', () => {
  it('writes every number from 1 to 99 as a speech numbers its sections', () => {
    for (let n = 1; n <= 99; n++) expect(chineseNumeral(n), String(n)).toBe(chinese(n));
  });

  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2026, '二千零二十六'],
    [9999, '九千九百九十九'],
  ])('writes %i as %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it.each([0, -1, 1.5, 10000, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s with a RangeError naming it', (n) => {
    expect(() => chineseNumeral(n)).toThrow(new RangeError(`chineseNumeral: ${n} is not an integer from 1 to 9999`));
  });
});

describe('numberLabel', () => {
  it('labels every index from 1 to 99 at each of the four levels', () => {
    for (let n = 1; n <= 99; n++) {
      expect(numberLabel(1, n), `level 1, ${n}`).toBe(`${chinese(n)}、`);
      expect(numberLabel(2, n), `level 2, ${n}`).toBe(`（${chinese(n)}）`);
      expect(numberLabel(3, n), `level 3, ${n}`).toBe(`${n}.`);
      expect(numberLabel(4, n), `level 4, ${n}`).toBe(`（${n}）`);
    }
  });

  it.each([
    [1, 1, '一、'],
    [1, 11, '十一、'],
    [2, 1, '（一）'],
    [2, 20, '（二十）'],
    [3, 1, '1.'],
    [3, 11, '11.'],
    [4, 1, '（1）'],
    [4, 99, '（99）'],
  ])('labels level %i index %i as %s', (level, index, label) => {
    expect(numberLabel(level, index)).toBe(label);
  });

  it('uses a half-width full stop after a level-3 number and no punctuation after （一） or （1）', () => {
    expect(numberLabel(3, 2).at(-1)).toBe('.');
    expect(numberLabel(2, 2).at(-1)).toBe('）');
    expect(numberLabel(4, 2).at(-1)).toBe('）');
  });

  it.each([0, 5, -1, 1.5])('refuses level %s', (level) => {
    expect(() => numberLabel(level, 1)).toThrow(/level .* is not a heading level \(1–4\)/);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses index %s', (index) => {
    expect(() => numberLabel(1, index)).toThrow(/index .* is not a positive integer/);
  });
});

describe('HeadingCounter', () => {
  it('counts each level and restarts the deeper levels under a new parent', () => {
    const counter = new HeadingCounter();
    expect([1, 2, 2, 3, 3, 4, 4, 3, 4, 2, 3, 1, 2, 3, 4].map((level) => counter.next(level))).toEqual([
      '一、',
      '（一）',
      '（二）',
      '1.',
      '2.',
      '（1）',
      '（2）',
      '3.',
      '（1）',
      '（三）',
      '1.',
      '二、',
      '（一）',
      '1.',
      '（1）',
    ]);
  });

  it('still counts a heading that skips a level', () => {
    const counter = new HeadingCounter();
    expect([1, 3, 3, 2, 3, 4, 1, 4].map((level) => counter.next(level))).toEqual([
      '一、',
      '1.',
      '2.',
      '（一）',
      '1.',
      '（1）',
      '二、',
      '（1）',
    ]);
  });

  it('numbers headings before any level-1 heading from one', () => {
    const counter = new HeadingCounter();
    expect([2, 2, 1, 2].map((level) => counter.next(level))).toEqual(['（一）', '（二）', '一、', '（一）']);
  });

  it('refuses a level that is not a heading level and keeps counting as before', () => {
    const counter = new HeadingCounter();
    counter.next(1);
    counter.next(2);
    for (const level of [0, 5, 2.5, -1, Number.NaN])
      expect(() => counter.next(level)).toThrow(/level .* is not a heading level/);
    expect(counter.next(2)).toBe('（二）');
    expect(counter.next(1)).toBe('二、');
  });
});

describe('headingLevel', () => {
  it('is the level of a heading paragraph and 0 for body paragraphs and other blocks', () => {
    const doc = docOf(
      ['title', '讲话'],
      ['byline', '×××'],
      ['salutation', '同志们：'],
      [0, '正文'],
      [1, '甲'],
      [2, '乙'],
      [3, '丙'],
      [4, '丁'],
    );
    const levels: number[] = [];
    doc.forEach((block) => levels.push(headingLevel(block)));
    expect(levels).toEqual([0, 0, 0, 0, 1, 2, 3, 4]);
  });

  it('treats a paragraph whose level is not 1–4 as body', () => {
    const schema = speechSchema();
    for (const level of [5, -1, 1.5, '2', null])
      expect(headingLevel(schema.node('paragraph', { level })), String(level)).toBe(0);
  });
});

describe('headingLabels', () => {
  it('numbers the sample speech: 一、 （一） （二） 二、 三、 1. 2. 3., skipping title, bylines, salutation and body', () => {
    const doc = docOf(
      ['title', '在全市XX工作推进会上的讲话'],
      ['byline', '×××'],
      ['byline', '（2026年X月X日）'],
      ['salutation', '同志们：'],
      [0, '这次会议的主要任务是……'],
      [1, '统一思想认识，切实增强做好XX工作的责任感紧迫感'],
      [0, '今年以来……'],
      [2, '充分认识做好XX工作的重要意义。XX工作事关全市发展大局。', 'runIn'],
      [2, '清醒认识当前存在的突出问题。在看到成绩的同时……', 'runIn'],
      [1, '突出工作重点，全力推动各项任务落地见效'],
      [0, '下半年时间紧、任务重……'],
      [0, '一要抓好项目建设。……'],
      [1, '强化组织保障，确保各项决策部署落到实处'],
      [3, '加强组织领导。各级党委、政府要切实履行主体责任……', 'runIn'],
      [3, '强化督查考核。市委督查室……', 'runIn'],
      [3, '营造良好氛围。要充分利用……', 'runIn'],
      [0, '同志们，做好下半年XX工作……'],
      [0, '谢谢大家！'],
    );
    expect([...headingLabels(doc)]).toEqual([
      [5, '一、'],
      [7, '（一）'],
      [8, '（二）'],
      [9, '二、'],
      [12, '三、'],
      [13, '1.'],
      [14, '2.'],
      [15, '3.'],
    ]);
  });

  it('restarts （一） under each 一、 and 1. under each （一）, and counts through body paragraphs', () => {
    const doc = docOf(
      [1, 'A'],
      [2, 'A1'],
      [0, '正文'],
      [3, 'A1a'],
      [0, '正文'],
      [3, 'A1b'],
      [2, 'A2'],
      [3, 'A2a'],
      [4, 'A2a-i'],
      [1, 'B'],
      [0, '正文'],
      [2, 'B1'],
      [4, 'B1-i'],
    );
    expect([...headingLabels(doc).values()]).toEqual([
      '一、',
      '（一）',
      '1.',
      '2.',
      '（二）',
      '1.',
      '（1）',
      '二、',
      '（一）',
      '（1）',
    ]);
  });

  it('has no labels for a speech without headings', () => {
    expect(headingLabels(docOf(['title', '讲话'], [0, '正文'], [0, '谢谢大家！'])).size).toBe(0);
  });
});
