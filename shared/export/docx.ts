/**
 * DOCX export (FORMAT.md): a document and a layout profile in, the bytes of a .docx out, through
 * the `docx` library. Pure: no file system, no Electron.
 *
 * Numbers are Word numbering (`chineseCounting` for 一、 and （一）, decimal for 1. and （1）), not
 * literal text: the leader's office edits the DOCX in Word or WPS, and there a section moved or
 * deleted must renumber the way it does in Lectern. Each heading level is a real heading style
 * with an outline level, so the navigation pane shows the speech's outline.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  DocumentGridType,
  type IParagraphOptions,
  type IRunOptions,
  type IStylesOptions,
} from 'docx';
import type { Node as PMNode } from '@tiptap/pm/model';
import JSZip from 'jszip';
import { FONT_CHAINS, LATIN_FACE, type FaceName } from '../document/fonts';
import { headingLevel } from '../document/numbering';
import { runInLeadLength } from '../document/run-in';
import type { ExportProfile } from './profiles';
import { inlinePieces, linePieces, type InlinePiece } from './inline';
import { titleLinesOf } from '../layout/page-layout';

/** A4 in twips, exactly (convertMillimetersToTwip(210) would round to 11905). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const halfPoints = (pt: number) => Math.round(pt * 2);

/** The Windows name of a face: the first of its chain (the machine falls back along it). */
function eastAsiaName(face: FaceName): string {
  return FONT_CHAINS[face][0]!;
}

/**
 * Run fonts: Latin letters and digits in Times New Roman, Chinese in the profile's face (w:eastAsia). The
 * eastAsia hint makes Word send the characters Latin and Chinese share (“ ” ‘ ’ — … ×, U+2000–206F and a few of
 * Latin-1) to the Chinese face, as a Chinese Word does; without it they come out narrow in Times New Roman
 * (issue 14, item 2). Basic Latin always takes the ascii face, hint or not.
 */
function runFont(face: FaceName): IRunOptions['font'] {
  return { ascii: LATIN_FACE, hAnsi: LATIN_FACE, eastAsia: eastAsiaName(face), cs: LATIN_FACE, hint: 'eastAsia' };
}

/**
 * A paragraph indent of two body characters on the first line, flush left after: body text's, and the
 * numbering levels' too, since a level's w:ind wins over its paragraph style's and LibreOffice starts a numbered
 * paragraph whose level has none at the margin (issue 14, item 3).
 */
function firstLineIndent(profile: ExportProfile) {
  return { left: 0, firstLineChars: 200, firstLine: Math.round(profile.body.sizePt * 2 * 20) };
}

/** How much closer characters stand on a grid, in twentieths of a point (−0.25 pt). */
export const GRID_CONDENSE_TWIPS = -5;

const NUMBERING_REFERENCE = 'speech-headings';
const TITLE_STYLE_ID = 'Title';
const HEADING_STYLE_IDS = ['Heading1', 'Heading2', 'Heading3', 'Heading4'] as const;

function styles(profile: ExportProfile): IStylesOptions {
  const indent = firstLineIndent(profile);
  return {
    default: {
      // Word's own Title style, not a second style of the same name (issue 14, item 11); the import reads it back
      // as the title by that name (shared/import/read.ts).
      title: {
        run: { font: runFont(profile.title.face), size: halfPoints(profile.title.sizePt) },
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } },
      },
      document: {
        // On a grid, every character a quarter point closer (w:spacing −5 twentieths): 28 × 15.75 pt is 155.6 mm,
        // inside the 156 mm block, where 28 × 16 pt (158 mm) left 27 a line (issue 14, item 4; FORMAT.md).
        run: {
          font: runFont(profile.body.face),
          size: halfPoints(profile.body.sizePt),
          ...(profile.grid ? { characterSpacing: GRID_CONDENSE_TWIPS } : {}),
        },
        paragraph: {
          spacing: { line: Math.round(profile.lineSpacingPt * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          indent,
        },
      },
    },
    characterStyles: [{ ...LAYOUT_BREAK_STYLE, basedOn: 'DefaultParagraphFont', run: {} }],
    paragraphStyles: [
      {
        id: 'SpeechByline',
        name: 'Byline',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: runFont(profile.byline.face), size: halfPoints(profile.byline.sizePt) },
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } },
      },
      {
        id: 'SpeechSalutation',
        name: 'Salutation',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { indent: { firstLine: 0, firstLineChars: 0 } },
      },
      // The closing remarks are laid out as body text; the style of their own lets an import (ours,
      // or Word's navigation of styles) tell them from the last section.
      { id: 'SpeechClosing', name: 'Closing', basedOn: 'Normal', next: 'Normal' },
      ...profile.headings.map((heading, i) => ({
        id: HEADING_STYLE_IDS[i]!,
        name: `heading ${i + 1}`,
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: runFont(heading.face), size: halfPoints(profile.body.sizePt), bold: heading.bold },
        // A heading on its own line never ends a page nor breaks across two (the layout's keep rules).
        paragraph: { outlineLevel: i, indent, keepNext: true, keepLines: true },
      })),
    ],
  };
}

