import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_COMPARE_CELLS,
  compareBlocks,
  compareDocs,
  comparedBlocks,
  diffText,
  formatChanged,
  sharedCharacterShare,
  type ComparedBlock,
  type CompareRow,
  type TextPart,
} from './compare';
import { headingLabels } from './numbering';
import { docOf, markedPair, type BlockSpec } from './test-docs';

const json = (...blocks: BlockSpec[]) => docOf(...blocks).toJSON();
const kinds = (rows: CompareRow[]) => rows.map((row) => row.kind);
const beforeOf = (rows: CompareRow[]) => rows.flatMap((row) => (row.kind === 'added' ? [] : [row.before]));
const afterOf = (rows: CompareRow[]) => rows.flatMap((row) => (row.kind === 'removed' ? [] : [row.after]));
/** One side's text from a diff's parts: all but those of kind `without` (the added ones, for the old text). */
const partsText = (parts: TextPart[], without: 'added' | 'removed') =>
  parts
    .filter((p) => p.kind !== without)
    .map((p) => p.text)
    .join('');

describe('comparedBlocks', () => {
  it('reads kind, level, run-in, formatting and text, hard breaks as newlines', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: '上' }, { type: 'hardBreak' }, { type: 'text', text: '下' }] },
        { type: 'paragraph', attrs: { level: 2, runIn: true } },
      ],
    };
    expect(comparedBlocks(doc)).toEqual([
      { type: 'title', level: 0, runIn: false, format: '', text: '上\n下' },
      { type: 'paragraph', level: 2, runIn: true, format: '', text: '', label: '（一）' },
    ]);
    const marked = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '做好' },
            { type: 'text', text: 'X光', marks: [{ type: 'notPlaceholder' }] },
          ],
        },
      ],
    };
    expect(comparedBlocks(marked)[0]).toMatchObject({ text: '做好X光', format: '2-4:[{"type":"notPlaceholder"}]' });
  });

  it('numbers each heading as the editor does, from its position in its own version', () => {
    const doc = docOf(
      ['title', '讲话'],
      [1, '统一思想'],
      [2, '认识'],
      [3, '加强领导。正文', 'runIn'],
      [4, '细则'],
      [4, '又一条'],
      [2, '再认识'],
      [0, '正文'],
      [1, '强化落实'],
    );
    const labels = comparedBlocks(doc.toJSON()).map((block) => block.label);
    expect(labels).toEqual([undefined, '一、', '（一）', '1.', '（1）', '（2）', '（二）', undefined, '二、']);
    // The same labels the editor, the outline and the exporters draw.
    expect(labels.filter(Boolean)).toEqual([...headingLabels(doc).values()]);
    // A level on a block that is no paragraph, or out of range, numbers nothing.
    const odd = {
      type: 'doc',
      content: [
        { type: 'title', attrs: { level: 1 } },
        { type: 'paragraph', attrs: { level: 7 } },
      ],
    };
    expect(comparedBlocks(odd).map((b) => b.label)).toEqual([undefined, undefined]);
  });

  it('keeps a heading renumbered by a section added before it the same block, with the number of each side', () => {
    const result = compareDocs(
      json([1, '统一思想'], [1, '强化落实']),
      json([1, '新增一节'], [1, '统一思想'], [1, '强化落实']),
    );
    expect(kinds(result.rows)).toEqual(['added', 'same', 'same']);
    const numbers = result.rows.map((row) => [
      row.kind === 'added' ? undefined : row.before.label,
      row.kind === 'removed' ? undefined : row.after.label,
    ]);
    expect(numbers).toEqual([
      [undefined, '一、'],
      ['一、', '二、'],
      ['二、', '三、'],
    ]);
  });
});

