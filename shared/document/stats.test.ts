import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, SPEECH_UNITS, speakingSeconds, speechLength } from './stats';

describe('speechLength', () => {
  it.each([
    ['同志们', 3],
    ['同志们：', 3],
    ['“一个项目、一名领导”', 8],
    ['全市累计完成投资X亿元，同比增长X%；', 16],
    ['2026年7月15日', 6],
    ['GDP增长5.2%', 5],
    ['Windows XP系统', 4],
    ['２０２６年', 2],
    ['……——！？、；：“”‘’（）《》【】', 0],
    ['', 0],
    ['   \n', 0],
    ['×××同志', 2],
  ])('counts %s as %i', (text, expected) => {
    expect(speechLength(text)).toBe(expected);
  });

  it('counts what the rule counts, whatever the characters: Han of every plane, kana, full-width, marks, emoji', () => {
    // Characters where the count could drift: Han in the BMP, its extensions (surrogate pairs) and radicals, 〇 and 々
    // (Han), kana and Hangul (letters, not Han), full-width and Latin letters and digits, a combining mark, an emoji,
    // a lone surrogate, punctuation and spaces.
    const chars = [
      '统',
      '一',
      '㐀',
      '𠀀',
      '𪜶',
      '⺀',
      '〇',
      '々',
      'ア',
      'ん',
      '한',
      'Ａ',
      '１',
      'a',
      'Z',
      '7',
      'é',
      '\u0301',
      'Ω',
      '😀',
      '\ud800',
      '\udc00',
      '，',
      '。',
      '—',
      '%',
      ' ',
      '\n',
      '×',
      '·',
    ];
    const byRule = (text: string) => [...text.matchAll(SPEECH_UNITS)].length;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(speechLength(text)).toBe(byRule(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same when called again (no regex state leaks between calls)', () => {
    expect(speechLength('abc 统一')).toBe(3);
    expect(speechLength('abc 统一')).toBe(3);
  });
});

describe('speaking time', () => {
  it('takes one minute for 200 characters at the default rate', () => {
    expect(speakingSeconds(200)).toBe(60);
  });

  it('uses the document rate and keeps it within 160–260', () => {
    expect(speakingSeconds(260, 260)).toBe(60);
    expect(speakingSeconds(160, 100)).toBe(60);
    expect(speakingSeconds(260, 400)).toBe(60);
  });

  it('makes a full 22 × 28 page about three minutes', () => {
    expect(speakingSeconds(22 * 28) / 60).toBeCloseTo(3.08, 2);
  });

  it('formats minutes and seconds as 18′30″, and whole minutes as 20′ on request', () => {
    expect(formatDuration(1110)).toBe('18′30″');
    expect(formatDuration(59.6)).toBe('1′00″');
    expect(formatDuration(5)).toBe('0′05″');
    expect(formatDuration(1200, true)).toBe('20′');
    expect(formatDuration(1230, true)).toBe('20′30″');
    expect(formatDuration(-3)).toBe('0′00″');
  });
});
