import { describe, expect, it } from 'vitest';
import { lengthChanges, versionTimes } from './history-labels';

const entry = (snapshotId: string, savedAt: string, characters = 0) => ({ snapshotId, savedAt, characters });
// 2026-03-02 14:01 in Beijing (UTC+8).
const now = new Date('2026-03-02T06:01:00.000Z');
const shanghai = { now, timeZone: 'Asia/Shanghai' };

describe('versionTimes', () => {
  it('writes a version of today as hours and minutes, with seconds only when another shares its minute', () => {
    const entries = [
      entry('a', '2026-03-02T06:00:40.000Z'),
      entry('b', '2026-03-02T06:00:05.000Z'),
      entry('c', '2026-03-02T05:59:00.000Z'),
    ];
    const times = versionTimes(entries, { ...shanghai, language: 'zh-CN' });
    expect(Object.fromEntries(times)).toEqual({ a: '14:00:40', b: '14:00:05', c: '13:59' });
  });

  it('puts the date before the time of a version not from today, and the year when not from this year', () => {
    const entries = [
      entry('yesterday', '2026-03-01T06:00:00.000Z'),
      entry('last-year', '2025-12-31T15:59:00.000Z'),
      entry('midnight', '2026-03-01T16:00:00.000Z'),
    ];
    expect(Object.fromEntries(versionTimes(entries, { ...shanghai, language: 'zh-CN' }))).toEqual({
      yesterday: '3月1日 14:00',
      'last-year': '2025年12月31日 23:59',
      midnight: '00:00',
    });
    expect(Object.fromEntries(versionTimes(entries, { ...shanghai, language: 'en' }))).toEqual({
      yesterday: 'Mar 1, 14:00',
      'last-year': 'Dec 31, 2025, 23:59',
      midnight: '00:00',
    });
  });

  it('judges "today" and "the same minute" in the given time zone', () => {
    // 23:30 on 1 March in UTC is 07:30 on 2 March in Beijing: today there, yesterday in UTC.
    const entries = [entry('a', '2026-03-01T23:30:00.000Z')];
    expect(versionTimes(entries, { ...shanghai, language: 'zh-CN' }).get('a')).toBe('07:30');
    expect(versionTimes(entries, { now, timeZone: 'UTC', language: 'zh-CN' }).get('a')).toBe('3月1日 23:30');
  });

  it('shows a time that does not parse as stored', () => {
    const times = versionTimes([entry('a', 'not a time'), entry('b', 'not a time')], {
      ...shanghai,
      language: 'zh-CN',
    });
    expect(times.get('a')).toBe('not a time');
  });
});

describe('lengthChanges', () => {
  it('measures each version against the one saved before it, whatever the order given; the oldest has none', () => {
    const changes = lengthChanges([
      entry('new', '2026-03-02T06:00:00.000Z', 1058),
      entry('old', '2026-03-01T06:00:00.000Z', 932),
      entry('mid', '2026-03-01T09:00:00.000Z', 1100),
    ]);
    expect(Object.fromEntries(changes)).toEqual({ mid: 168, new: -42 });
  });

  it('orders versions saved at the same moment by id, as the store lists them', () => {
    const changes = lengthChanges([
      entry('b', '2026-03-02T06:00:00.000Z', 20),
      entry('a', '2026-03-02T06:00:00.000Z', 20),
    ]);
    expect(Object.fromEntries(changes)).toEqual({ b: 0 });
  });
});
