import { describe, expect, it } from 'vitest';
import { formatDuration, speakingSeconds, speechLength } from './stats';

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