/** Word numbering: 一、 （一） 1. （1）, each level restarting under its parent, no tab after. */
function numbering(profile: ExportProfile) {
  const formats = [
    { format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
    { format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
    { format: LevelFormat.DECIMAL, text: '%3.' },
    { format: LevelFormat.DECIMAL, text: '（%4）' },
  ];
  return {
    config: [
      {
        reference: NUMBERING_REFERENCE,
        levels: formats.map(({ format, text }, level) => ({
          level,
          format,
          text,
          suffix: LevelSuffix.NOTHING,
          style: {
            run: { font: runFont(profile.headings[level]!.face) },
            paragraph: { indent: firstLineIndent(profile) },
          },
        })),
      },
    ],
  };
}

/**
 * The character style of a line break the layout put in (the title's): Word and WPS show it as any break, and our
 * import leaves it out (shared/import/read.ts), so a speech that goes out and comes back has only the user's own.
 */
export const LAYOUT_BREAK_STYLE = { id: 'LecternLayoutBreak', name: 'Lectern Layout Break' } as const;

function runsOf(pieces: InlinePiece[], run: IRunOptions = {}): TextRun[] {
  return pieces.map((piece) =>
    'text' in piece
      ? new TextRun({ ...run, text: piece.text })
      : new TextRun({ ...run, break: 1, ...(piece.laidOut ? { style: LAYOUT_BREAK_STYLE.id } : {}) }),
  );
}

function textRuns(block: PMNode, from: number, to: number, run: IRunOptions = {}): TextRun[] {
  return runsOf(inlinePieces(block, from, to), run);
}

function blockParagraph(block: PMNode, profile: ExportProfile): Paragraph {
  return new Paragraph(blockParagraphOptions(block, profile));
}

function blockParagraphOptions(block: PMNode, profile: ExportProfile): IParagraphOptions {
  const size = block.content.size;
  switch (block.type.name) {
    case 'title':
      // Broken where the layout breaks it, words whole and shorter lines above (issue 14, item 5).
      return { style: TITLE_STYLE_ID, children: runsOf(linePieces(block, titleLinesOf(block, profile))) };
    case 'byline':
      return { style: 'SpeechByline', children: textRuns(block, 0, size) };
    case 'salutation':
      return { style: 'SpeechSalutation', children: textRuns(block, 0, size) };
    case 'closing':
      return { style: 'SpeechClosing', children: textRuns(block, 0, size) };
  }
  const level = headingLevel(block);
  if (!level) return { children: textRuns(block, 0, size) };
  const numbered =
    level <= profile.numberedLevels ? { numbering: { reference: NUMBERING_REFERENCE, level: level - 1 } } : {};
  if (!block.attrs.runIn)
    return { style: HEADING_STYLE_IDS[level - 1], ...numbered, children: textRuns(block, 0, size) };
  // Run-in: one paragraph in the heading's style; the lead sentence keeps the heading face, the rest is body.
  const lead = runInLeadLength(block.textBetween(0, size, undefined, '\n'));
  const body = { font: runFont(profile.body.face), bold: false };
  return {
    style: HEADING_STYLE_IDS[level - 1],
    ...numbered,
    // The heading style keeps with the next paragraph and keeps its lines together, right for a heading on its own
    // line; a run-in heading is a paragraph of body text, and keeping it too chains consecutive ones into
    // half-empty pages (issue 14, item 1) and moves a long one whole to the next page.
    keepNext: false,
    keepLines: false,
    children: [...textRuns(block, 0, lead), ...textRuns(block, lead, size, body)],
  };
}

/** The page number's line: exactly its font size high, so that where its middle falls does not hang on the face. */
const pageNumberLine = (profile: ExportProfile) => Math.round(profile.pageNumbers.sizePt * 20);

/**
 * The footer's distance from the foot of the page (w:footer, to the bottom of the footer's last line): the
 * middle of the number's line, where its dashes are, 7 mm below the text block (GB/T 9704: 一字线上距版心下边缘
 * 7 mm; FORMAT.md). It was the line's bottom at 7 mm plus its height, which put the dashes 9.4 mm down (issue 14,
 * item 8).
 */
function footerDistance(profile: ExportProfile): number {
  return Math.max(0, mm(profile.margins.bottom - PAGE_NUMBER_GAP_MM) - Math.round(pageNumberLine(profile) / 2));
}

/** How far below the text block the page number's dashes sit, in millimetres (GB/T 9704). */
export const PAGE_NUMBER_GAP_MM = 7;

function pageNumberFooter(
  profile: ExportProfile,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
): Footer {
  const songti = eastAsiaName('songti');
  const run = {
    font: { ascii: songti, hAnsi: songti, eastAsia: songti, cs: songti, hint: 'eastAsia' },
    size: halfPoints(profile.pageNumbers.sizePt),
  };
  // One character in from the edge of the text block on the outer side (FORMAT.md).
  const oneChar = Math.round(profile.pageNumbers.sizePt * 20);
  const indent =
    alignment === AlignmentType.RIGHT ? { right: oneChar } : alignment === AlignmentType.LEFT ? { left: oneChar } : {};
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: { ...indent, firstLine: 0, firstLineChars: 0 },
        spacing: { line: pageNumberLine(profile), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({ ...run, text: '— ' }),
          new TextRun({ ...run, children: [PageNumber.CURRENT] }),
          new TextRun({ ...run, text: ' —' }),
        ],
      }),
    ],
  });
}

