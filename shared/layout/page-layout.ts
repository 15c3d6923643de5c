/**
 * The one layout of a speech (DESIGN.md decision 9; issue 14): a document and a profile in, pages of lines out,
 * each line a text range of one block. The grid is the profile's (公文/讲话稿 22 lines × 28 characters; 大字版
 * what its page, size and spacing hold), lines break by ./line-break.ts and the title by ./title-break.ts, and
 * the keep rules decide where pages end: a heading on its own line is never the last line of a page, no heading
 * ends with a single character alone, no paragraph's last line stands alone at the top of a page. Pure: no DOM,
 * no Node. A block's lines are cached by its node (ProseMirror nodes are immutable and shared between versions),
 * so laying out again after an edit breaks only the blocks the edit replaced.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { HeadingCounter, headingLevel } from '../document/numbering';
import type { ExportProfile } from '../export/profiles';
import { breakLines, charUnits, type TextLine } from './line-break';
import { breakTitle } from './title-break';

const MM_PER_PT = 25.4 / 72;

/** A profile's character grid: lines a page, characters (full-width units) a body line, and a title line's. */
export interface LayoutGrid {
  linesPerPage: number;
  charsPerLine: number;
  titleCharsPerLine: number;
}

/**
 * The grid of a profile: its own when it sets one (GB/T 9704: 22 × 28), else what the text block holds at the
 * body size and line spacing (大字版 at 22 pt on 39.6 pt in 160 × 247 mm: 17 lines of 20). A title line holds
 * the block's width at the title's size.
 */
export function layoutGrid(profile: ExportProfile): LayoutGrid {
  const width = 210 - profile.margins.left - profile.margins.right;
  const height = 297 - profile.margins.top - profile.margins.bottom;
  const fits = (mm: number, pt: number) => Math.floor(mm / (pt * MM_PER_PT) + 1e-6);
  return {
    linesPerPage: profile.grid?.lines ?? fits(height, profile.lineSpacingPt),
    charsPerLine: profile.grid?.chars ?? fits(width, profile.body.sizePt),
    titleCharsPerLine: fits(width, profile.title.sizePt),
  };
}

/** How a block's lines are set: the kind decides indent, alignment and the keep rules. */
export type LineKind = 'title' | 'byline' | 'salutation' | 'body' | 'heading' | 'run-in' | 'closing';

/** One laid-out line: block `block`'s text [from, to) (a line break counts one), and where it sits. */
export interface LayoutLine {
  block: number;
  from: number;
  to: number;
  /** Grid units the line fills, indent and number label included. */
  units: number;
  /** The first line of a numbered heading carries its label (一、, （一）…), which is not in the text. */
  label?: string;
  /** The line's last mark hangs past the grid's end (./line-break.ts HANGING), outside `units`. */
  hangs?: true;
  kind: LineKind;
}

/** A page: its lines, top to bottom, at most the grid's lines a page. */
export interface LayoutPage {
  lines: LayoutLine[];
}

/** The speech laid out: its grid and pages. */
export interface SpeechLayout {
  grid: LayoutGrid;
  pages: LayoutPage[];
}

interface BlockLines {
  kind: LineKind;
  label: string;
  lines: TextLine[];
}

const cache = new WeakMap<PMNode, Map<string, BlockLines>>();

/** A block's kind for layout: its node type, or a heading on its own line or run in. */
function kindOf(block: PMNode): LineKind {
  switch (block.type.name) {
    case 'title':
      return 'title';
    case 'byline':
      return 'byline';
    case 'salutation':
      return 'salutation';
    case 'closing':
      return 'closing';
  }
  const level = headingLevel(block);
  if (!level) return 'body';
  return block.attrs.runIn ? 'run-in' : 'heading';
}

/** The lines of one block, from the cache when the same node was laid out with the same label and grid. */
export function blockLines(block: PMNode, label: string, grid: LayoutGrid): BlockLines {
  const key = `${label}|${grid.charsPerLine}|${grid.titleCharsPerLine}`;
  let byKey = cache.get(block);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const kind = kindOf(block);
  const text = block.textBetween(0, block.content.size, undefined, '\n');
  const labelUnits = [...label].reduce((sum, ch) => sum + charUnits(ch), 0);
  let lines: TextLine[];
  if (kind === 'title') lines = titleLines(text, grid.titleCharsPerLine);
  else {
    const indent = kind === 'byline' || kind === 'salutation' ? 0 : 2;
    lines = breakLines(text, grid.charsPerLine, indent + labelUnits, { noLoneLast: kind === 'heading' });
  }
  const result = { kind, label, lines };
  if (!byKey) cache.set(block, (byKey = new Map()));
  byKey.set(key, result);
  return result;
}

