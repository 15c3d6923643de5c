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

/** A face's CSS font-family for print: the Latin face for Latin letters and digits only, then the face's chain. */
function printFontFamily(face: FaceName): string {
  return `"Lectern Latin", ${cssFontFamily(face, false)}`;
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

/**
 * One laid-out line as HTML: its text (a line break that ends it left out, since the line ends anyway), the label
 * on a heading's first line, a run-in heading's lead in the heading's element (its first line's part; what wraps
 * to the next line keeps the heading's face), and a hanging mark in an element of its own that takes no room.
 */
function lineHtml(block: PMNode, line: LayoutLine, lead: number): string {
  const text = (from: number, to: number) =>
    inlinePieces(block, from, to)
      .map((piece) => ('text' in piece ? escapeHtml(piece.text) : ''))
      .join('');
  const hangAt = line.hangs ? lastTextOffset(block, line) : line.to;
  const label = line.label ? escapeHtml(line.label) : '';
  const level = headingLevel(block);
  const own = (from: number, to: number) => {
    if (line.kind !== 'run-in' || from >= lead) return text(from, to);
    const cut = Math.min(to, lead);
    const head = `${from === 0 ? label : ''}${text(from, cut)}`;
    const wrapped =
      from === 0
        ? `<h${level + 1} class="level-${level} lead">${head}</h${level + 1}>`
        : `<span class="level-${level}">${head}</span>`;
    return wrapped + text(cut, to);
  };
  const body = line.kind === 'run-in' ? own(line.from, hangAt) : `${label}${text(line.from, hangAt)}`;
  const hang = line.hangs ? `<span class="hang">${text(hangAt, line.to)}</span>` : '';
  return body + hang;
}

/** Where a hanging line's mark starts: the line's end, less a line break after the mark and the mark itself. */
function lastTextOffset(block: PMNode, line: LayoutLine): number {
  const text = block.textBetween(line.from, line.to, undefined, '\n').replace(/\n$/, '');
  return line.from + text.length - 1;
}

/**
 * The speech's blocks as HTML set line by line as `layoutSpeech` lays them out, so the PDF's lines and pages are
 * the layout's by construction (issue 14, item 7), as the DOCX's are in a word processor: each line a box of one
 * grid row that never wraps, a full line justified to the grid's width and the last of a paragraph (or one the user
 * ended) left as it is. A block that runs on to the next page is continued there in a second element of its kind
 * that breaks the page before it, as does a block that starts a page; a page the keep rules end early has its last
 * rows empty, as the DOCX's has.
 */
function bodyHtml(doc: PMNode, profile: ExportProfile): string {
  const { pages } = layoutSpeech(doc, profile);
  const byBlock = new Map<number, Array<{ line: LayoutLine; page: number; pageStart: boolean }>>();
  pages.forEach((page, p) =>
    page.lines.forEach((line, i) => {
      const lines = byBlock.get(line.block) ?? [];
      lines.push({ line, page: p, pageStart: p > 0 && i === 0 });
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
    let element = '';
    lines.forEach(({ line, page, pageStart }, i) => {
      if (i === 0 || page !== lines[i - 1]!.page) {
        if (element) out.push(`${element}</${tag}>`);
        const classes = [className ?? '', i > 0 ? 'cont' : '', pageStart ? 'pb' : ''].filter(Boolean).join(' ');
        element = `<${tag}${classes ? ` class="${classes}"` : ''}>`;
      }
      const ended = i === lines.length - 1 || block.textBetween(line.from, line.to, undefined, '\n').endsWith('\n');
      const classes = ['l', i === 0 && !centred && kind !== 'salutation' ? 'first' : '', ended || centred ? '' : 'j'];
      element += `<span class="${classes.filter(Boolean).join(' ')}">${lineHtml(block, line, lead)}</span>`;
    });
    out.push(`${element || `<${tag}${className ? ` class="${className}"` : ''}>`}</${tag}>`);
  });
  return out.join('\n');
}

/** The speech as a complete HTML document for printing in the given profile. */
export function printHtml(doc: PMNode, profile: ExportProfile, title = ''): string {
  const { margins } = profile;
  const pageRight = +(margins.right - hangRoomMm(profile)).toFixed(2);
  const heading = (level: number) => {
    const h = profile.headings[level - 1]!;
    return `font-family: ${printFontFamily(h.face)}; font-weight: ${h.bold ? 'bold' : 'normal'};`;
  };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${LATIN_FONT_FACE}
@page { size: A4; margin: ${margins.top}mm ${pageRight}mm ${margins.bottom}mm ${margins.left}mm; }
${pageNumberCss(profile)}
html { -webkit-print-color-adjust: exact; }
body {
  margin: 0; width: ${210 - margins.left - margins.right}mm; font-family: ${printFontFamily(profile.body.face)};
  font-size: ${profile.body.sizePt}pt; line-height: ${profile.lineSpacingPt}pt;
  ${profile.grid ? 'letter-spacing: -0.25pt;' : ''}
}
p, div.run-in, h1, h2, h3, h4, h5 { margin: 0; font-size: inherit; font-weight: normal; }
/* Every line is one row of the grid, set where the layout put it (shared/layout/page-layout.ts): it never wraps
   (Chromium's own breaking put 27 characters on a line and its own keep rules broke pages elsewhere than the DOCX's;
   issue 14, items 4 and 7) and is exactly one row high, even empty; the title, too, stands on the grid's rows, with
   no blank lines the DOCX does not have. An inline box, not a block: a tagged PDF of a block a line took Chromium
   seven times as long to print (15 s for the 300,000-character speech). */
span.l {
  display: inline-block; width: 100%; height: ${profile.lineSpacingPt}pt; vertical-align: top; white-space: pre;
}
span.l.first { text-indent: 2em; }
span.l.j { text-align: justify; text-align-last: justify; }
.pb { break-before: page; }
/* A mark hung past a full line (标点悬挂) takes no room on it, so the line's characters fill the grid's width. */
span.hang { margin-right: -1em; }
h1.title {
  font-family: ${printFontFamily(profile.title.face)}; font-size: ${profile.title.sizePt}pt;
  line-height: ${profile.lineSpacingPt}pt; text-align: center;
}
p.byline {
  font-family: ${printFontFamily(profile.byline.face)}; font-size: ${profile.byline.sizePt}pt; text-align: center;
}
.level-1 { ${heading(1)} } .level-2 { ${heading(2)} } .level-3 { ${heading(3)} } .level-4 { ${heading(4)} }
div.run-in .lead { display: inline; }
</style></head>
<body>
${bodyHtml(doc, profile)}
</body></html>
`;
}
