/**
 * Breaking a block's text into lines on the character grid (issue 14; FORMAT.md): widths in grid units (a Han
 * character or full-width mark is 1, a Latin letter, digit or ASCII mark its width in the Latin face), the CJK
 * rules for what may not start or end a line, —— and …… never split, Latin words kept whole unless longer than a
 * line (then broken anywhere), and a line break in the text always ending a line. Pure: no DOM, no font files; the
 * exporters and the editor lay out the same lines from it.
 */

/** Marks that may not start a line (GB/T 15834 practice and Chinese typesetting's 行首禁则). */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉’”…—％‰·,.;:?!)]}%']);
/** Marks that may not end a line (行尾禁则). */
export const NO_LINE_END = new Set([...'（《「『【〔〈‘“([{']);

/**
 * Marks that hang past the grid's end rather than push a character to the next line, when a line is full and one
 * of them comes next (标点悬挂): what LibreOffice does with our DOCX (measured for each mark of NO_LINE_START:
 * these seven hang, closing quotes and brackets, —, …, ％ and ‰ are pushed) and Word's w:overflowPunct, on
 * unless a paragraph turns it off.
 */
export const HANGING = new Set([...'，。、；：？！']);

/**
 * A line of a block: text offsets [from, to) and the grid units it fills, its indent included. When `hangs`, its
 * last mark (one of HANGING) stands past the grid's end and is not in `units`.
 */
export interface TextLine {
  from: number;
  to: number;
  units: number;
  hangs?: true;
}

/**
 * The advance widths of printable ASCII (U+0020–U+007E) in the Latin face, Times New Roman (and Liberation Serif,
 * its metric twin on Linux), in thousandths of an em: a grid unit is an em of the body face, so a width here over
 * 1000 is the character's share of a grid cell. With ½ for every Latin character, a line of capitals (XX工作,
 * GDP) ran past the text block's right edge in the PDF, which sets each line as the layout breaks it.
 */
const LATIN_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
  722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500,
  444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480,
  200, 480, 541,
];

/**
 * How wide a character is on the grid: an ASCII character its share of an em in the Latin face (LATIN_WIDTHS),
 * Latin-1's and Latin Extended's letters ½, anything else (Han, full-width marks) 1.
 */
export function charUnits(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return 0;
  if (code <= 0x7e) return LATIN_WIDTHS[code - 0x20]! / 1000;
  if (code >= 0xa0 && code <= 0x24f && code !== 0xd7 && code !== 0xb7 && code !== 0xf7) return 0.5;
  return 1;
}

/** `a + b` in grid units, to the thousandth the widths are given in (sums of them must compare exactly). */
const plus = (a: number, b: number) => Math.round((a + b) * 1000) / 1000;

const LATIN_WORD = /[A-Za-z0-9\u00c0-\u024f]/;

/**
 * The text as clusters that never split across lines: a character (a surrogate pair as one), ——, ……, a Latin
 * word with the marks inside it (3.5%, e-mail), or a line break. Each cluster is [from, to) in UTF-16 offsets.
 */
interface Cluster {
  from: number;
  to: number;
  units: number;
  /** A Latin word, which may be broken only when longer than a line. */
  latin: boolean;
  /** A line break in the text. */
  hard: boolean;
}

