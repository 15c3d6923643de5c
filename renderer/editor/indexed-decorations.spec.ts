import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet, type DecorationSource } from '@tiptap/pm/view';
import { docOf } from '../../shared/document/test-docs';
import { indexed } from './indexed-decorations';

/** What a block's decorations draw, relative to the block: comparable whatever the set's shape. */
function drawn(source: DecorationSource): string[] {
  const out: string[] = [];
  source.forEachSet((set) => {
    for (const d of set.find()) out.push(`${d.from}-${d.to}:${JSON.stringify(d.spec)}`);
  });
  return out.sort();
}

/** A random speech: body paragraphs and headings with random text lengths. */
const blocks = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })).map(([level, length]) => {
    const text = '正文内容'.repeat(4).slice(0, length);
    return [level, text] as [number, string];
  }),
  { minLength: 1, maxLength: 40 },
);

/** Random decorations on a document: node decorations on blocks, inline ones inside them, and (optionally) across. */
function decorate(doc: PMNode, picks: number[], crossing: boolean): Decoration[] {
  const decorations: Decoration[] = [];
  doc.forEach((block, offset, index) => {
    const pick = picks[index % picks.length]!;
    if (pick & 1)
      decorations.push(Decoration.node(offset, offset + block.nodeSize, { 'data-n': `${index}` }, { index }));
    if (pick & 2 && block.content.size > 1)
      decorations.push(
        Decoration.inline(offset + 1, offset + 1 + (pick % block.content.size || 1), { class: 'x' }, { index }),
      );
  });
  if (crossing && doc.childCount > 1)
    decorations.push(Decoration.inline(1, doc.content.size - 1, { class: 'across' }, { across: true }));
  return decorations;
}

describe('indexed decoration sets', () => {
  it('give every block the decorations a plain DecorationSet gives it, with and without decorations across blocks', () => {
    fc.assert(
      fc.property(
        blocks,
        fc.array(fc.nat({ max: 15 }), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        (rows, picks, crossing) => {
          const doc = docOf(...rows);
          const set = DecorationSet.create(doc, decorate(doc, picks, crossing));
          const fast = indexed(set);
          expect(fast.find().map((d) => `${d.from}-${d.to}`)).toEqual(set.find().map((d) => `${d.from}-${d.to}`));
          // `eq` and `locals` are DecorationSource methods the view calls; DecorationSet's typings leave them out.
          const source = (s: DecorationSet) =>
            s as unknown as { eq(other: DecorationSet): boolean; locals(node: PMNode): Decoration[] };
          expect(source(fast).eq(set)).toBe(true);
          doc.forEach((block, offset) => {
            expect(drawn(fast.forChild(offset, block))).toEqual(drawn(set.forChild(offset, block)));
            expect(source(fast).locals(block)).toEqual(source(set).locals(block));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers the same object for the same set, and empty as it is', () => {
    const doc = docOf([1, '统一思想'], [0, '正文']);
    const set = DecorationSet.create(doc, [Decoration.node(0, doc.child(0).nodeSize, { 'data-number': '一、' })]);
    expect(indexed(set)).toBe(indexed(set));
    expect(indexed(indexed(set))).toBe(indexed(set));
    expect(indexed(DecorationSet.empty)).toBe(DecorationSet.empty);
    expect(indexed(undefined)).toBeUndefined();
  });
});
