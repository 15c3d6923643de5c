import { describe, expect, it } from 'vitest';
import { enumerationGaps, enumerationMarker, parseChineseNumeral, type EnumerationMarker } from './enumeration';

describe('enumerationMarker', () => {
  it.each([
    ['一要抓好项目建设。', 'yao', '一要', 1],
    ['三要抓好风险防控。', 'yao', '三要', 3],
    ['十二要严明纪律。', 'yao', '十二要', 12],
    ['一是进展不平衡', 'shi', '一是', 1],
    ['二是要素保障不足', 'shi', '二是', 2],
    ['第一，提高站位。', 'di', '第一', 1],
    ['第二、强化措施', 'di', '第二', 2],
    ['第三是抓落实', 'di', '第三', 3],
    ['首先，要统一思想。', 'sequence', '首先', 1],
    ['其次，要突出重点。', 'sequence', '其次', 2],
    ['再次，要强化保障。', 'sequence', '再次', 3],
    ['最后，我再强调一点。', 'sequence', '最后', 0],
  ])('reads %s as a point', (text, family, marker, ordinal) => {
    expect(enumerationMarker(text)).toEqual({ family, marker, ordinal });
  });

  it.each([
    '第一次会议召开以来',
    '一年来，全市上下',
    '要抓好项目建设',
    '首先要看到成绩',
    '最后的冲刺阶段',
    '十分重要',
    '今年一要办成三件事',
  ])('does not read %s as a point', (text) => {
    expect(enumerationMarker(text)).toBeUndefined();
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['九十九', 99],
    ['', 0],
    ['百', 0],
    ['一一', 0],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });
});

const m = (text: string): EnumerationMarker => enumerationMarker(text)!;

describe('enumerationGaps', () => {
  it('flags 一要 … 三要 with no 二要', () => {
    expect(enumerationGaps([m('一要甲'), m('三要乙')])).toEqual(['二要']);
  });

  it('flags a family that starts past one', () => {
    expect(enumerationGaps([m('二是甲'), m('三是乙')])).toEqual(['一是']);
  });

  it('accepts 首先 … 最后 with no 其次', () => {
    expect(enumerationGaps([m('首先，甲'), m('最后，乙')])).toEqual([]);
  });

  it('checks each family on its own', () => {
    expect(enumerationGaps([m('一要甲'), m('一是乙'), m('二要丙'), m('三是丁'), m('第一，戊'), m('第三，己')])).toEqual(
      ['二是', '第二'],
    );
  });

  it('finds no gap in a complete run', () => {
    expect(enumerationGaps([m('一要甲'), m('二要乙'), m('三要丙')])).toEqual([]);
  });
});
