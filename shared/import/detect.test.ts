/**
 * Every detection rule by its example: one row a rule, with a text the rule decides and a near miss
 * it must leave to another rule. A new rule in detect.ts is one function there and one row here;
 * the first test fails until the row is written.
 */
import { describe, expect, it } from 'vitest';
import { blockRows } from '../document/test-docs';
import { detectLines, detectStructure, hintLine, HEADING_PASSES, LINE_RULES } from './detect';

/** A text as lines; the line the row is about starts with ▸. */
type Example = readonly string[];

interface RuleRow {
  rule: string;
  /** A text in which the rule decides the marked line, and the blocks the text becomes. */
  finds: Example;
  findsBlocks: readonly string[];
  /** A text close to it in which the marked line is another rule's, and the blocks it becomes. */
  ignores: Example;
  ignoresBlocks: readonly string[];
}

const TITLE = hintLine('title', '');
const BYLINE = hintLine('byline', '');
const H1 = hintLine(1, '');
const H2 = hintLine(2, '');

const ROWS: readonly RuleRow[] = [
  {
    rule: 'pairs-in-sequence',
    finds: ['讲话', '同志们：', '一、统一思想', '▸二、三个代表重要思想的历史地位', '三、四个全面战略布局的实践要求'],
    findsBlocks: [
      'title:讲话',
      'salutation:同志们：',
      'paragraph1:统一思想',
      'paragraph1:三个代表重要思想的历史地位',
      'paragraph1:四个全面战略布局的实践要求',
    ],
    ignores: ['在全县经济工作会议上的讲话', '同志们：', '▸1、2月份工业增加值增长较快。', '一、二季度经济运行平稳'],
    ignoresBlocks: [
      'title:在全县经济工作会议上的讲话',
      'salutation:同志们：',
      'paragraph:1、2月份工业增加值增长较快。',
      'paragraph:一、二季度经济运行平稳',
    ],
  },
  {
    rule: 'lists-in-sentences',
    finds: [
      '党课',
      '一、为什么要坚定理想信念',
      '主要有两层要义：',
      '▸1、坚定理想信念是根本；',
      '2、坚定理想信念要落到实处；',
      '二、怎样坚定理想信念',
    ],
    findsBlocks: [
      'title:党课',
      'paragraph1:为什么要坚定理想信念',
      'paragraph:主要有两层要义：',
      'paragraph:1、坚定理想信念是根本；',
      'paragraph:2、坚定理想信念要落到实处；',
      'paragraph1:怎样坚定理想信念',
    ],
    ignores: ['讲话', '同志们：', '▸1．强化项目支撑。全年新开工项目200个；', '2．强化要素保障。用地指标优先保障；'],
    ignoresBlocks: [
      'title:讲话',
      'salutation:同志们：',
      'paragraph3:强化项目支撑。全年新开工项目200个；',
      'paragraph3:强化要素保障。用地指标优先保障；',
    ],
  },
  {
    rule: 'parts-above-headings',
    finds: ['工作报告', '同志们：', '第一部分 2025年工作回顾', '▸一、突出思想政治引领', '（一）深化理论武装'],
    findsBlocks: [
      'title:工作报告',
      'salutation:同志们：',
      'paragraph1:2025年工作回顾',
      'paragraph2:突出思想政治引领',
      'paragraph3:深化理论武装',
    ],
    ignores: ['讲话', '同志们：', '第一部分：我讲三点意见。', '▸一、讲政治', '二、重实干'],
    ignoresBlocks: [
      'title:讲话',
      'salutation:同志们：',
      'paragraph1:我讲三点意见。',
      'paragraph1:讲政治',
      'paragraph1:重实干',
    ],
  },
  {
    rule: 'title',
    finds: ['▸在全市推进会上的讲话', '同志们：', '正文。'],
    findsBlocks: ['title:在全市推进会上的讲话', 'salutation:同志们：', 'paragraph:正文。'],
    ignores: ['▸同志们：', '今天召开会议。', '一、总体要求'],
    ignoresBlocks: ['salutation:同志们：', 'paragraph:今天召开会议。', 'paragraph1:总体要求'],
  },
  {
    rule: 'styled-title',
    finds: [`${TITLE}同心协力 再创辉煌`, `▸${TITLE}在全市经济工作会议上的讲话`, '同志们：'],
    findsBlocks: ['title:同心协力 再创辉煌', 'title:在全市经济工作会议上的讲话', 'salutation:同志们：'],
    ignores: [`${TITLE}讲话`, '同志们：', '正文。', `▸${TITLE}又一个标题`],
    ignoresBlocks: ['title:讲话', 'salutation:同志们：', 'paragraph:正文。', 'paragraph:又一个标题'],
  },
  {
    rule: 'subtitle',
    finds: ['坚定信心 砥砺奋进', '▸——在市总工会全体会议上的工作报告', '同志们：', '正文。'],
    findsBlocks: [
      'title:坚定信心 砥砺奋进',
      'title:——在市总工会全体会议上的工作报告',
      'salutation:同志们：',
      'paragraph:正文。',
    ],
    ignores: ['在全市安全生产工作会议上的讲话', '▸——题记', '同志们：', '正文。'],
    ignoresBlocks: ['title:在全市安全生产工作会议上的讲话', 'byline:——题记', 'salutation:同志们：', 'paragraph:正文。'],
  },
  {
    rule: 'main-title-line',
    finds: ['坚定信心 砥砺奋进', '▸团结动员广大职工建功立业', '——在市总工会全体会议上的工作报告', '同志们：'],
    findsBlocks: [
      'title:坚定信心 砥砺奋进',
      'title:团结动员广大职工建功立业',
      'title:——在市总工会全体会议上的工作报告',
      'salutation:同志们：',
    ],
    ignores: ['坚定信心 砥砺奋进', '▸团结动员广大职工，建功立业', '——在市总工会全体会议上的工作报告', '同志们：'],
    ignoresBlocks: [
      'title:坚定信心 砥砺奋进',
      'byline:团结动员广大职工，建功立业',
      'title:——在市总工会全体会议上的工作报告',
      'salutation:同志们：',
    ],
  },
  {
    rule: 'broken-title',
    finds: ['在全市安全生产暨森林防灭火', '▸工作会议上的讲话', '王建国', '同志们：'],
    findsBlocks: ['title:在全市安全生产暨森林防灭火', 'title:工作会议上的讲话', 'byline:王建国', 'salutation:同志们：'],
    ignores: ['在全市安全生产工作会议上的讲话', '▸关于安全生产的讲话', '同志们：'],
    ignoresBlocks: ['title:在全市安全生产工作会议上的讲话', 'byline:关于安全生产的讲话', 'salutation:同志们：'],
  },
  {
    rule: 'styled-byline',
    finds: ['在全市推进会上的讲话', `▸${BYLINE}王建国`, '正文。'],
    findsBlocks: ['title:在全市推进会上的讲话', 'byline:王建国', 'paragraph:正文。'],
    ignores: ['在全市推进会上的讲话', '▸王建国', '正文。'],
    ignoresBlocks: ['title:在全市推进会上的讲话', 'paragraph:王建国', 'paragraph:正文。'],
  },
  {
    rule: 'byline-above-salutation',
    finds: ['在全县乡村振兴工作推进会上的讲话', '▸李四', '同志们：', '正文。'],
    findsBlocks: ['title:在全县乡村振兴工作推进会上的讲话', 'byline:李四', 'salutation:同志们：', 'paragraph:正文。'],
    ignores: ['在全县乡村振兴工作推进会上的讲话', '▸县委副书记、县人民政府县长、县乡村振兴领导小组组长', '同志们：'],
    ignoresBlocks: [
      'title:在全县乡村振兴工作推进会上的讲话',
      'paragraph:县委副书记、县人民政府县长、县乡村振兴领导小组组长',
      'salutation:同志们：',
    ],
  },
  {
    rule: 'date-under-title',
    finds: ['关于2025年度全面从严治党工作情况的报告', '▸（2026年1月15日）', '一、2025年工作情况'],
    findsBlocks: [
      'title:关于2025年度全面从严治党工作情况的报告',
      'byline:（2026年1月15日）',
      'paragraph1:2025年工作情况',
    ],
    ignores: ['关于2025年度全面从严治党工作情况的报告', '正文。', '▸（2026年1月15日）'],
    ignoresBlocks: ['title:关于2025年度全面从严治党工作情况的报告', 'paragraph:正文。', 'paragraph:（2026年1月15日）'],
  },
  {
    rule: 'salutation',
    finds: ['在全市推进会上的讲话', '▸各位代表、同志们：', '正文。'],
    findsBlocks: ['title:在全市推进会上的讲话', 'salutation:各位代表、同志们：', 'paragraph:正文。'],
    ignores: ['关于工作情况的报告', '一、2025年工作情况', '▸过去一年，我们主要做了以下工作：', '（一）强化政治建设。'],
    ignoresBlocks: [
      'title:关于工作情况的报告',
      'paragraph1:2025年工作情况',
      'paragraph:过去一年，我们主要做了以下工作：',
      'paragraph2:强化政治建设。',
    ],
  },
  {
    rule: 'typed-heading',
    finds: ['讲话', '同志们：', '▸（一）明确目标', '正文。'],
    findsBlocks: ['title:讲话', 'salutation:同志们：', 'paragraph2:明确目标', 'paragraph:正文。'],
    ignores: ['讲话', '同志们：', '▸3．5个重点项目全部开工。'],
    ignoresBlocks: ['title:讲话', 'salutation:同志们：', 'paragraph:3．5个重点项目全部开工。'],
  },
  {
    rule: 'styled-heading',
    finds: [`${H1}在全市工作会议上的讲话`, '同志们：', `▸${H2}统一思想`, '正文。', `${H2}压实责任`],
    findsBlocks: [
      'title:在全市工作会议上的讲话',
      'salutation:同志们：',
      'paragraph1:统一思想',
      'paragraph:正文。',
      'paragraph1:压实责任',
    ],
    ignores: [`${H1}在全市工作会议上的讲话`, '同志们：', `▸${H2}（一）统一思想`, '正文。', `${H2}压实责任`],
    ignoresBlocks: [
      'title:在全市工作会议上的讲话',
      'salutation:同志们：',
      'paragraph2:统一思想',
      'paragraph:正文。',
      'paragraph1:压实责任',
    ],
  },
  {
    rule: 'body',
    finds: ['讲话', '同志们：', '▸今天召开会议。'],
    findsBlocks: ['title:讲话', 'salutation:同志们：', 'paragraph:今天召开会议。'],
    ignores: ['讲话', '同志们：', '▸一、总体要求'],
    ignoresBlocks: ['title:讲话', 'salutation:同志们：', 'paragraph1:总体要求'],
  },
  {
    rule: 'closing',
    finds: ['讲话', '同志们：', '一、总体要求', '正文。', '▸同志们，让我们携手奋进！'],
    findsBlocks: [
      'title:讲话',
      'salutation:同志们：',
      'paragraph1:总体要求',
      'paragraph:正文。',
      'closing:同志们，让我们携手奋进！',
    ],
    ignores: ['讲话', '同志们：', '一、总体要求', '▸谢谢大家！'],
    ignoresBlocks: ['title:讲话', 'salutation:同志们：', 'paragraph1:总体要求', 'paragraph:谢谢大家！'],
  },
];