/**
 * word/fontTable.xml: every face of every chain the profile uses, each naming the next in its chain as its
 * w:altName, so that a Word without 仿宋_GB2312, 楷体_GB2312 or 方正小标宋简体 takes the face the chain names
 * next instead of one of its own choosing (issue 14, item 9). The docx library writes the table empty.
 */
export function fontTableXml(profile: ExportProfile): string {
  const faces = new Set<FaceName>([
    profile.body.face,
    profile.title.face,
    profile.byline.face,
    ...profile.headings.map((h) => h.face),
    'songti',
  ]);
  const entries = new Map<string, string>();
  entries.set(LATIN_FACE, '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>');
  for (const face of faces) {
    const names = FONT_CHAINS[face].filter((name) => !GENERIC_FAMILIES.has(name));
    names.forEach((name, i) => {
      if (entries.has(name)) return;
      const next = names[i + 1];
      const family = face === 'heiti' ? 'modern' : 'roman';
      entries.set(
        name,
        `${next ? `<w:altName w:val="${escapeXml(next)}"/>` : ''}<w:charset w:val="86"/>` +
          `<w:family w:val="${family}"/><w:pitch w:val="variable"/>`,
      );
    });
  }
  const fonts = [...entries].map(([name, body]) => `<w:font w:name="${escapeXml(name)}">${body}</w:font>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}</w:fonts>`
  );
}

const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace']);
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]!);

export interface DocxMeta {
  title?: string;
  speaker?: string;
  date?: string;
}

/** Inserts `element` first in the w:pPr that follows `anchor` in `xml`, before `limit`; throws if there is none. */
function firstInPPr(xml: string, anchor: string, limit: string, element: string): string {
  const at = xml.indexOf(anchor);
  const pPr = xml.indexOf('<w:pPr>', at);
  if (at < 0 || pPr < 0 || pPr > xml.indexOf(limit, at)) throw new Error(`docx wrote no w:pPr after ${anchor}`);
  const end = pPr + '<w:pPr>'.length;
  return `${xml.slice(0, end)}${element}${xml.slice(end)}`;
}

/**
 * word/styles.xml as the docx library writes it for these options, with what the library cannot say:
 * - widow and orphan control in the paragraph defaults (w:widowControl, as Word's own Normal style has it), so a
 *   paragraph's first or last line never stands alone at a page's foot or top, in every paragraph the speech has
 *   and every one the speaker's office adds. The layout's keep rules model exactly this
 *   (shared/layout/page-layout.ts). Left out, it is off in Word (OOXML's default); LibreOffice keeps two lines
 *   either way, and breaks pages elsewhere than the layout only when a paragraph turns it off (measured).
 * - on a grid, the Title style off it (w:snapToGrid w:val="0"). On the grid LibreOffice gives a line whose face is
 *   taller than the pitch two grid lines: the 22 pt title in Noto Serif CJK stood 20.4 mm a line, not 10.2, and
 *   every GB/T page after it broke two lines earlier than the layout's. Off the grid the title keeps its exact
 *   28.95 pt, which is the pitch, so its lines stay on the grid's rows in Word too.
 * The styles are those of a document with no paragraphs (styles.xml depends on the options alone), and both
 * elements go first in their w:pPr, where CT_PPrBase's order puts them before w:spacing, w:ind and w:jc.
 */
