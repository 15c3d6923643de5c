/**
 * What tells versions apart in the History panel (issue 12, item 7: three versions read
 * 「保存 06:50」 alike): each version's time, as short as keeps it distinct, and how much longer or
 * shorter it is than the version before it. Pure functions of the listed entries, so the panel and
 * its tests read the same labels.
 */
import type { SnapshotEntry } from '../../shared/ipc/contract';

/**
 * A moment (an ISO time: a backup's, a version's) in the UI language, date and time of day; text
 * that is not a time is shown as it is rather than as "Invalid Date".
 */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** How `versionTimes` writes times: the UI language, the moment that counts as now, and (tests) the time zone. */
export interface VersionTimeOptions {
  language: string;
  now: Date;
  /** An IANA time zone; the machine's own by default. */
  timeZone?: string;
}

/** The calendar day and the minute of `date` in `timeZone`, as sortable keys. */
function dayAndMinute(date: Date, timeZone: string | undefined): { day: string; minute: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  return { day, minute: `${day} ${part('hour')}:${part('minute')}`, year: part('year') };
}

/**
 * The time each version is shown with, by snapshot id: hours and minutes (24-hour clock), with the
 * seconds when another listed version was saved in the same minute, after the month and day when
 * it is not from today, and the year too when not from this year: 「14:50」, 「14:50:12」,
 * 「3月1日 14:50」, 「2025年3月1日 14:50」 (English: 14:50, Mar 1, 14:50). A time that does not parse is
 * shown as stored.
 */
export function versionTimes(
  entries: readonly Pick<SnapshotEntry, 'snapshotId' | 'savedAt'>[],
  options: VersionTimeOptions,
): Map<string, string> {
  const { language, timeZone } = options;
  const today = dayAndMinute(options.now, timeZone);
  const keys = entries.map((entry) => {
    const date = new Date(entry.savedAt);
    return Number.isNaN(date.getTime()) ? undefined : { date, ...dayAndMinute(date, timeZone) };
  });
  const perMinute = new Map<string, number>();
  for (const key of keys) if (key) perMinute.set(key.minute, (perMinute.get(key.minute) ?? 0) + 1);
  const times = new Map<string, string>();
  entries.forEach((entry, i) => {
    const key = keys[i];
    if (!key) return void times.set(entry.snapshotId, entry.savedAt);
    const format: Intl.DateTimeFormatOptions = { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    if (perMinute.get(key.minute)! > 1) format.second = '2-digit';
    if (key.day !== today.day) {
      Object.assign(format, { month: 'short', day: 'numeric' }, key.year !== today.year ? { year: 'numeric' } : {});
    }
    times.set(entry.snapshotId, new Intl.DateTimeFormat(language, format).format(key.date));
  });
  return times;
}

/** Oldest first: by time, then by id (ids of one store grow with time), as the store orders them. */
function oldestFirst(
  a: Pick<SnapshotEntry, 'savedAt' | 'snapshotId'>,
  b: Pick<SnapshotEntry, 'savedAt' | 'snapshotId'>,
): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? -1 : 1;
  return a.snapshotId < b.snapshotId ? -1 : a.snapshotId > b.snapshotId ? 1 : 0;
}

/**
 * How much each version's length (`characters`, the status bar's count) differs from the version
 * listed just before it in time, by snapshot id: +120, −35, 0. The oldest listed version has no
 * entry (there is nothing to measure it against). Entries may come in any order.
 */
export function lengthChanges(
  entries: readonly Pick<SnapshotEntry, 'snapshotId' | 'savedAt' | 'characters'>[],
): Map<string, number> {
  const ordered = [...entries].sort(oldestFirst);
  const changes = new Map<string, number>();
  for (let i = 1; i < ordered.length; i++)
    changes.set(ordered[i]!.snapshotId, ordered[i]!.characters - ordered[i - 1]!.characters);
  return changes;
}