describe('compareDocs', () => {
  it('finds nothing between identical versions', () => {
    const result = compareDocs(json(['title', '讲话'], [0, '正文']), json(['title', '讲话'], [0, '正文']));
    expect(result).toMatchObject({ identical: true, added: 0, removed: 0, changed: 0 });
    expect(kinds(result.rows)).toEqual(['same', 'same']);
  });

  it('shows an edited paragraph as changed, with the characters added and removed', () => {
    const result = compareDocs(
      json(['title', '讲话'], [0, '要抓好项目建设。'], [0, '谢谢大家！']),
      json(['title', '讲话'], [0, '要全力抓好重大项目建设。'], [0, '谢谢大家！']),
    );
    expect(kinds(result.rows)).toEqual(['same', 'changed', 'same']);
    expect(result).toMatchObject({ identical: false, changed: 1, added: 0, removed: 0 });
    const row = result.rows[1]!;
    expect(row.kind === 'changed' && row.parts).toEqual([
      { kind: 'same', text: '要' },
      { kind: 'added', text: '全力' },
      { kind: 'same', text: '抓好' },
      { kind: 'added', text: '重大' },
      { kind: 'same', text: '项目建设。' },
    ]);
  });

  it('shows inserted and deleted paragraphs as added and removed, in document order', () => {
    const result = compareDocs(
      json(['title', '讲话'], [0, '甲段内容'], [0, '乙段内容'], [0, '丙段内容']),
      json(['title', '讲话'], [0, '甲段内容'], [1, '新的标题'], [0, '丙段内容'], [0, '丁段：完全不同']),
    );
    expect(kinds(result.rows)).toEqual(['same', 'same', 'removed', 'added', 'same', 'added']);
    expect(result).toMatchObject({ added: 2, removed: 1, changed: 0 });
  });

  it('shows a heading moved to another level as changed, its text kept', () => {
    const result = compareDocs(json([1, '统一思想']), json([2, '统一思想']));
    expect(result.rows).toEqual([
      {
        kind: 'changed',
        before: { type: 'paragraph', level: 1, runIn: false, format: '', text: '统一思想', label: '一、' },
        after: { type: 'paragraph', level: 2, runIn: false, format: '', text: '统一思想', label: '（一）' },
        parts: [{ kind: 'same', text: '统一思想' }],
      },
    ]);
  });

  it('shows a run-in or formatting change alone as changed, saying what changed', () => {
    const runIn = compareDocs(json([2, '一要抓落实。要真抓实干。']), json([2, '一要抓落实。要真抓实干。', 'runIn']));
    expect(runIn).toMatchObject({ identical: false, changed: 1 });
    const row = runIn.rows[0]!;
    expect(row.kind === 'changed' && formatChanged(row.before, row.after)).toEqual({
      level: false,
      runIn: true,
      format: false,
    });
    const { plain, marked } = markedPair();
    const formatted = compareDocs(plain, marked);
    expect(formatted).toMatchObject({ identical: false, changed: 1, added: 0, removed: 0 });
    const changed = formatted.rows[0]!;
    expect(changed.kind === 'changed' && [formatChanged(changed.before, changed.after), changed.parts]).toEqual([
      { level: false, runIn: false, format: true },
      [{ kind: 'same', text: '做好X光检查' }],
    ]);
    expect(compareDocs(marked, marked).identical).toBe(true);
  });

  it('bounds the work of comparing a long speech rewritten throughout (300 paragraphs of 600 characters)', () => {
    // mulberry32: a seeded generator exact in doubles.
    let seed = 11;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    const paragraph = (pool: number) =>
      Array.from({ length: 600 }, () => String.fromCharCode(0x4e00 + Math.floor(random() * pool))).join('');
    const blocks = (pool: number): ComparedBlock[] =>
      Array.from({ length: 300 }, () => ({ type: 'paragraph', level: 0, text: paragraph(pool) }));
    // Prose rewritten throughout: the shared characters alone rule every pair out, no full difference is run.
    const rewritten = compareBlocks(blocks(3000), blocks(3000));
    expect(rewritten).toMatchObject({ removed: 300, added: 300, changed: 0, work: { diffs: 0, cells: 0 } });
    // Texts over a few characters share them all: full differences run until the budget is spent, then the rest is
    // removed + added.
    const before = blocks(12);
    const after = blocks(12);
    const crowded = compareBlocks(before, after);
    expect(crowded.work.cells).toBeLessThanOrEqual(MAX_COMPARE_CELLS);
    expect(crowded.work.diffs).toBeLessThanOrEqual(Math.ceil(MAX_COMPARE_CELLS / (500 * 500)));
    expect(crowded.added + crowded.changed).toBe(300);
    expect(crowded.removed + crowded.changed).toBe(300);
    expect(beforeOf(crowded.rows)).toEqual(before);
    expect(afterOf(crowded.rows)).toEqual(after);
  });

  it('compares a 3,000-paragraph speech with one edit quickly', () => {
    const blocks: ComparedBlock[] = Array.from({ length: 3000 }, (_, i) => ({
      type: 'paragraph',
      level: 0,
      text: `第${i}段。${'正文'.repeat(50)}`,
    }));
    const edited = blocks.map((block, i) => (i === 1500 ? { ...block, text: `${block.text}补充。` } : block));
    const started = performance.now();
    const result = compareBlocks(blocks, edited);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toMatchObject({ changed: 1, added: 0, removed: 0 });
  });

  it('gives back each side exactly, in order, for any two versions', () => {
    const block = fc.record({
      type: fc.constantFrom('title', 'paragraph'),
      level: fc.integer({ min: 0, max: 2 }),
      text: fc.string({ unit: fc.constantFrom('甲', '乙', '丙', '丁'), maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 15 }), fc.array(block, { maxLength: 15 }), (before, after) => {
        const result = compareBlocks(before, after);
        expect(beforeOf(result.rows)).toEqual(before);
        expect(afterOf(result.rows)).toEqual(after);
        expect(result.identical).toBe(JSON.stringify(before) === JSON.stringify(after));
        for (const row of result.rows) {
          if (row.kind !== 'changed') continue;
          expect(partsText(row.parts, 'added')).toBe(row.before.text);
          expect(partsText(row.parts, 'removed')).toBe(row.after.text);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('sharedCharacterShare', () => {
  it('counts shared characters with repeats, as a share of the longer text', () => {
    expect(sharedCharacterShare('', '')).toBe(1);
    expect(sharedCharacterShare('甲乙', '')).toBe(0);
    expect(sharedCharacterShare('甲乙丙', '丙乙甲')).toBe(1);
    expect(sharedCharacterShare('甲甲乙', '甲乙乙丁')).toBe(2 / 4);
    expect(sharedCharacterShare('𠀀甲', '𠀁甲')).toBe(1 / 2);
  });

  it('is never below the share a character difference keeps, so it never rules out a pair the difference would make', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('甲', '乙', '丙', '丁', '𠀀'), maxLength: 30 }),
        fc.string({ unit: fc.constantFrom('甲', '乙', '丙', '丁', '𠀀'), maxLength: 30 }),
        (a, b) => {
          const longer = Math.max([...a].length, [...b].length);
          const kept = diffText(a, b)
            .filter((part) => part.kind === 'same')
            .reduce((sum, part) => sum + [...part.text].length, 0);
          expect(sharedCharacterShare(a, b)).toBeGreaterThanOrEqual(longer === 0 ? 1 : kept / longer);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('diffText', () => {
  it('gives back both texts from its parts, never splitting a character outside the BMP', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (a, b) => {
          const parts = diffText(a, b);
          expect(partsText(parts, 'added')).toBe(a);
          expect(partsText(parts, 'removed')).toBe(b);
          for (const part of parts) expect(part.text.length).toBeGreaterThan(0);
          for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
        },
      ),
      { numRuns: 500 },
    );
    expect(diffText('𠀀甲', '𠀁甲')).toEqual([
      { kind: 'removed', text: '𠀀' },
      { kind: 'added', text: '𠀁' },
      { kind: 'same', text: '甲' },
    ]);
  });

  it('gives very long texts that differ throughout as one removed and one added run', () => {
    const a = '甲'.repeat(3000);
    const b = '乙'.repeat(3000);
    expect(diffText(a, b)).toEqual([
      { kind: 'removed', text: a },
      { kind: 'added', text: b },
    ]);
  });
});
