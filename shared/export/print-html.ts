/**
 * Print HTML: the speech laid out by a profile as one HTML document, which Chromium prints to PDF
 * (Electron's printToPDF in the app; the same Chromium through playwright-core in the CLI and the
 * tests). Numbers are real text so the PDF is searchable; headings are h1–h5 so Chromium can make
 * PDF bookmarks of the outline; page numbers are CSS page-margin boxes, "— N —".
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { LATIN_FACE, cssFontFamily, type FaceName } from '../document/fonts';
import { headingLevel } from '../document/numbering';
import { runInLeadLength } from '../document/run-in';
import type { ExportProfile } from './profiles';
import { inlinePieces } from './inline';
import { layoutSpeech, type LayoutLine, type LineKind } from '../layout/page-layout';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/**
 * The Latin face under a name of its own, limited to the characters Word sends to the ascii/hAnsi face when a run
 * says w:hint="eastAsia" (as the DOCX's do): Basic Latin and most of Latin-1 and Latin Extended. Listing Times New
 * Roman first for every character, as the print HTML did, set “ ” ‘ ’ — … and × in it, narrow and on the baseline
 * (issue 14, item 2); now those fall through to the Chinese face.
 */
const LATIN_FONT_FACE = `@font-face {
  font-family: "Lectern Latin";
  src: local("${LATIN_FACE}"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("LiberationSerif");
  unicode-range: U+0020-007E, U+00A0-00A6, U+00A9-00AF, U+00B2-00B3, U+00B5-00B6, U+00B8-00D6, U+00D8-00F6, U+00F8-024F;
}`;

/**
 * Per face, the family the PDF sets first: the TrueType face of its chain where the first this machine has is CFF,
 * which Chromium embeds as Type 3 and print shops' preflight rejects (issue 14; electron/services/fonts.ts pdfFaces).
 */
export type PdfFaces = Partial<Record<FaceName, string>>;

/**
 * A face's CSS font-family for print: the Latin face for Latin letters and digits only, then the family `faces` puts
 * first for it, then the face's chain.
 */
function printFontFamily(face: FaceName, faces: PdfFaces): string {
  const first = faces[face];
  return `"Lectern Latin", ${first ? `"${first}", ` : ''}${cssFontFamily(face, false)}`;
}

function pageNumberCss(profile: ExportProfile): string {
  // The middle of the number's line, where its dashes are, 7 mm below the text block (GB/T 9704): a line exactly the
  // font size high, its top half a line above that. Digits in 宋体, not the Latin face (issue 14, item 8).
  const size = profile.pageNumbers.sizePt;
  const box =
    `content: "— " counter(page) " —"; font-family: ${cssFontFamily('songti', false)}; ` +
    `font-size: ${size}pt; line-height: ${size}pt; vertical-align: top; padding-top: calc(7mm - ${size / 2}pt);`;
  // The page's right margin is a character narrower than the profile's, for hanging marks (hangRoomMm): the boxes
  // at the foot make up for it, so the number stands where it did against the text block.
  const hang = hangRoomMm(profile);
  if (profile.pageNumbers.placement === 'center')
    return `@page { @bottom-center { ${box} padding-right: ${hang}mm; } }`;
  // Odd pages right, even pages left, one character in from the edge of the text block.
  return `@page :right { @bottom-right { ${box} text-align: right; padding-right: calc(1em + ${hang}mm); } }
@page :left { @bottom-left { ${box} text-align: left; padding-left: 1em; } }`;
}

/**
 * Room at the right of the text block, in millimetres, for a mark hung past a full line (one body character):
 * Chromium paints nothing of the page's content outside its page area, so the page area reaches this far into the
 * right margin while the body keeps the text block's width.
 */
function hangRoomMm(profile: ExportProfile): number {
  return +Math.min(profile.margins.right, (profile.body.sizePt * 25.4) / 72).toFixed(2);
}

/** The element a block is set in, with its class: the title h1, headings h2–h5 so Chromium bookmarks them. */
function blockTag(block: PMNode, kind: LineKind): { tag: string; className?: string } {
  const level = headingLevel(block);
  switch (kind) {
    case 'title':
      return { tag: 'h1', className: 'title' };
    case 'byline':
    case 'salutation':
    case 'closing':
      // The closing remarks are laid out as body text (FORMAT.md); the class is for readers of the HTML.
      return { tag: 'p', className: kind };
    case 'heading':
      return { tag: `h${level + 1}`, className: `level-${level}` };
    case 'run-in':
      // A div, not a p: the HTML parser closes a p at the heading element its lead is.
      return { tag: 'div', className: 'run-in' };
    default:
      return { tag: 'p' };
  }
}

