import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from '@tiptap/pm/model';
import { docOf, type BlockSpec } from '../document/test-docs';
import { PROFILES } from '../export/profiles';
import { blockLines, layoutGrid, layoutSpeech, type SpeechLayout } from './page-layout';

const SENTENCE = '各级各部门要从讲政治的高度，把思想和行动统一到市委、市政府的决策部署上来。';

/** Speeches of headings (own line or run in) and paragraphs from one to eight lines long. */
const block: fc.Arbitrary<BlockSpec> = fc.oneof(
  fc.integer({ min: 1, max: 8 }).map((n): BlockSpec => [0, SENTENCE.repeat(n).slice(0, n * 26)]),
  fc.integer({ min: 1, max: 3 }).map((level): BlockSpec => [level, '统一思想认识，切实增强做好工作的责任感紧迫感']),
  fc
    .integer({ min: 1, max: 3 })
    .map((n): BlockSpec => [2, `充分认识做好工作的重要意义。${SENTENCE.repeat(n)}`, 'runIn']),
);
const speech = fc
  .array(block, { minLength: 5, maxLength: 60 })
  .map((blocks) => docOf(['title', '在全市数字化政府建设工作会议上的讲话'], ['salutation', '同志们：'], ...blocks));

/** The text each block gets back from the layout's lines, in page order. */
function placedText(doc: PMNode, layout: SpeechLayout): string[] {
  const out = Array.from({ length: doc.childCount }, () => '');
  for (const page of layout.pages)
    for (const line of page.lines)
      out[line.block] += doc.child(line.block).textBetween(line.from, line.to, undefined, '\n');
  return out;
}

describe('the grid of each profile', () => {
  it('is 22 lines × 28 characters for 公文 and 讲话稿, and what the page holds for 大字版', () => {
    expect(layoutGrid(PROFILES.gbt9704)).toEqual({ linesPerPage: 22, charsPerLine: 28, titleCharsPerLine: 20 });
    expect(layoutGrid(PROFILES.speech)).toEqual({ linesPerPage: 22, charsPerLine: 28, titleCharsPerLine: 20 });
    // 247 mm over 39.6 pt lines; 160 mm over 22 pt characters; 26 pt title characters.
    expect(layoutGrid(PROFILES.large)).toEqual({ linesPerPage: 17, charsPerLine: 20, titleCharsPerLine: 17 });
  });
});

describe('laying out a speech onto pages', () => {
  it('places every character of every block once, in order, within the grid', () => {
    fc.assert(
      fc.property(speech, fc.constantFrom('gbt9704', 'large') as fc.Arbitrary<'gbt9704' | 'large'>, (doc, id) => {
        const layout = layoutSpeech(doc, PROFILES[id]);
        expect(placedText(doc, layout)).toEqual(
          Array.from({ length: doc.childCount }, (_, i) =>
            doc.child(i).textBetween(0, doc.child(i).content.size, undefined, '\n'),
          ),
        );
        const order = layout.pages.flatMap((page) => page.lines.map((line) => [line.block, line.from] as const));
        const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(order).toEqual(sorted);
        for (const page of layout.pages) {
          expect(page.lines.length).toBeGreaterThan(0);
          expect(page.lines.length).toBeLessThanOrEqual(layout.grid.linesPerPage);
          for (const line of page.lines)
            expect(line.units).toBeLessThanOrEqual(
              line.kind === 'title' ? layout.grid.titleCharsPerLine : layout.grid.charsPerLine,
            );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the rules: no heading at a page foot or split across pages, no lone first or last line', () => {
    fc.assert(
      fc.property(speech, fc.constantFrom('gbt9704', 'large') as fc.Arbitrary<'gbt9704' | 'large'>, (doc, id) => {
        const layout = layoutSpeech(doc, PROFILES[id]);
        const { pages } = layout;
        const linesOf = (block: number) => pages.flatMap((page) => page.lines).filter((l) => l.block === block).length;
        /** The lines that must share `block`'s page: it, the headings after it, and the next text's start. */
        const chain = (block: number): number => {
          const kind = pages.flatMap((page) => page.lines).find((l) => l.block === block)?.kind;
          if (kind === undefined) return 0;
          if (kind !== 'heading') return Math.min(linesOf(block), linesOf(block) <= 3 ? 3 : 2);
          return linesOf(block) + chain(block + 1);
        };
        pages.forEach((page, p) => {
          const last = page.lines.at(-1)!;
          const first = page.lines[0]!;
          // Only a run of headings longer than a page (kept together on none) may leave one at a page's foot.
          const keepable = chain(last.block) <= layout.grid.linesPerPage;
          if (p < pages.length - 1 && keepable)
            expect(last.kind, `page ${p + 1} ends with a heading`).not.toBe('heading');
          if (p > 0) {
            const previous = pages[p - 1]!.lines.at(-1)!;
            if (previous.block === first.block) {
              expect(first.kind, `page ${p + 1} splits a heading`).not.toBe('heading');
              // The block's lines on this page: one alone would be its last line, a widow.
              const rest = page.lines.filter((line) => line.block === first.block).length;
              expect(rest, `page ${p + 1} starts with a lone last line`).toBeGreaterThan(1);
              // Orphan control, as w:widowControl in our DOCX makes a word processor do: the block's first line
              // never stands alone at the foot of the page before.
              const before = pages[p - 1]!.lines.filter((line) => line.block === first.block).length;
              const starts = pages[p - 1]!.lines.find((line) => line.block === first.block)!.from === 0;
              if (starts) expect(before, `page ${p} ends with a lone first line`).toBeGreaterThan(1);
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('breaks a run of headings longer than a page where it must, not one heading a page', () => {
    // An outline with no text yet, in large print (17 lines a page): twelve two-line headings and a paragraph. The
    // run cannot be kept together on any page; each heading had a page of its own ([3, 2, 2, 2, 2, 2, 17, 3]).
    const heading = '统一思想认识，切实增强做好工作的责任感紧迫感';
    const doc = docOf(
      ['title', '在全市数字化政府建设工作会议上的讲话'],
      ['salutation', '同志们：'],
      ...Array.from({ length: 12 }, (): BlockSpec => [1, heading]),
      [0, SENTENCE.repeat(3)],
    );
    const { pages } = layoutSpeech(doc, PROFILES.large);
    expect(pages.map((page) => page.lines.length)).toEqual([13, 17, 3]);
  });

  it('fills pages: a page ends early only for a keep rule, by at most what the rule moves', () => {
    const doc = docOf(...Array.from({ length: 40 }, (): BlockSpec => [0, SENTENCE.repeat(3)]));
    const { pages } = layoutSpeech(doc, PROFILES.gbt9704);
    for (const page of pages.slice(0, -1)) expect(page.lines.length).toBeGreaterThanOrEqual(21);
  });

  it('lays a block out once: an edit breaks only the blocks it replaced', () => {
    const doc = docOf(['title', '讲话'], [1, '统一思想'], [0, SENTENCE.repeat(5)], [0, SENTENCE]);
    const grid = layoutGrid(PROFILES.gbt9704);
    const before = blockLines(doc.child(2), '', grid);
    const edited = doc.replace(
      doc.child(0).nodeSize + doc.child(1).nodeSize + doc.child(2).nodeSize + 1,
      doc.content.size - 1,
      docOf([0, '新的一句。']).slice(1, 6),
    );
    expect(edited.child(2)).toBe(doc.child(2));
    expect(blockLines(edited.child(2), '', grid)).toBe(before);
    expect(blockLines(edited.child(3), '', grid)).not.toBe(blockLines(doc.child(3), '', grid));
  });
});
