/**
 * Placeholder rules: the blanks a template leaves in a speech (X市, XX同志, ×××, 【数据】, ____,
 * {{单位名称}}). One table of named patterns, each with the examples it must find and the ones it
 * must leave alone, used by the editor's highlighting, the `lectern check` command and the
 * exporters' last warning. The examples are the specification: rules.test.ts runs every one.
 */

/** One placeholder found in a text. */
export interface PlaceholderMatch {
  /** The rule that found it. */
  rule: RuleName;
  /** Offset of the placeholder in the text (UTF-16 code units). */
  from: number;
  to: number;
  /** What the panel groups by: "X市", "XX同志", "【项目名称】", "{{单位名称}}". */
  token: string;
  /**
   * Where the blank ends: [from, blankTo) is the blank a fill replaces (X, XX, ×××, 某某), and
   * [blankTo, to) the word it stands in (市, 同志, 工作), which a fill keeps. Equal to `to` for
   * placeholders that are all blank (【数据】, ____, {{名称}}).
   */
  blankTo: number;
  /** For a named field, its name ("单位名称"). */
  field?: string;
}

export type RuleName = 'named-field' | 'bracket-prompt' | 'underline' | 'crosses' | 'circles' | 'mou' | 'x-mark';

export interface PlaceholderRule {
  name: RuleName;
  /** What the rule stands for, for people reading the table. */
  description: string;
  /** Finds candidates; `accept` and `token` refine them. Global, Unicode. */
  pattern: RegExp;
  /** Whether a candidate is a placeholder, given the whole text. */
  accept?: (text: string, from: number, to: number) => boolean;
  /** Texts and the tokens the rule must find in them, in order. */
  finds: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Texts in which the rule must find nothing. */
  ignores: readonly string[];
}

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;

/** Han characters that make a one-character unit after a placeholder: X市, X个, X年X月X日. */
const ONE_CHAR_UNITS = new Set([...'市县区镇乡村街省州盟旗个人名位家项次件条处所座年月日号届期天时分秒岁倍台辆户栋']);
/** Words after X that make it a Latin term, not a blank: X光, X射线, X线, X轴. */
const X_TERMS = ['光', '射线', '线', '轴', '染色体', '因子', '战警'];

/**
 * Extends a name-like placeholder over the word it stands in: X市, XX同志, 某某单位, X%. One
 * character for a unit (市, 个, 年…), else up to two Han characters (同志, 工作), or a percent sign.
 */
export function withUnit(text: string, to: number): number {
  const next = text[to];
  if (next === '%' || next === '％') return to + 1;
  if (!next || !HAN.test(next)) return to;
  if (ONE_CHAR_UNITS.has(next)) return to + 1;
  const second = text[to + 1];
  return second && HAN.test(second) ? to + 2 : to + 1;
}

/** Whether the characters around [from, to) make it part of a Latin word or number. */
function inLatinWord(text: string, from: number, to: number): boolean {
  const before = text[from - 1] ?? '';
  const after = text[to] ?? '';
  const beforeWord =
    LATIN_OR_DIGIT.test(before) || (before === ' ' && LATIN_OR_DIGIT.test(text[from - 2] ?? '')) || before === '-';
  const afterWord =
    LATIN_OR_DIGIT.test(after) ||
    (after === '-' && LATIN_OR_DIGIT.test(text[to + 1] ?? '')) ||
    (after === ' ' && LATIN_OR_DIGIT.test(text[to + 1] ?? ''));
  return beforeWord || afterWord;
}

