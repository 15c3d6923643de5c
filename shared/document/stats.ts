/**
 * Speech length and speaking time (FORMAT.md, "Speaking time"): each Han character counts 1,
 * punctuation 0, and each run of Latin letters or digits counts 1 (a year "2026" is said as one
 * unit of about a character's time, so is "GDP"). Formal speech runs at about 200 characters a
 * minute, adjustable 160–260.
 */

/** The default speaking rate, Han characters a minute. */
export const DEFAULT_SPEAKING_RATE = 200;
export const MIN_SPEAKING_RATE = 160;
export const MAX_SPEAKING_RATE = 260;

// One Han character, or one run of letters/digits that are not Han (Latin, full-width digits, …).
const UNITS = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** The spoken length of `text`: Han characters 1, punctuation 0, a run of Latin letters or digits 1. */
export function speechLength(text: string): number {
  let count = 0;
  UNITS.lastIndex = 0;
  while (UNITS.exec(text)) count++;
  return count;
}

/** Seconds it takes to speak `length` units at `rate` a minute (rate clamped to 160–260). */
export function speakingSeconds(length: number, rate = DEFAULT_SPEAKING_RATE): number {
  const clamped = Math.min(MAX_SPEAKING_RATE, Math.max(MIN_SPEAKING_RATE, rate));
  return (length / clamped) * 60;
}

/**
 * A duration as minutes′seconds″, rounded to the nearest second: 1110 → "18′30″", 1200 → "20′00″".
 * With `whole`, a duration of whole minutes drops the seconds: 1200 → "20′".
 */
export function formatDuration(seconds: number, whole = false): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  if (whole && rest === 0) return `${minutes}′`;
  return `${minutes}′${String(rest).padStart(2, '0')}″`;
}
