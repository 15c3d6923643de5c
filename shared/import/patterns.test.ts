/** The named character classes and sentence tests, by what each must take and leave alone. */
import { describe, expect, it } from 'vitest';
import {
  DIGITS,
  ENDS_IN_SEMICOLON,
  ENDS_SENTENCE,
  HAN,
  NO_SENTENCE_AHEAD,
  NUMERAL,
  PINYIN_LETTER,
  PUNCTUATION_MARK,
  SENTENCE_END_MARK,
  SENTENCE_OR_CLAUSE_MARK,
} from './patterns';

const whole = (source: string) => new RegExp(`^(?:${source})$`, 'u');

const ROWS: ReadonlyArray<{ name: string; pattern: RegExp; takes: readonly string[]; leaves: readonly string[] }> = [
  { name: 'NUMERAL', pattern: whole(NUMERAL), takes: ['一', '十二', '二十三'], leaves: ['〇', '二十三四', '1', '百'] },
  { name: 'DIGITS', pattern: whole(DIGITS), takes: ['1', '12', '１２', '１2'], leaves: ['123', '一', 'a'] },
  { name: 'HAN', pattern: whole(HAN), takes: ['讲', '講', '〇'], leaves: ['a', '，', '1'] },
  { name: 'PINYIN_LETTER', pattern: whole(PINYIN_LETTER), takes: ['a', 'ǎ', 'ü', 'ǜ'], leaves: ['A', 'ê', '讲'] },
  {
    name: 'SENTENCE_END_MARK',
    pattern: SENTENCE_END_MARK,
    takes: ['正文。', '好！吗', '是吗？'],
    leaves: ['正文；', '正文，', '正文.'],
  },
  {
    name: 'SENTENCE_OR_CLAUSE_MARK',
    pattern: SENTENCE_OR_CLAUSE_MARK,
    takes: ['回顾；', '回顾。'],
    leaves: ['回顾;', '回顾，'],
  },
  {
    name: 'PUNCTUATION_MARK',
    pattern: PUNCTUATION_MARK,
    takes: ['同心协力，再创辉煌', '回顾；'],
    leaves: ['同心协力 再创辉煌', '同志们：'],
  },
  {
    name: 'ENDS_SENTENCE',
    pattern: ENDS_SENTENCE,
    takes: ['正文。', '他说：“好！”', '是吗？』'],
    leaves: ['正文。”）', '正文；', '同志们：'],
  },
  {
    name: 'ENDS_IN_SEMICOLON',
    pattern: ENDS_IN_SEMICOLON,
    takes: ['是根本；', '是根本;'],
    leaves: ['是根本；。', '是根本'],
  },
  {
    name: 'NO_SENTENCE_AHEAD',
    pattern: new RegExp(`^${NO_SENTENCE_AHEAD}`, 'u'),
    takes: ['版权所有 某某网', '分享到：', '首页 > 领导讲话'],
    leaves: ['维护版权所有者的合法权益。', '分享到朋友圈要慎重；', '他说：“好。”）  '],
  },
];

describe('import patterns', () => {
  describe.each(ROWS)('$name', ({ pattern, takes, leaves }) => {
    it.each(takes)('takes %s', (text) => expect(pattern.test(text)).toBe(true));
    it.each(leaves)('leaves %s', (text) => expect(pattern.test(text)).toBe(false));
  });
});
