/**
 * Reading a PDF's pages back with poppler, for the tests that measure our DOCX (through LibreOffice) and our PDF
 * (through Chromium) against GB/T 9704 (issue 14): the text lines of each page with their boxes in millimetres,
 * the page number's line, where the page number's dashes are drawn, and which face set each piece of text.
 * Needs `pdftotext`, `pdftohtml` and `pdftoppm` (poppler-utils; .ci/run installs them).
 */
import { execFileSync } from 'node:child_process';
import { charUnits } from '../shared/layout/line-break';

const MM_PER_PT = 25.4 / 72;

/** One line of text on a page: its box in millimetres from the page's top left, and its text without spaces. */
export interface PdfLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** One page: its size in millimetres, its text lines top to bottom (the page number's apart), and the number's. */
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  /** The 「— N —」 line, when the page has one. */
  pageNumber?: PdfLine;
}

const ATTRS = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/;

/**
 * The pages of `pdf`, each with its lines top to bottom. Pieces poppler reads as separate lines but that share a
 * baseline (a run-in heading's lead and its body, text in two faces) are one line here, as a reader sees them.
 */
export function readPdfPages(pdf: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 1 << 30 }).toString();
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, w, h, body]) => {
    const pieces = [...body!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, attrs, words]) => {
      const [, x0, y0, x1, y1] = ATTRS.exec(attrs!)!;
      const text = [...words!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => m[1]).join('');
      return { x0: +x0! * MM_PER_PT, y0: +y0! * MM_PER_PT, x1: +x1! * MM_PER_PT, y1: +y1! * MM_PER_PT, text };
    });
    pieces.sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
    const lines: PdfLine[] = [];
    for (const piece of pieces) {
      const last = lines.at(-1);
      if (last && Math.abs(last.y1 - piece.y1) < 1) {
        last.text += piece.text;
        last.x0 = Math.min(last.x0, piece.x0);
        last.x1 = Math.max(last.x1, piece.x1);
        last.y0 = Math.min(last.y0, piece.y0);
      } else lines.push({ ...piece });
    }
    const pageNumber = lines.find((line) => /^—\d+—$/.test(line.text.replace(/\s/g, '')));
    return {
      width: +w! * MM_PER_PT,
      height: +h! * MM_PER_PT,
      lines: lines.filter((line) => line !== pageNumber),
      ...(pageNumber ? { pageNumber } : {}),
    };
  });
}

/**
 * Where the page number's dashes are drawn on page `page` (1-based) of `pdf`, in millimetres from the top of the
 * page: the middle of the darkest pixel row in the strip from `fromMm` to `toMm` down the page, rendered at 600
 * dpi. The em dashes are the widest horizontal strokes there, so their row is the one with most ink; measuring the
 * ink, not the text box, keeps the answer free of each face's ascent and descent.
 */
export function dashRowMm(pdf: string, page: number, fromMm: number, toMm: number, widthMm: number): number {
  const dpi = 600;
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const pgm = execFileSync(
    'pdftoppm',
    [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-x',
      '0',
      '-y',
      String(px(fromMm)),
      '-W',
      String(px(widthMm)),
      '-H',
      String(px(toMm - fromMm)),
      pdf,
    ],
    { maxBuffer: 1 << 28 },
  );
  // A binary PGM: "P5\n<width> <height>\n255\n" then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  let best = -1;
  let bestInk = 0;
  for (let row = 0; row < height; row++) {
    let ink = 0;
    for (let col = 0; col < width; col++) if (pgm[start + row * width + col]! < 128) ink++;
    if (ink > bestInk) [best, bestInk] = [row, ink];
  }
  if (best < 0) throw new Error(`no ink between ${fromMm} and ${toMm} mm on page ${page}`);
  return fromMm + ((best + 0.5) / dpi) * 25.4;
}

/**
 * The faces that set the pieces of text matching `pattern` in `pdf` (their PDF names without the subset tag).
 * poppler's XML gives a piece of text for each run in one face, so a character in a face of its own is a piece.
 */
export function facesOf(pdf: string, pattern: RegExp): Set<string> {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', pdf], { maxBuffer: 1 << 30 }).toString();
  const families = new Map(
    [...xml.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]+)"/g)].map(([, id, family]) => [
      id!,
      family!.replace(/^[A-Z]{6}\+/, ''),
    ]),
  );
  const faces = new Set<string>();
  for (const [, font, text] of xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/g))
    if (pattern.test(text!)) faces.add(families.get(font!) ?? font!);
  return faces;
}

/** Marks LibreOffice hangs past the block's right edge at a line's end. */
const HANGING = /[，。、；：？！”）》」』】]$/;

/**
 * The grid units of the all-Chinese lines of `pages` that reach the block's right edge (`rightMm` from the page's
 * left, within half a character of `charMm`): full lines, whose units show how many characters a line holds. A
 * line's first-line indent (it starts beyond `leftMm`) counts two units; a mark hung past the edge does not count.
 */
export function fullLineUnits(pages: PdfPage[], leftMm: number, rightMm: number, charMm: number): number[] {
  const units: number[] = [];
  for (const line of pages.flatMap((page) => page.lines)) {
    if (line.x1 < rightMm - charMm / 2 || /[A-Za-z0-9%]/.test(line.text)) continue;
    const text = line.x1 > rightMm + charMm / 4 ? line.text.replace(HANGING, '') : line.text;
    const indent = Math.round((line.x0 - leftMm) / charMm);
    units.push([...text].reduce((sum, ch) => sum + charUnits(ch), 0) + indent);
  }
  return units;
}
