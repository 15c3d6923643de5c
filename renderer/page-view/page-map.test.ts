import { describe, expect, it } from 'vitest';
import { docOf } from '../../shared/document/test-docs';
import { PROFILES } from '../../shared/export/profiles';
import { layoutSpeech } from '../../shared/layout/page-layout';
import { pageAt, pageStarts } from './page-map';

const SENTENCE = '各级各部门要从讲政治的高度，把思想和行动统一到市委、市政府的决策部署上来。';

/** A speech of `n` body paragraphs of three sentences each: about three lines a paragraph, seven a page. */
const speech = (n: number) =>
  docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    ['salutation', '同志们：'],
    ...Array.from({ length: n }, (_, i) => [0, `${i}${SENTENCE.repeat(3)}`] as [number, string]),
  );

describe('where the pages start in the document', () => {
  it('is the document position of each page’s first laid-out character', () => {
    const doc = speech(40);
    const layout = layoutSpeech(doc, PROFILES.gbt9704);
    expect(layout.pages.length).toBeGreaterThan(3);
    const starts = pageStarts(doc, layout);
    expect(starts).toHaveLength(layout.pages.length);
    expect(starts[0]).toBe(1);
    layout.pages.forEach((page, i) => {
      const first = page.lines[0]!;
      const block = doc.child(first.block);
      // The ten characters the page starts with, read from the layout's own block text and from the position.
      const expected = block.textBetween(first.from, Math.min(first.from + 10, block.content.size));
      expect(doc.textBetween(starts[i]!, starts[i]! + expected.length)).toBe(expected);
    });
  });

  it('counts a line break inside a block as one character, as the layout does', () => {
    const doc = docOf(['title', '第一行\n第二行'], [0, SENTENCE.repeat(40)]);
    const layout = layoutSpeech(doc, PROFILES.gbt9704);
    const starts = pageStarts(doc, layout);
    const first = layout.pages[1]!.lines[0]!;
    const block = doc.child(first.block);
    expect(doc.textBetween(starts[1]!, starts[1]! + 10)).toBe(block.textBetween(first.from, first.from + 10));
  });

  it('gives an empty speech one page, starting where its text would', () => {
    const doc = docOf(['title', '']);
    expect(pageStarts(doc, layoutSpeech(doc, PROFILES.gbt9704))).toEqual([1]);
  });
});

describe('which page the caret is on', () => {
  const starts = [1, 500, 900, 1400];

  it('is the last page starting at or before it', () => {
    expect(pageAt(starts, 1)).toBe(0);
    expect(pageAt(starts, 499)).toBe(0);
    expect(pageAt(starts, 500)).toBe(1);
    expect(pageAt(starts, 899)).toBe(1);
    expect(pageAt(starts, 900)).toBe(2);
    expect(pageAt(starts, 1399)).toBe(2);
    expect(pageAt(starts, 1400)).toBe(3);
    expect(pageAt(starts, 99_999)).toBe(3);
  });

  it('is the first page before every start (the position before the first block) and with no pages', () => {
    expect(pageAt(starts, 0)).toBe(0);
    expect(pageAt([], 10)).toBe(0);
  });

  it('agrees with a walk over every page start, position by position', () => {
    const doc = speech(30);
    const all = pageStarts(doc, layoutSpeech(doc, PROFILES.gbt9704));
    for (let pos = 0; pos <= doc.content.size; pos++) {
      let page = 0;
      all.forEach((start, i) => {
        if (start <= pos) page = i;
      });
      expect(pageAt(all, pos)).toBe(page);
    }
  });
});