/** A title's lines: each line the user broke with a line break is broken again, at words, if too long. */
function titleLines(text: string, width: number): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    const end = start + part.length;
    const hasBreak = end < text.length;
    for (const line of breakTitle(part, width)) lines.push({ ...line, from: line.from + start, to: line.to + start });
    if (hasBreak) lines[lines.length - 1]!.to += 1;
    start = end + 1;
  }
  return lines;
}

/**
 * The label a block's first line carries in `profile`: its heading number from `counter` (advanced), when it is a
 * heading of a numbered level, else ''. Whoever fills the line cache ahead of `layoutSpeech` labels blocks by this,
 * so the cache answers it.
 */
export function layoutLabel(block: PMNode, profile: ExportProfile, counter: HeadingCounter): string {
  const level = headingLevel(block);
  return level && level <= profile.numberedLevels ? counter.next(level) : '';
}

/**
 * Lays out `doc` in `profile`: every block's lines, in order, onto pages of the grid's lines. Where the keep rules
 * move a break, the page ends early (its remaining lines stay empty), as a word processor's keep rules do.
 */
export function layoutSpeech(doc: PMNode, profile: ExportProfile): SpeechLayout {
  const grid = layoutGrid(profile);
  const counter = new HeadingCounter();
  const blocks: Array<{ index: number } & BlockLines> = [];
  doc.forEach((block, _offset, index) => {
    blocks.push({ index, ...blockLines(block, layoutLabel(block, profile, counter), grid) });
  });
  // The lines block b needs on a page for its start to stay there, as a word processor's keep rules give them
  // for our DOCX (shared/export/docx.ts): a heading (or the title) all its lines (w:keepLines) and what the block
  // after it needs, since it keeps with it (w:keepNext); any other paragraph what widow and orphan control
  // (w:widowControl) leave it: its first line never alone at the foot, its last never alone at the top, so a
  // paragraph of up to three lines starts on a page only whole, a longer one with its first two lines.
  const need = (b: number): number => {
    const block = blocks[b];
    if (!block) return 0;
    const n = block.lines.length;
    if (block.kind === 'heading') {
      // A run of headings too long to keep together on any page (an outline with no text yet, in large print) keeps
      // nothing: each heading goes where it fits, as a word processor breaks such a chain, instead of one a page.
      const chain = n + need(b + 1);
      return chain > grid.linesPerPage ? n : chain;
    }
    if (block.kind === 'title') return n;
    return n <= 3 ? n : 2;
  };
  const pages: LayoutPage[] = [{ lines: [] }];
  const room = () => grid.linesPerPage - pages.at(-1)!.lines.length;
  const atTop = () => pages.at(-1)!.lines.length === 0;
  blocks.forEach((block, b) => {
    const n = block.lines.length;
    if (!atTop() && room() < need(b)) pages.push({ lines: [] });
    block.lines.forEach((line, i) => {
      // A paragraph's last line is never alone at the top of a page: when the line before it would end this page,
      // both go to the next.
      const widow = n >= 3 && i === n - 2 && room() === 1;
      if (room() === 0 || (widow && !atTop())) pages.push({ lines: [] });
      pages.at(-1)!.lines.push({
        block: block.index,
        from: line.from,
        to: line.to,
        units: line.units,
        kind: block.kind,
        ...(line.hangs ? { hangs: true as const } : {}),
        ...(i === 0 && block.label ? { label: block.label } : {}),
      });
    });
  });
  if (!pages.at(-1)!.lines.length && pages.length > 1) pages.pop();
  return { grid, pages };
}

/** The title block's lines in `profile`: where the DOCX and the PDF break it (issue 14, item 5). */
export function titleLinesOf(block: PMNode, profile: ExportProfile): TextLine[] {
  return blockLines(block, '', layoutGrid(profile)).lines;
}