/** The text of an example and the index of its marked line. */
function textOf(example: Example): { text: string; marked: number } {
  const marked = example.findIndex((line) => line.startsWith('▸'));
  return { text: example.map((line) => line.replace(/^▸/u, '')).join('\n'), marked };
}

/** The rules a line's decision can name: each line rule, body text and the closing remarks. */
const DECIDING = new Set([...LINE_RULES.map((rule) => rule.name), 'body', 'closing']);

describe('detection rules', () => {
  it('have one row each, in the order they run', () => {
    expect(ROWS.map((row) => row.rule)).toEqual([...HEADING_PASSES.map((pass) => pass.name), ...DECIDING]);
  });

  describe.each(ROWS)('$rule', (row) => {
    it('decides its example', () => {
      const { text, marked } = textOf(row.finds);
      expect(marked).toBeGreaterThanOrEqual(0);
      expect(blockRows(detectStructure(text))).toEqual(row.findsBlocks);
      if (DECIDING.has(row.rule)) expect(detectLines(text)[marked]!.rule).toBe(row.rule);
    });

    it('leaves its near miss to another rule', () => {
      const { text, marked } = textOf(row.ignores);
      expect(marked).toBeGreaterThanOrEqual(0);
      expect(blockRows(detectStructure(text))).toEqual(row.ignoresBlocks);
      if (DECIDING.has(row.rule)) expect(detectLines(text)[marked]!.rule).not.toBe(row.rule);
    });
  });
});

describe('detectLines', () => {
  it('answers one decision a non-blank line, with the blocks detectStructure makes', () => {
    const text = '在全市推进会上的讲话\n\n王建国\n同志们：\n一、统一思想\n正文。\n同志们，让我们携手奋进！';
    const decisions = detectLines(text);
    const rules = ['title', 'byline-above-salutation', 'salutation', 'typed-heading', 'body', 'closing'];
    expect(decisions.map((decision) => decision.rule)).toEqual(rules);
    expect({ type: 'doc', content: decisions.map((decision) => decision.block) }).toEqual(detectStructure(text));
  });

  it('answers nothing for an empty text, where the document is one empty title', () => {
    expect(detectLines(' \n\n')).toEqual([]);
    expect(detectStructure(' \n\n')).toEqual({ type: 'doc', content: [{ type: 'title' }] });
  });
});
