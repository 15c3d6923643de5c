/**
 * Styles the lead sentence of a run-in heading as the heading ("（一）充分认识……的重要意义。" in 楷体,
 * the rest of the paragraph in the body face). The lead is computed from the text
 * (`runInLeadLength`), so it follows edits; block-styles.ts draws it, decorating again only the blocks a
 * transaction touched (DESIGN.md, decision 6).
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { Decoration } from '@tiptap/pm/view';
import { headingLevel } from '../../../shared/document/numbering';
import { runInLeadLength } from '../../../shared/document/run-in';

/** The CSS class of the lead sentence of a run-in heading. */
export const RUN_IN_LEAD_CLASS = 'run-in-lead';

/** The decoration of a run-in heading's lead sentence, or undefined for any other block or an empty one. */
export function leadDecoration(block: PMNode, pos: number): Decoration | undefined {
  const level = headingLevel(block);
  if (!level || !block.attrs.runIn || block.content.size === 0) return undefined;
  // Text offsets equal positions inside a block with no non-text inline nodes; a line break
  // counts as one character in textBetween with a one-character separator.
  const text = block.textBetween(0, block.content.size, undefined, '\n');
  const length = runInLeadLength(text);
  return Decoration.inline(pos + 1, pos + 1 + length, { class: `${RUN_IN_LEAD_CLASS} level-${level}` });
}
