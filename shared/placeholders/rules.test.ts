import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_RULES, findPlaceholders } from './rules';

const positives = PLACEHOLDER_RULES.flatMap((rule) =>
  rule.finds.map(([text, tokens]) => [rule.name, text, tokens] as const),
);
const negatives = PLACEHOLDER_RULES.flatMap((rule) => rule.ignores.map((text) => [rule.name, text] as const));

/** Cases mixing rules with full-width and half-width punctuation and digits, across the table. */
const MIXED: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['全市累计完成投资X亿元，同比增长X%；新建项目X个，其中重点项目X个。', ['X亿元', 'X%', 'X个', 'X个']],
  ['刚才，XX同志通报了有关情况，X县、X区作了交流发言。', ['XX同志', 'X县', 'X区']],
  ['确保【项目名称】等重点项目按期开工，要充分利用____、新闻媒体。', ['【项目名称】', '____']],
  ['×××\n（2026年X月X日）', ['×××', 'X月', 'X日']],
  ['请{{单位名称}}于2026年X月X日前报送某某同志。', ['{{单位名称}}', 'X月', 'X日', '某某同志']],
  ['面积3×4米，X光机2台，Windows XP电脑X台。', ['X台']],
  ['第X届○○会议, 参会人员: ＿＿＿', ['X届', '○○', '＿＿＿']],
  ['XML、Xbox、SpaceX都不是空白，XX单位才是。', ['XX单位']],
  ['2026年度GDP增长5.2%，X射线检查正常。', []],
  ['[ 此处填写 ]同志：', ['[ 此处填写 ]']],
];

describe('placeholder rules', () => {
  it('cover at least 60 positive and 40 negative examples', () => {
    const positiveTokens =
      positives.reduce((n, [, , tokens]) => n + tokens.length, 0) + MIXED.reduce((n, [, t]) => n + t.length, 0);
    expect(positiveTokens).toBeGreaterThanOrEqual(60);
    expect(negatives.length + MIXED.filter(([, t]) => !t.length).length).toBeGreaterThanOrEqual(40);
  });

  it.each(positives)('%s finds its placeholders in %s', (_rule, text, tokens) => {
    expect(findPlaceholders(text).map((m) => m.token)).toEqual(tokens);
  });

  it.each(negatives)('%s leaves %s alone', (_rule, text) => {
    expect(findPlaceholders(text)).toEqual([]);
  });

  it.each(MIXED)('finds exactly the placeholders in %s', (text, tokens) => {
    expect(findPlaceholders(text).map((m) => m.token)).toEqual(tokens);
  });

  it('gives offsets that cut the token out of the text, and the name of a named field', () => {
    const text = '请{{ 单位名称 }}于X月报送';
    for (const match of findPlaceholders(text)) expect(text.slice(match.from, match.to)).toBe(match.token);
    expect(findPlaceholders(text)[0]).toMatchObject({ rule: 'named-field', field: '单位名称' });
  });

  it('never overlaps two placeholders', () => {
    const matches = findPlaceholders('【XX同志】××某某单位X%');
    expect(matches.map((m) => m.token)).toEqual(['【XX同志】', '××', '某某单位', 'X%']);
  });
});