function clusters(text: string): Cluster[] {
  const out: Cluster[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (ch === '\n') {
      out.push({ from: i, to: i + 1, units: 0, latin: false, hard: true });
      i += 1;
      continue;
    }
    if ((ch === '—' || ch === '…') && text[i + 1] === ch) {
      out.push({ from: i, to: i + 2, units: 2, latin: false, hard: false });
      i += 2;
      continue;
    }
    if (LATIN_WORD.test(ch)) {
      let j = i;
      let units = 0;
      // A word runs on through letters and digits, and through . , - / : % when a letter or digit follows.
      while (j < text.length) {
        const c = text[j]!;
        if (
          LATIN_WORD.test(c) ||
          (/[.\-/:%_@#&=?+~]/.test(c) && j + 1 < text.length && LATIN_WORD.test(text[j + 1]!))
        ) {
          units = plus(units, charUnits(c));
          j += 1;
        } else break;
      }
      out.push({ from: i, to: j, units, latin: true, hard: false });
      i = j;
      continue;
    }
    out.push({ from: i, to: i + ch.length, units: charUnits(ch), latin: false, hard: false });
    i += ch.length;
  }
  return out;
}

/**
 * Splits a Latin word longer than a line into pieces that fit: `first` units on the line it starts, then
 * `width` a line. Such a string (a URL, a serial number) has no better place to break.
 */
function splitLong(text: string, word: { from: number; to: number }, first: number, width: number): Cluster[] {
  const pieces: Cluster[] = [];
  let from = word.from;
  let units = 0;
  let room = first > 0 ? first : width;
  for (let i = word.from; i < word.to; i++) {
    const u = charUnits(text[i]!);
    if (plus(units, u) > room && i > from) {
      pieces.push({ from, to: i, units, latin: true, hard: false });
      from = i;
      units = 0;
      room = width;
    }
    units = plus(units, u);
  }
  pieces.push({ from, to: word.to, units, latin: true, hard: false });
  return pieces;
}

const firstChar = (text: string, from: number) => String.fromCodePoint(text.codePointAt(from)!);
const lastChar = (text: string, to: number) => {
  const code = text.charCodeAt(to - 1);
  return code >= 0xdc00 && code <= 0xdfff ? text.slice(to - 2, to) : text[to - 1]!;
};

/**
 * The lines of `text` on a grid `width` units wide, the first line starting `indent` units in. Every character
 * is on exactly one line, in order; no line is wider than `width` but for a hanging mark; no line starts with a
 * mark of NO_LINE_START nor ends with one of NO_LINE_END where moving a cluster can avoid it (a line made only of
 * such marks cannot). A mark of HANGING that finds the line full hangs past its end (the line `hangs`); any other
 * mark that may not start a line pulls the cluster before it onto the next line with it (推出, never squeezed).
 * With `noLoneLast`, a last line of a single character takes one more from the line before (a heading's last line
 * is never one character alone).
 */
export function breakLines(
  text: string,
  width: number,
  indent = 0,
  { noLoneLast = false }: { noLoneLast?: boolean } = {},
): TextLine[] {
  const lines: TextLine[] = [];
  let line: Cluster[] = [];
  let used = indent;
  const room = () => plus(width, -used);
  const flush = (end: number, hangs = false) => {
    const from = line[0]?.from ?? end;
    const to = line.at(-1)?.to ?? end;
    lines.push({ from, to, units: used, ...(hangs ? { hangs: true as const } : {}) });
    line = [];
    used = 0;
  };
  const all = clusters(text);
  const queue: Cluster[] = [];
  for (const c of all) {
    if (c.latin && c.units > width) queue.push(...splitLong(text, c, 0, width));
    else queue.push(c);
  }
  for (let k = 0; k < queue.length; k++) {
    const c = queue[k]!;
    if (c.hard) {
      line.push(c);
      flush(c.to);
      continue;
    }
    if (c.units <= room()) {
      line.push(c);
      used = plus(used, c.units);
      continue;
    }
    if (!line.length) {
      // Nothing on the line yet (the first line's indent leaves less room): a Latin word is broken into what fits
      // here and then a line at a time; anything else is placed, since a line never starts empty.
      if (c.latin && room() > 0) queue.splice(k, 1, ...splitLong(text, c, room(), width));
      else {
        line.push(c);
        used = plus(used, c.units);
        continue;
      }
      k -= 1;
      continue;
    }
    // A line of nothing but marks that may not end one (「“」) cannot end here, nor give them up to the next line
    // without starting empty: a Latin word after them that does not fit is broken to fill the line instead (a line
    // of 「“」 alone was the property test's find, once Latin letters had their own widths).
    const stuck = line.every((held) => NO_LINE_END.has(lastChar(text, held.to)));
    if (stuck && c.latin && charUnits(text[c.from]!) <= room()) {
      queue.splice(k, 1, ...splitLong(text, c, room(), width));
      k -= 1;
      continue;
    }
    // A full line followed by a mark that hangs takes it past the grid's end, unless a mark that may not start a
    // line follows it (it would start the next); a line break right after it ends the same line.
    const next = queue[k + 1];
    if (
      HANGING.has(text.slice(c.from, c.to)) &&
      !(next && !next.hard && NO_LINE_START.has(firstChar(text, next.from)))
    ) {
      line.push(c);
      if (next?.hard) {
        line.push(next);
        k += 1;
      }
      flush(line.at(-1)!.to, true);
      continue;
    }
    // The cluster does not fit: the line ends before it. Carry clusters over while the next line would start with
    // a mark that may not start one, or this line would end with one that may not end it.
    const carried: typeof line = [c];
    while (line.length > 1) {
      const startsBad = NO_LINE_START.has(firstChar(text, carried[0]!.from));
      const endsBad = NO_LINE_END.has(lastChar(text, line.at(-1)!.to));
      if (!startsBad && !endsBad) break;
      const moved = line.pop()!;
      used = plus(used, -moved.units);
      carried.unshift(moved);
    }
    // A Latin word alone on the line cannot be carried over without leaving the line empty: when what follows may
    // not start a line (——, ）), the word's last letter goes down with it (the property test's find once Latin
    // letters had their own widths: 「——」 started a line after a long word).
    const alone = line[0]!;
    if (
      line.length === 1 &&
      alone.latin &&
      alone.to - alone.from > 1 &&
      NO_LINE_START.has(firstChar(text, carried[0]!.from))
    ) {
      const cut = alone.to - 1;
      const tail: Cluster = { from: cut, to: alone.to, units: charUnits(text[cut]!), latin: true, hard: false };
      line[0] = { ...alone, to: cut, units: plus(alone.units, -tail.units) };
      used = plus(used, -tail.units);
      carried.unshift(tail);
    }
    flush(line.at(-1)!.to);
    // The carried clusters start the new line; what does not fit there goes round again.
    queue.splice(k, 1, ...carried);
    k -= 1;
  }
  if (line.length || !lines.length || queue.at(-1)?.hard) flush(text.length);
  if (noLoneLast && lines.length > 1) {
    const last = lines.at(-1)!;
    const before = lines.at(-2)!;
    const lastText = text.slice(last.from, last.to).replace(/\n$/, '');
    if (lastText.length > 0 && last.units <= 1 && !text.slice(before.from, before.to).endsWith('\n')) {
      // Move the last cluster of the line before down, keeping the rules: the moved part never starts with a mark
      // that may not start a line, and the line before keeps at least one cluster.
      const own = queue.filter((c) => c.from >= before.from && c.to <= before.to);
      let n = 1;
      while (n < own.length && NO_LINE_START.has(firstChar(text, own[own.length - n]!.from))) n += 1;
      const moved = own.slice(own.length - n);
      const movedUnits = moved.reduce((sum, c) => plus(sum, c.units), 0);
      if (n < own.length && plus(last.units, movedUnits) <= width) {
        const cut = moved[0]!.from;
        // A hung mark moved down was not in the line's units; it is inside the grid on the last line.
        const hung = before.hangs ? charUnits(lastChar(text, before.to)) : 0;
        lines[lines.length - 2] = { from: before.from, to: cut, units: plus(plus(before.units, -movedUnits), hung) };
        lines[lines.length - 1] = { from: cut, to: last.to, units: plus(last.units, movedUnits) };
      }
    }
  }
  return lines;
}