export const PLACEHOLDER_RULES: readonly PlaceholderRule[] = [
  {
    name: 'named-field',
    description: 'A named field {{名称}}: filled once, it fills everywhere, fields added later too.',
    pattern: /\{\{\s*([^{}\n]{1,30}?)\s*\}\}/gu,
    finds: [
      ['欢迎{{单位名称}}的同志们', ['{{单位名称}}']],
      ['{{会议名称}}在{{地点}}召开', ['{{会议名称}}', '{{地点}}']],
      ['{{ 领导姓名 }}同志', ['{{ 领导姓名 }}']],
    ],
    ignores: ['{单位名称}', '{{}}', '{{\n}}', '{{', '}}结尾'],
  },
  {
    name: 'bracket-prompt',
    description: 'A prompt in brackets: 【项目名称】, 【此处写……】, [单位名称].',
    pattern: /【[^【】\n]{1,80}】|\[(?=[^\]\n]*[^\s\d\]\n,.;:-])[^[\]\n]{1,80}\]/gu,
    finds: [
      ['确保【项目名称】等重点项目按期开工', ['【项目名称】']],
      ['【此处写本单位的主要做法……】', ['【此处写本单位的主要做法……】']],
      ['完成投资【数据】亿元，增长【数据】%', ['【数据】', '【数据】']],
      ['由[单位名称]牵头', ['[单位名称]']],
      ['[ … ]', ['[ … ]']],
    ],
    ignores: ['参见文献[1]', '数组a[0]', '【】空括号', '[ ]', '[1, 2]'],
  },
  {
    name: 'underline',
    description: 'A blank line to write on: ____ or ＿＿, any run of two or more.',
    pattern: /_{2,}|＿{2,}/gu,
    finds: [
      ['要充分利用____、新闻媒体等渠道', ['____']],
      ['参会人员：＿＿＿＿', ['＿＿＿＿']],
      ['日期：__年__月__日', ['__', '__', '__']],
    ],
    ignores: ['snake_case_name', '一_二', '文件名my_file.docx', '_'],
  },
  {
    name: 'crosses',
    description: 'Crosses standing for a name: ×××, ××同志; not a multiplication sign between numbers.',
    pattern: /×+/gu,
    accept: (text, from, to) =>
      to - from >= 2 || !(/[\d\s]/.test(text[from - 1] ?? '') && /[\d\s]/.test(text[to] ?? '')),
    finds: [
      ['×××', ['×××']],
      ['×××同志在会上讲话', ['×××']],
      ['××县', ['××']],
      ['由×同志负责', ['×']],
    ],
    ignores: ['3×4', '长宽为2 × 3米', '10×20厘米', '5×5网格', '3 × 4 = 12'],
  },
  {
    name: 'circles',
    description: 'Circles standing for a name or number: ○○, ○○○ (not the 〇 of 二〇二六).',
    pattern: /○{2,}/gu,
    finds: [
      ['○○同志', ['○○']],
      ['○○○年○○月', ['○○○', '○○']],
    ],
    ignores: ['二〇二六年', '〇〇七', '○', '○表示合格'],
  },
  {
    name: 'mou',
    description: '某某 standing for a name: 某某同志, 某某单位 (not 某些, 某个).',
    pattern: /某某某?/gu,
    finds: [
      ['某某同志', ['某某同志']],
      ['某某单位要高度重视', ['某某单位']],
      ['由某某负责', ['某某负责']],
      ['某某某', ['某某某']],
    ],
    ignores: ['某些单位', '某个方面', '某种程度上', '某一时期', '某时某刻', '某地某部'],
  },
  {
    name: 'x-mark',
    description: 'X, XX, XXX standing for a name or number next to Chinese text: X市, X个, X%, XX同志, 2026年X月X日.',
    pattern: /[XＸ]{1,3}/gu,
    accept: (text, from, to) => !inLatinWord(text, from, to) && !X_TERMS.some((term) => text.startsWith(term, to)),
    finds: [
      ['推动X市高质量发展', ['X市']],
      ['新建项目X个', ['X个']],
      ['同比增长X%', ['X%']],
      ['XX同志通报了有关情况', ['XX同志']],
      ['大X都市圈', ['X都市']],
      ['（2026年X月X日）', ['X月', 'X日']],
      ['X县、X区作了交流发言', ['X县', 'X区']],
      ['全市XX工作推进会', ['XX工作']],
      ['投资X亿元', ['X亿元']],
      ['XXX', ['XXX']],
      ['由X负责', ['X负责']],
      ['ＸＸ同志', ['ＸＸ同志']],
    ],
    ignores: [
      'X光检查',
      'X射线',
      'Windows XP系统',
      'Xbox游戏机',
      'XML文件',
      '"X-ray"',
      'SpaceX公司',
      'iPhone X手机',
      'X线片',
      'MAX值',
      'XXL号',
      'X86架构',
      '型号X1',
      'Excel表格',
      'Mac OS X系统',
    ],
  },
];

const BY_NAME = new Map(PLACEHOLDER_RULES.map((rule) => [rule.name, rule]));

/** The rule with this name. */
export function placeholderRule(name: RuleName): PlaceholderRule {
  return BY_NAME.get(name)!;
}

/** Rules whose tokens extend over the unit after them (X市, 某某同志). */
const TAKES_UNIT: ReadonlySet<RuleName> = new Set(['x-mark', 'mou']);

/**
 * Every placeholder in `text`, in order, not overlapping (where two rules meet, the one that starts
 * first wins, then the longer).
 */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const found: PlaceholderMatch[] = [];
  for (const rule of PLACEHOLDER_RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const from = m.index;
      const end = from + m[0].length;
      if (rule.accept && !rule.accept(text, from, end)) continue;
      const to = TAKES_UNIT.has(rule.name) ? withUnit(text, end) : end;
      const match: PlaceholderMatch = { rule: rule.name, from, to, token: text.slice(from, to), blankTo: end };
      if (rule.name === 'named-field') match.field = m[1]!.trim();
      found.push(match);
    }
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const result: PlaceholderMatch[] = [];
  let end = 0;
  for (const match of found) {
    if (match.from < end) continue;
    result.push(match);
    end = match.to;
  }
  return result;
}
