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

// One Han character, or one run of letters/digits that are not Han (Latin, full-width digits, …): the rule, which
// `speechLength` counts by and its test holds it to.
export const SPEECH_UNITS = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

const HAN = /^\p{Script=Han}$/u;
const WORD = /^[\p{L}\p{N}]$/u;
/** What a character is to the count: 0 neither, 1 Han, 2 a letter or digit that is not Han. */
const kindOf = (char: string) => (HAN.test(char) ? 1 : WORD.test(char) ? 2 : 0);
/** Each character of the Basic Multilingual Plane's kind, classified once on first use. */
let bmp: Uint8Array | undefined;

/**
 * The spoken length of `text`: Han characters 1, punctuation 0, a run of Latin letters or digits 1. Counted
 * character by character from a table of their kinds rather than by `SPEECH_UNITS.exec`, which made an array for
 * every character of the block a keystroke changed (issue 18: a tenth of what typing allocated).
 */
export function speechLength(text: string): number {
  if (!bmp) {
    bmp = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code++)
      if (code < 0xd800 || code > 0xdfff) bmp[code] = kindOf(String.fromCharCode(code));
  }
  let count = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind = bmp[code]!;
    // A surrogate pair is one character beyond the BMP (most Han of the extensions); a lone surrogate is none.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        kind = kindOf(text.slice(i, i + 2));
        i++;
      }
    }
    if (kind === 2) {
      if (!inRun) count++;
      inRun = true;
    } else {
      if (kind === 1) count++;
      inRun = false;
    }
  }
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