async function keepingStyles(profile: ExportProfile): Promise<string> {
  const probe = new Document({ styles: styles(profile), numbering: numbering(profile), sections: [{ children: [] }] });
  let xml = await (await JSZip.loadAsync(await Packer.toBuffer(probe))).file('word/styles.xml')!.async('string');
  xml = firstInPPr(xml, '<w:pPrDefault>', '</w:pPrDefault>', '<w:widowControl/>');
  if (profile.grid) xml = firstInPPr(xml, `w:styleId="${TITLE_STYLE_ID}"`, '</w:style>', '<w:snapToGrid w:val="0"/>');
  return xml;
}

/** keepingStyles' answers by profile (they depend on nothing else): an export after the first packs no probe. */
const stylesByProfile = new Map<string, Promise<string>>();

function keepingStylesOf(profile: ExportProfile): Promise<string> {
  const key = JSON.stringify(profile);
  let xml = stylesByProfile.get(key);
  if (!xml) {
    // A few profiles a session (three, and the user's adjustments of them); never let the map grow without end.
    if (stylesByProfile.size >= 16) stylesByProfile.clear();
    stylesByProfile.set(key, (xml = keepingStyles(profile)));
  }
  return xml;
}

/** The speech as DOCX bytes in the given profile. */
export async function exportDocx(doc: PMNode, profile: ExportProfile, meta: DocxMeta = {}): Promise<Uint8Array> {
  const paragraphs: Paragraph[] = [];
  doc.forEach((block) => paragraphs.push(blockParagraph(block, profile)));
  const linePitch = Math.round(profile.lineSpacingPt * 20);
  // A line grid only (w:docGrid type="lines", linePitch 579: 22 lines on the 225 mm block), no character grid.
  // Under type="linesAndChars" Word snaps each Chinese character to a cell of the font size plus charSpace/4096 pt
  // and fits floor(156 mm / pitch) cells a line: 27 at charSpace 0, 28 only at charSpace ≤ −848, and every
  // non-zero charSpace made LibreOffice lay out 14–20 a line (FORMAT.md). Without the character grid both lay the
  // characters out at their own advance less the quarter point of condensing in the run defaults (w:spacing −5):
  // 28 × 15.75 pt = 441 pt, inside the 442.2 pt line, so 28 a line in LibreOffice (measured) and in Word.
  const oddEven = profile.pageNumbers.placement === 'odd-even';
  const footers = oddEven
    ? { default: pageNumberFooter(profile, AlignmentType.RIGHT), even: pageNumberFooter(profile, AlignmentType.LEFT) }
    : { default: pageNumberFooter(profile, AlignmentType.CENTER) };
  const document = new Document({
    title: meta.title ?? '',
    creator: meta.speaker ?? '',
    // The docx library writes 「Un-named」 when it is not told (issue 14, item 11): the speaker, as the creator,
    // or else the program that wrote the file.
    lastModifiedBy: meta.speaker || 'Lectern 讲稿',
    description: meta.date ?? '',
    subject: meta.date ?? '',
    evenAndOddHeaderAndFooters: oddEven,
    styles: styles(profile),
    numbering: numbering(profile),
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
            margin: {
              top: mm(profile.margins.top),
              bottom: mm(profile.margins.bottom),
              left: mm(profile.margins.left),
              right: mm(profile.margins.right),
              footer: footerDistance(profile),
              header: mm(15),
            },
          },
          ...(profile.grid ? { grid: { type: DocumentGridType.LINES, linePitch } } : {}),
        },
        footers,
        children: paragraphs,
      },
    ],
  });
  return new Uint8Array(
    await Packer.toBuffer(document, false, [
      { path: 'word/fontTable.xml', data: fontTableXml(profile) },
      { path: 'word/styles.xml', data: await keepingStylesOf(profile) },
    ]),
  );
}
