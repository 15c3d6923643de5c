/**
 * A block's inline content between two text offsets, as pieces an exporter writes out: text runs
 * and line breaks. Offsets count a line break as one character, as `textBetween(…, '\n')` does, so
 * a run-in heading's lead length cuts at the same place in every format.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { TextLine } from '../layout/line-break';

/**
 * A piece of a block's inline content: text, or a line break. `laidOut` marks a break the layout put in (the
 * title's), not one the user typed: the DOCX writes it so that an import of our own file leaves it out.
 */
export type InlinePiece = { text: string } | { lineBreak: true; laidOut?: true };

export function inlinePieces(block: PMNode, from = 0, to = block.content.size): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let offset = 0;
  block.forEach((child) => {
    const start = offset;
    offset += child.isText ? child.text!.length : 1;
    const a = Math.max(from, start);
    const b = Math.min(to, offset);
    if (b <= a) return;
    if (child.isText) pieces.push({ text: child.text!.slice(a - start, b - start) });
    else if (child.type.name === 'hardBreak') pieces.push({ lineBreak: true });
  });
  return pieces;
}

/**
 * A block's inline content set as the given lines: the pieces of each line, and a line break between two lines
 * where the text has none of its own. The title is written this way, so the DOCX and the PDF break it where the
 * layout did (shared/layout/title-break.ts) instead of wherever their reader's line breaker would.
 */
export function linePieces(block: PMNode, lines: readonly TextLine[]): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  lines.forEach((line, i) => {
    const own = inlinePieces(block, line.from, line.to);
    pieces.push(...own);
    const last = own.at(-1);
    if (i < lines.length - 1 && !(last && 'lineBreak' in last)) pieces.push({ lineBreak: true, laidOut: true });
  });
  return pieces;
}
