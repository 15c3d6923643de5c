/**
 * Print HTML: the speech laid out by a profile as one HTML document, which Chromium prints to PDF
 * (Electron's printToPDF in the app; the same Chromium through playwright-core in the CLI and the
 * tests). Numbers are real text so the PDF is searchable; headings are h1–h5 so Chromium can make
 * PDF bookmarks of the outline; page numbers are CSS page-margin boxes, "— N —".
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { cssFontFamily } from '../document/fonts';
import { HeadingCounter, headingLevel } from '../document/numbering';
import { runInLeadLength } from '../document/run-in';
import type { ExportProfile } from './profiles';
import { inlinePieces } from './inline';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function inline(block: PMNode, from = 0, to = block.content.size): string {
  return inlinePieces(block, from, to)
    .map((piece) => ('text' in piece ? escapeHtml(piece.text) : '<br>'))
    .join('');
}

function pageNumberCss(profile: ExportProfile): string {
  const box = `content: "— " counter(page) " —"; font-family: ${cssFontFamily('songti')}; font-size: ${profile.pageNumbers.sizePt}pt; vertical-align: top; padding-top: 7mm;`;
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
        return void body.push(`<h1 class="title">${inline(block)}</h1>`);
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
    return `font-family: ${cssFontFamily(h.face)}; font-weight: ${h.bold ? 'bold' : 'normal'};`;
  };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm; }
${pageNumberCss(profile)}
html { -webkit-print-color-adjust: exact; }
body { margin: 0; font-family: ${cssFontFamily(profile.body.face)}; font-size: ${profile.body.sizePt}pt; line-height: ${profile.lineSpacingPt}pt; line-break: strict; }
p, div.run-in, h1, h2, h3, h4, h5 { margin: 0; font-size: inherit; font-weight: normal; text-indent: 2em; orphans: 2; widows: 2; }
h1.title { font-family: ${cssFontFamily(profile.title.face)}; font-size: ${profile.title.sizePt}pt; line-height: 1.5; text-align: center; text-indent: 0; margin-bottom: ${profile.lineSpacingPt}pt; }
p.byline { font-family: ${cssFontFamily(profile.byline.face)}; font-size: ${profile.byline.sizePt}pt; text-align: center; text-indent: 0; }
p.salutation { text-indent: 0; margin-top: ${profile.lineSpacingPt}pt; }
/* A heading never stands alone at the foot of a page, nor breaks inside its line. */
h2, h3, h4, h5 { break-after: avoid; break-inside: avoid; }
.level-1 { ${heading(1)} } .level-2 { ${heading(2)} } .level-3 { ${heading(3)} } .level-4 { ${heading(4)} }
div.run-in { break-inside: auto; }
div.run-in > .lead { display: inline; text-indent: 0; break-after: auto; }
</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
