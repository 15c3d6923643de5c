/**
 * What the print preview (print-preview.tsx) draws of a page: each of the layout's lines with its text, faces and how
 * it is set. Pure, so the unit tests hold it to the layout.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { FaceName } from '../../shared/document/fonts';
import { headingLevel } from '../../shared/document/numbering';
import { runInLeadLength } from '../../shared/document/run-in';
import type { ExportProfile } from '../../shared/export/profiles';
import { layoutGrid, type LayoutLine } from '../../shared/layout/page-layout';

/** The preview's pixels per millimetre: an A4 page 357 px wide, whole in a dialog on a 700-pixel-high window. */
export const PREVIEW_PX_PER_MM = 1.7;
/** Points in a millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** One piece of a preview line: its text and the face it is set in. */
export interface PreviewPiece {
  text: string;
  face: FaceName;
}

/** One line as the preview draws it: its pieces, whether it is justified, centred or indented, and its size. */
export interface PreviewLine {
  pieces: PreviewPiece[];
  align: 'justify' | 'start' | 'center';
  /** Indent in characters: a paragraph's first line is indented two (GB/T 9704), a title or byline none. */
  indent: number;
  sizePt: number;
  /** A mark hung past a full line (，。、 as LibreOffice and Word hang them): drawn in the margin, taking no room. */
  hang?: PreviewPiece;
}

/** The face of a line's kind in `profile`: a heading's level face, the title's, the byline's, else the body's. */
function faceOf(block: PMNode, line: LayoutLine, profile: ExportProfile): FaceName {
  if (line.kind === 'title') return profile.title.face;
  if (line.kind === 'byline') return profile.byline.face;
  const level = headingLevel(block);
  if (line.kind === 'heading' && level) return profile.headings[level - 1]!.face;
  return profile.body.face;
}

/**
 * The lines of one page of `doc` laid out in `profile`, as the preview draws them: the text of each line (a heading's
 * number before its first line, a run-in heading's lead in the heading's face), and how it is set. A full line (as
 * many grid units as the block holds) is justified, a paragraph's last line starts at the left, a title or byline
 * line is centred.
 */
export function previewLines(doc: PMNode, profile: ExportProfile, lines: readonly LayoutLine[]): PreviewLine[] {
  const grid = layoutGrid(profile);
  return lines.map((line) => {
    const block = doc.child(line.block);
    const text = block.textBetween(line.from, Math.min(line.to, block.content.size), undefined, '').replace(/\n/g, '');
    const face = faceOf(block, line, profile);
    const pieces: PreviewPiece[] = line.label ? [{ text: line.label, face }] : [];
    if (line.kind === 'run-in') {
      // The lead sentence is the heading, in its level's face; the rest of the paragraph is body text.
      const level = headingLevel(block);
      const lead = runInLeadLength(block.textBetween(0, block.content.size, undefined, '\n'));
      const headFace = profile.headings[level - 1]!.face;
      if (line.label) pieces[0]!.face = headFace;
      const cut = Math.max(0, Math.min(text.length, lead - line.from));
      if (cut) pieces.push({ text: text.slice(0, cut), face: headFace });
      if (cut < text.length) pieces.push({ text: text.slice(cut), face: profile.body.face });
    } else pieces.push({ text, face });
    let hang: PreviewPiece | undefined;
    const last = pieces.at(-1);
    if (line.hangs && last?.text) {
      hang = { text: last.text.slice(-1), face: last.face };
      last.text = last.text.slice(0, -1);
    }
    const centred = line.kind === 'title' || line.kind === 'byline';
    const first = line.from === 0;
    const indent = centred || line.kind === 'salutation' || !first ? 0 : 2;
    const width = line.kind === 'title' ? grid.titleCharsPerLine : grid.charsPerLine;
    const sizePt =
      line.kind === 'title'
        ? profile.title.sizePt
        : line.kind === 'byline'
          ? profile.byline.sizePt
          : profile.body.sizePt;
    const align = centred ? 'center' : line.units >= width ? 'justify' : 'start';
    return { pieces, align, indent, sizePt, ...(hang ? { hang } : {}) };
  });
}
