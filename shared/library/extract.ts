/**
 * What goes into a library entry: the whole speech or one section, either with its full text or as
 * an outline. An outline keeps the structure a writer reuses — the title and byline lines, the
 * salutation, every heading, every enumerated point (一要/一是/第一/首先) with its lead sentence —
 * and replaces body text with a one-line prompt, 【此处写……】. Pure functions over ProseMirror
 * nodes that answer node JSON.
 */
import type { Fragment, Node as PMNode } from '@tiptap/pm/model';
import type { NodeJSON } from '../document/file-format';
import { headingLevel } from '../document/numbering';
import { RUN_IN_TERMINATORS, runInLeadLength } from '../document/run-in';
import { enumerationMarker } from '../document/enumeration';
import { sectionBounds } from '../document/sections';
import { DIGIT, NUMERAL_CHAR } from '../import/patterns';
import type { EntryKind } from './entry';

/** The prompt that stands in for body text in an outline. */
export const OUTLINE_PROMPT = '【此处写……】';

/** The openings of a paragraph that turns to the audience, which never continues the point before it. */
const ADDRESS = /^(同志们|各位|朋友们|女士们|老师们|同学们)/;

/**
 * A body paragraph that starts with a number typed by hand, as a heading's label would read
 * (（一）加强领导。… / 一、… / 1.抓好项目。… / （1）…): a point of its own, never the body of the one before.
 */
const TYPED_NUMBER = new RegExp(
  `^\\s*(（${NUMERAL_CHAR}+）|${NUMERAL_CHAR}+、|（${DIGIT}+）|${DIGIT}+[.．、](?!${DIGIT}))`,
);

/** A run of top-level blocks, by index: [start, end). */
export interface BlockRange {
  start: number;
  end: number;
}

/** The blocks of the section headed by block `index`, or undefined when that block is not a heading. */
export function sectionRange(doc: PMNode, index: number): BlockRange | undefined {
  const bounds = Number.isInteger(index) ? sectionBounds(doc, index) : undefined;
  return bounds && { start: bounds.start, end: bounds.end };
}

function clampRange(doc: PMNode, range: BlockRange | undefined): BlockRange {
  if (!range) return { start: 0, end: doc.childCount };
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), doc.childCount) : 0);
  const start = clamp(range.start);
  return { start, end: Math.max(start, clamp(range.end)) };
}

const promptParagraph = (): NodeJSON => ({
  type: 'paragraph',
  attrs: { level: 0, runIn: false },
  content: [{ type: 'text', text: OUTLINE_PROMPT }],
});

/** A document of `blocks`, or of one prompt when there are none (a document has at least one block). */
function docOfBlocks(blocks: NodeJSON[]): NodeJSON {
  return { type: 'doc', content: blocks.length ? blocks : [promptParagraph()] };
}

/**
 * The full text of the section headed by block `index` (the heading, its body and its
 * subsections), as a document; undefined when that block is not a heading.
 */
export function sectionSlice(doc: PMNode, index: number): NodeJSON | undefined {
  const range = sectionRange(doc, index);
  if (!range) return undefined;
  const blocks: NodeJSON[] = [];
  for (let i = range.start; i < range.end; i++) blocks.push(doc.child(i).toJSON() as NodeJSON);
  return docOfBlocks(blocks);
}

/**
 * The inline content of `block` up to the end of its lead sentence (what a run-in heading or an
 * enumerated point shows in the outline), marks kept, followed by the prompt. A lead that has no
 * full stop gets one, so that the prompt reads as the body after it.
 */
function leadWithPrompt(block: PMNode): NodeJSON[] {
  // One character per position: text as itself, a line break as one stand-in character.
  const flat = block.textBetween(0, block.content.size, '', '\ufffc');
  const leadLength = runInLeadLength(flat);
  const lead: Fragment = block.content.cut(0, leadLength);
  const leadText = flat.slice(0, leadLength).trimEnd();
  const stop = [...RUN_IN_TERMINATORS].some((mark) => leadText.includes(mark)) || !leadText ? '' : '。';
  const content = (lead.toJSON() as NodeJSON[] | null) ?? [];
  return [...content, { type: 'text', text: `${stop}${OUTLINE_PROMPT}` }];
}

/**
 * The outline of `doc`, or of the blocks in `range`: titles, bylines and salutations as they are;
 * the closing remarks as one closing prompt;
 * own-line headings as they are; a run-in heading, an enumerated point or a body paragraph that
 * starts with a typed number (（一）…, 1.…) as its lead sentence and
 * the prompt (its body and the body paragraphs that continue it are dropped, up to one that turns
 * to the audience, 同志们，…); every other run of body paragraphs as one prompt paragraph. Heading levels are kept, so
 * numbering is unchanged.
 */
export function extractOutline(doc: PMNode, range?: BlockRange): NodeJSON {
  const { start, end } = clampRange(doc, range);
  const blocks: NodeJSON[] = [];
  // A run of body paragraphs not yet replaced by its prompt.
  let pendingBody = false;
  // The last kept block carries its own prompt: body right after it continues it.
  let carriesPrompt = false;
  const flush = () => {
    if (pendingBody) blocks.push(promptParagraph());
    pendingBody = false;
  };
  for (let i = start; i < end; i++) {
    const block = doc.child(i);
    // The closing remarks become one closing prompt: next year's closing is written anew.
    if (block.type.name === 'closing') {
      flush();
      if (blocks.at(-1)?.type !== 'closing')
        blocks.push({ type: 'closing', content: [{ type: 'text', text: OUTLINE_PROMPT }] });
      carriesPrompt = false;
      continue;
    }
    if (block.type.name !== 'paragraph') {
      flush();
      blocks.push(block.toJSON() as NodeJSON);
      carriesPrompt = false;
      continue;
    }
    const level = headingLevel(block);
    if (level && !block.attrs.runIn) {
      flush();
      blocks.push({ type: 'paragraph', attrs: { level, runIn: false }, ...contentOf(block) });
      carriesPrompt = false;
    } else if (level || enumerationMarker(block.textContent) || TYPED_NUMBER.test(block.textContent)) {
      flush();
      blocks.push({ type: 'paragraph', attrs: { level, runIn: Boolean(level) }, content: leadWithPrompt(block) });
      carriesPrompt = true;
    } else if (block.textContent.trim()) {
      // A paragraph that turns to the audience (同志们，…) starts a new part: the closing words.
      if (ADDRESS.test(block.textContent.trimStart())) carriesPrompt = false;
      if (!carriesPrompt) pendingBody = true;
    }
  }
  flush();
  return docOfBlocks(blocks);
}

function contentOf(block: PMNode): { content?: NodeJSON[] } {
  const content = block.content.toJSON() as NodeJSON[] | null;
  return content && content.length ? { content } : {};
}

/** What to keep: the whole speech or the section headed by a block, as an outline or in full. */
export interface EntryContentOptions {
  kind: EntryKind;
  /** The index of the heading whose section to keep; the whole speech when absent. */
  section?: number;
}

/**
 * The document a new library entry keeps. Undefined when `section` is given but that block is not
 * a heading.
 */
export function entryContent(doc: PMNode, options: EntryContentOptions): NodeJSON | undefined {
  let range: BlockRange | undefined;
  if (options.section !== undefined) {
    range = sectionRange(doc, options.section);
    if (!range) return undefined;
  }
  if (options.kind === 'outline') return extractOutline(doc, range);
  if (!range) return doc.toJSON() as NodeJSON;
  return sectionSlice(doc, range.start);
}
