/**
 * Where the printed pages start in the editor's document, and which page a position is on (issue 14). The pages come
 * from `layoutSpeech` (shared/layout), never from measuring the screen: the status bar's 第 N 页 / 共 M 页 and the
 * page boundaries drawn over the page read these, so they agree with the DOCX and the PDF.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { SpeechLayout } from '../../shared/layout/page-layout';

/**
 * The document position of each page's first character, in page order (the first page's is the first block's text
 * start). A layout line's `from` counts a line break as one character, and so does the document (every inline leaf
 * is one position wide), so a block's text offset is its content start plus `from`. `layout` must be `doc`'s.
 */
export function pageStarts(doc: PMNode, layout: SpeechLayout): number[] {
  const blockStart: number[] = [];
  doc.forEach((_block, offset) => blockStart.push(offset));
  const starts: number[] = [];
  for (const page of layout.pages) {
    const first = page.lines[0];
    // A page with no lines is only the empty speech's one page: it starts where the text would.
    starts.push(first ? blockStart[first.block]! + 1 + first.from : 1);
  }
  return starts;
}

/**
 * The page (0-based) that holds document position `pos`, given the pages' `starts` (ascending, as `pageStarts`
 * answers): the last page starting at or before `pos`, and the first page for positions before every start. A
 * position exactly at a page's start is on that page, as a caret before its first character is. With no starts, 0.
 */
export function pageAt(starts: readonly number[], pos: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= pos) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