/** Where a hanging line's mark starts: the line's end, less a line break after the mark and the mark itself. */
function hangOffset(block: PMNode, line: LayoutLine): number {
  const text = block.textBetween(line.from, line.to, undefined, '\n').replace(/\n$/, '');
  return line.from + text.length - 1;
}

/** Whether a line ends with a line break of the text's own (the user's). */
const endsWithBreak = (block: PMNode, line: LayoutLine) =>
  line.to > line.from && block.textBetween(line.to - 1, line.to, undefined, '\n') === '\n';

/**
 * What ends a line that is not its part's last: a line break where the user ended it or the block is centred; where
 * the line fills the grid's width (every all-Chinese line but a paragraph's last), a line break of the text (the
 * text set white-space: pre), since the line needs no justifying and a break in the text keeps the block one run of
 * text, which Chromium prints a third faster than one cut at each line; else a break opportunity (<wbr>), the only
 * one there is, so that the line is justified to the grid's width as it wraps.
 */
function lineEnd(block: PMNode, line: LayoutLine, centred: boolean, charsPerLine: number): string {
  if (endsWithBreak(block, line) || centred) return '<br>';
  return line.units >= charsPerLine - 0.001 ? '\n' : '<wbr>';
}

/**
 * One page's part of a block as HTML: its lines' text in order, each but the last ended as `lineEnd` says; a mark
 * hung past a full line in an element of its own that
 * takes no room; a heading's label first; a run-in heading's lead in the heading's element (in a span of its face
 * where the lead runs on from the page before).
 */
function partHtml(
  block: PMNode,
  lines: readonly LayoutLine[],
  lead: number,
  centred: boolean,
  charsPerLine: number,
): string {
  const level = headingLevel(block);
  // A line break, in the text or a node of its own, is the separator after its line; a tab is a space, as it was
  // before the text was set white-space: pre.
  const text = (from: number, to: number) =>
    inlinePieces(block, from, to)
      .map((piece) => ('text' in piece ? escapeHtml(piece.text.replace(/[\n\r]/g, '').replace(/\t/g, ' ')) : ''))
      .join('');
  const label = lines[0]?.label ? escapeHtml(lines[0].label) : '';
  const inLead = lines[0]?.kind === 'run-in' && lines[0].from < lead;
  let html = '';
  if (inLead)
    html +=
      lines[0]!.from === 0 ? `<h${level + 1} class="level-${level} lead">${label}` : `<span class="level-${level}">`;
  else html += label;
  let leadOpen = inLead;
  // Text [from, to), closing the lead's element where the lead ends inside it.
  const range = (from: number, to: number, wrap = (h: string) => h) => {
    if (leadOpen && to >= lead) {
      const closer = lines[0]!.from === 0 ? `</h${level + 1}>` : '</span>';
      leadOpen = false;
      const before = from < lead ? wrap(text(from, lead)) : '';
      const after = to > lead ? wrap(text(Math.max(from, lead), to)) : '';
      return from < lead ? `${before}${closer}${after}` : `${closer}${after}`;
    }
    return wrap(text(from, to));
  };
  lines.forEach((line, i) => {
    const hangAt = line.hangs ? hangOffset(block, line) : line.to;
    html += range(line.from, hangAt);
    if (line.hangs) html += range(hangAt, line.to, (h) => `<span class="hang">${h}</span>`);
    if (i < lines.length - 1) html += lineEnd(block, line, centred, charsPerLine);
  });
  if (leadOpen) html += lines[0]!.from === 0 ? `</h${level + 1}>` : '</span>';
  // A last line with nothing on it (an empty paragraph, or what follows a line break at the end) is still a row.
  const last = lines.at(-1);
  if (!last || last.from === last.to) html += '<br>';
  return html;
}

/**
 * The speech's blocks as HTML set line by line as `layoutSpeech` lays them out, so the PDF's lines and pages are
 * the layout's by construction (issue 14, item 7), as the DOCX's are in a word processor: the text never wraps but
 * where a laid-out line ends, full lines are justified to the grid's width and the last of a paragraph (or one the
 * user ended) is left as it is. A block that runs on to the next page is continued there in a second element of
 * its kind that breaks the page before it, as does a block that starts a page; a page the keep rules end early has
 * its last rows empty, as the DOCX's has.
 */
