/**
 * What the library panel shows of an entry: its blocks as numbered lines (title, 一、 headings with
 * their numbers, points, prompts), and what the save dialog offers: the section at the cursor.
 * Pure functions over the document, so they are tested without a DOM.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { docFromJSON, type NodeJSON } from '../../shared/document/file-format';
import { headingLabels, headingLevel } from '../../shared/document/numbering';
import { runInLeadLength } from '../../shared/document/run-in';
import { enumerationMarker } from '../../shared/document/enumeration';
import { blockIndexAt, enclosingHeading } from '../../shared/document/sections';
import { OUTLINE_PROMPT } from '../../shared/library/extract';

/** One line of an entry's preview. */
export interface PreviewLine {
  kind: 'title' | 'byline' | 'salutation' | 'heading' | 'point' | 'body';
  /** Heading level 1–4, else 0. */
  level: number;
  /** The heading's number (一、 （一） 1. （1）); empty for other lines. */
  label: string;
  /** A heading's or point's lead sentence, else the block's text. */
  text: string;
  /** Whether the line is (or ends in) a prompt to write (【此处写……】). */
  prompt: boolean;
}

const MAX_LINE = 80;

/** The preview of an entry's document; an invalid document previews as nothing. */
export function previewLines(json: NodeJSON): PreviewLine[] {
  let doc: PMNode;
  try {
    doc = docFromJSON(json);
  } catch {
    return [];
  }
  const labels = headingLabels(doc);
  const lines: PreviewLine[] = [];
  doc.forEach((block, _offset, index) => {
    const text = block.textContent;
    const prompt = text.includes(OUTLINE_PROMPT.slice(0, 4));
    const level = headingLevel(block);
    const lead = (value: string) => value.slice(0, runInLeadLength(value)).slice(0, MAX_LINE);
    if (block.type.name !== 'paragraph')
      lines.push({
        kind: block.type.name as PreviewLine['kind'],
        level: 0,
        label: '',
        text: text.slice(0, MAX_LINE),
        prompt,
      });
    else if (level)
      lines.push({
        kind: 'heading',
        level,
        label: labels.get(index) ?? '',
        text: block.attrs.runIn ? lead(text) : text.slice(0, MAX_LINE),
        prompt,
      });
    else if (enumerationMarker(text)) lines.push({ kind: 'point', level: 0, label: '', text: lead(text), prompt });
    else if (text.trim()) lines.push({ kind: 'body', level: 0, label: '', text: text.slice(0, MAX_LINE), prompt });
  });
  return lines;
}

/** The heading whose section holds position `pos` (the deepest), with its number and text, for "save this section". */
export function sectionAt(doc: PMNode, pos: number): { index: number; label: string; text: string } | undefined {
  const index = enclosingHeading(doc, blockIndexAt(doc, pos));
  if (index === undefined) return undefined;
  const block = doc.child(index);
  const text = block.attrs.runIn ? block.textContent.slice(0, runInLeadLength(block.textContent)) : block.textContent;
  return { index, label: headingLabels(doc).get(index) ?? '', text };
}

/** The name the save dialog suggests: the section's heading or the speech's title, without closing punctuation. */
export function suggestedName(doc: PMNode, section?: { text: string }): string {
  let title = '';
  doc.forEach((block) => {
    if (!title && block.type.name === 'title') title = block.textContent;
  });
  return (section?.text ?? title).replace(/[。！？!?，,；;：:\s]+$/u, '').slice(0, 100);
}
