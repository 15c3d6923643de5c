/**
 * Print HTML: the speech laid out by a profile as one HTML document, which Chromium prints to PDF
 * (Electron's printToPDF in the app; the same Chromium through playwright-core in the CLI and the
 * tests). Numbers are real text so the PDF is searchable; headings are h1–h5 so Chromium can make
 * PDF bookmarks of the outline; page numbers are CSS page-margin boxes, "— N —".
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { LATIN_FACE, cssFontFamily, type FaceName } from '../document/fonts';
import { HeadingCounter, headingLevel } from '../document/numbering';
import { runInLeadLength } from '../document/run-in';
import type { ExportProfile } from './profiles';
import { inlinePieces, linePieces, type InlinePiece } from './inline';
import { titleLinesOf } from '../layout/page-layout';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function html(pieces: InlinePiece[]): string {
  return pieces.map((piece) => ('text' in piece ? escapeHtml(piece.text) : '<br>')).join('');
}

function inline(block: PMNode, from = 0, to = block.content.size): string {
  return html(inlinePieces(block, from, to));
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
  if (profile.pageNumbers.placement === 'center') return `@page { @bottom-center { ${box} } }`;
  // Odd pages right, even pages left, one character in from the edge of the text block.
  return `@page :right { @bottom-right { ${box} text-align: right; padding-right: 1em; } }
@page :left { @bottom-left { ${box} text-align: left; padding-left: 1em; } }`;
}

/** The speech as a complete HTML document for printing in the given profile. */
export function printHtml(doc: PMNode, profile: ExportProfile, title = ''): string {
  const { margins } = profile;
  const counter = new HeadingCounter();
  const body: string[] = [];
  doc.forEach((block) => {
    const level = headingLevel(block);
    switch (block.type.name) {
      case 'title':
        // Broken where the layout breaks it, as the DOCX is (issue 14, item 5).
        return void body.push(`<h1 class="title">${html(linePieces(block, titleLinesOf(block, profile)))}</h1>`);
      case 'byline':
        return void body.push(`<p class="byline">${inline(block)}</p>`);
      case 'salutation':
        return void body.push(`<p class="salutation">${inline(block)}</p>`);
      case 'closing':
        // Laid out as body text (FORMAT.md); the class is for readers of the HTML.
        return void body.push(`<p class="closing">${inline(block)}</p>`);
    }
    if (!level) return void body.push(`<p>${inline(block)}</p>`);
    const label = level <= profile.numberedLevels ? escapeHtml(counter.next(level)) : '';
    const tag = `h${level + 1}`;
    if (!block.attrs.runIn) return void body.push(`<${tag} class="level-${level}">${label}${inline(block)}</${tag}>`);
    const lead = runInLeadLength(block.textBetween(0, block.content.size, undefined, '\n'));
    // A run-in heading is one paragraph; the lead is a heading element shown inline so it is
    // bookmarked. (A div, not a p: the HTML parser closes a p at a heading element.)
    body.push(
      `<div class="run-in"><${tag} class="level-${level} lead">${label}${inline(block, 0, lead)}</${tag}>${inline(block, lead)}</div>`,
    );
  });
  const heading = (level: number) => {
    const h = profile.headings[level - 1]!;
    return `font-family: ${printFontFamily(h.face)}; font-weight: ${h.bold ? 'bold' : 'normal'};`;
  };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${LATIN_FONT_FACE}
@page { size: A4; margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm; }
${pageNumberCss(profile)}
html { -webkit-print-color-adjust: exact; }
body {
  margin: 0; font-family: ${printFontFamily(profile.body.face)};
  font-size: ${profile.body.sizePt}pt; line-height: ${profile.lineSpacingPt}pt;
  line-break: strict; overflow-wrap: anywhere;${profile.grid ? ' letter-spacing: -0.25pt;' : ''}
}
p, div.run-in, h1, h2, h3, h4, h5 { margin: 0; font-size: inherit; font-weight: normal; text-indent: 2em; orphans: 2; widows: 2; }
h1.title {
  font-family: ${printFontFamily(profile.title.face)}; font-size: ${profile.title.sizePt}pt;
  line-height: ${profile.lineSpacingPt}pt; text-align: center; text-indent: 0;
}
p.byline {
  font-family: ${printFontFamily(profile.byline.face)}; font-size: ${profile.byline.sizePt}pt;
  text-align: center; text-indent: 0;
}
p.salutation { text-indent: 0; }
/* A heading never stands alone at the foot of a page, nor breaks inside its line. */
h2, h3, h4, h5 { break-after: avoid; break-inside: avoid; }
/* Every line, the title's too, is one line of the grid, with no blank lines the DOCX does not have: the PDF's
   title at 1.5 × its size and the blank lines around it and the salutation put its pages out of step with the
   DOCX's and the layout's (issue 14, item 7). */
/* A Latin string longer than a line (a URL) breaks anywhere (overflow-wrap above): unbroken, it ran past the
   block, and Chromium shrank the whole page to fit it and cut it off (issue 14, item 6). */
/* No heading whose last line is a single character (issue 14, item 10): Chromium balances the heading's lines. */
h2, h3, h4, h5 { text-wrap: pretty; }
.level-1 { ${heading(1)} } .level-2 { ${heading(2)} } .level-3 { ${heading(3)} } .level-4 { ${heading(4)} }
div.run-in { break-inside: auto; }
div.run-in > .lead { display: inline; text-indent: 0; break-after: auto; }
</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