function bodyHtml(doc: PMNode, profile: ExportProfile): string {
  const { grid, pages } = layoutSpeech(doc, profile);
  const byBlock = new Map<number, Array<{ line: LayoutLine; page: number }>>();
  pages.forEach((page, p) =>
    page.lines.forEach((line) => {
      const lines = byBlock.get(line.block) ?? [];
      lines.push({ line, page: p });
      byBlock.set(line.block, lines);
    }),
  );
  const out: string[] = [];
  doc.forEach((block, _offset, index) => {
    const lines = byBlock.get(index) ?? [];
    const kind = lines[0]?.line.kind ?? 'body';
    const { tag, className } = blockTag(block, kind);
    const lead = kind === 'run-in' ? runInLeadLength(block.textBetween(0, block.content.size, undefined, '\n')) : 0;
    const centred = kind === 'title' || kind === 'byline';
    const indented = !centred && kind !== 'salutation';
    // The block's lines by page: one element each.
    const parts: Array<{ page: number; lines: LayoutLine[] }> = [];
    for (const { line, page } of lines) {
      if (parts.at(-1)?.page === page) parts.at(-1)!.lines.push(line);
      else parts.push({ page, lines: [line] });
    }
    parts.forEach((part, i) => {
      const classes = [
        className ?? '',
        i === 0 && indented ? 'first' : '',
        // A part that runs on to the next page ends with a full line: justified too.
        i < parts.length - 1 ? 'runs-on' : '',
        part.page > 0 && pages[part.page]!.lines[0] === part.lines[0] ? 'pb' : '',
      ].filter(Boolean);
      const attrs = classes.length ? ` class="${classes.join(' ')}"` : '';
      out.push(`<${tag}${attrs}>${partHtml(block, part.lines, lead, centred, grid.charsPerLine)}</${tag}>`);
    });
  });
  return out.join('\n');
}

/** The speech as a complete HTML document for printing in the given profile, each face first in `faces`'s family. */
export function printHtml(doc: PMNode, profile: ExportProfile, title = '', faces: PdfFaces = {}): string {
  const { margins } = profile;
  const pageRight = +(margins.right - hangRoomMm(profile)).toFixed(2);
  const heading = (level: number) => {
    const h = profile.headings[level - 1]!;
    return `font-family: ${printFontFamily(h.face, faces)}; font-weight: ${h.bold ? 'bold' : 'normal'};`;
  };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${LATIN_FONT_FACE}
@page { size: A4; margin: ${margins.top}mm ${pageRight}mm ${margins.bottom}mm ${margins.left}mm; }
${pageNumberCss(profile)}
html { -webkit-print-color-adjust: exact; }
body {
  margin: 0; width: ${210 - margins.left - margins.right}mm; font-family: ${printFontFamily(profile.body.face, faces)};
  font-size: ${profile.body.sizePt}pt; line-height: ${profile.lineSpacingPt}pt;
  ${profile.grid ? 'letter-spacing: -0.25pt;' : ''}
}
/* Every line is one row of the grid, set where the layout put it (shared/layout/page-layout.ts): the text never
   wraps but at the layout's line ends (white-space: pre, each laid-out line's end a <wbr>), since Chromium's own
   breaking put 27 characters on a line and its own keep rules broke pages elsewhere than the DOCX's (issue 14, items
   4 and 7); the title, too, stands on the grid's rows, with no blank lines the DOCX does not have. The lines are
   text in their block, not a box each: a tagged PDF of a box a line took Chromium half as long again to print. */
p, div.run-in, h1, h2, h3, h4, h5 {
  margin: 0; font-size: inherit; font-weight: normal; white-space: pre; text-align: justify;
}
.first { text-indent: 2em; }
.runs-on { text-align-last: justify; }
.pb { break-before: page; }
/* A mark hung past a full line (标点悬挂) takes no room on it, so the line's characters fill the grid's width. */
span.hang { margin-right: -1em; }
h1.title {
  font-family: ${printFontFamily(profile.title.face, faces)}; font-size: ${profile.title.sizePt}pt;
  line-height: ${profile.lineSpacingPt}pt; text-align: center;
}
p.byline {
  font-family: ${printFontFamily(profile.byline.face, faces)}; font-size: ${profile.byline.sizePt}pt; text-align: center;
}
.level-1 { ${heading(1)} } .level-2 { ${heading(2)} } .level-3 { ${heading(3)} } .level-4 { ${heading(4)} }
div.run-in .lead { display: inline; }
</style></head>
<body>
${bodyHtml(doc, profile)}
</body></html>
`;
}
