import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBlocks, compareDocs, comparedBlocks, diffText, type ComparedBlock, type CompareRow } from './compare';
import { docOf, type BlockSpec } from './test-docs';

const json = (...blocks: BlockSpec[]) => docOf(...blocks).toJSON();
const kinds = (rows: CompareRow[]) => rows.map((row) => row.kind);
const beforeOf = (rows: CompareRow[]) => rows.flatMap((row) => (row.kind === 'added' ? [] : [row.before]));
const afterOf = (rows: CompareRow[]) => rows.flatMap((row) => (row.kind === 'removed' ? [] : [row.after]));

describe('comparedBlocks', () => {
  it('reads kind, level and text, hard breaks as newlines', () => {
    const doc = { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: '上' }, { type: 'hardBreak' }, { type: 'text', text: '下' }] }, { type: 'paragraph', attrs: { level: 2, runIn: true } }] };
    expect(comparedBlocks(doc)).toEqual([
      { type: 'title', level: 0, text: '上\n下' },
      { type: 'paragraph', level: 2, text: '' },
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
    const result = compareDocs(json(['title', '讲话'], [0, '要抓好项目建设。'], [0, '谢谢大家！']), json(['title', '讲话'], [0, '要全力抓好重大项目建设。'], [0, '谢谢大家！']));
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
    const result = compareDocs(json(['title', '讲话'], [0, '甲段内容'], [0, '乙段内容'], [0, '丙段内容']), json(['title', '讲话'], [0, '甲段内容'], [1, '新的标题'], [0, '丙段内容'], [0, '丁段：完全不同']));
    expect(kinds(result.rows)).toEqual(['same', 'same', 'removed', 'added', 'same', 'added']);
    expect(result).toMatchObject({ added: 2, removed: 1, changed: 0 });
  });

  it('shows a heading moved to another level as changed, its text kept', () => {
    const result = compareDocs(json([1, '统一思想']), json([2, '统一思想']));
    expect(result.rows).toEqual([{ kind: 'changed', before: { type: 'paragraph', level: 1, text: '统一思想' }, after: { type: 'paragraph', level: 2, text: '统一思想' }, parts: [{ kind: 'same', text: '统一思想' }] }]);
  });

  it('compares a 3,000-paragraph speech with one edit quickly', () => {
    const blocks: ComparedBlock[] = Array.from({ length: 3000 }, (_, i) => ({ type: 'paragraph', level: 0, text: `第${i}段。${'正文'.repeat(50)}` }));
    const edited = blocks.map((block, i) => (i === 1500 ? { ...block, text: `${block.text}补充。` } : block));
    const started = performance.now();
    const result = compareBlocks(blocks, edited);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toMatchObject({ changed: 1, added: 0, removed: 0 });
  });

  it('gives back each side exactly, in order, for any two versions', () => {
    const block = fc.record({ type: fc.constantFrom('title', 'paragraph'), level: fc.integer({ min: 0, max: 2 }), text: fc.string({ unit: fc.constantFrom('甲', '乙', '丙', '丁'), maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 15 }), fc.array(block, { maxLength: 15 }), (before, after) => {
        const result = compareBlocks(before, after);
        expect(beforeOf(result.rows)).toEqual(before);
        expect(afterOf(result.rows)).toEqual(after);
        expect(result.identical).toBe(JSON.stringify(before) === JSON.stringify(after));
        for (const row of result.rows) {
          if (row.kind !== 'changed') continue;
          expect(row.parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(row.before.text);
          expect(row.parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(row.after.text);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('diffText', () => {
  it('gives back both texts from its parts, never splitting a character outside the BMP', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), (a, b) => {
        const parts = diffText(a, b);
        expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(a);
        expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(b);
        for (const part of parts) expect(part.text.length).toBeGreaterThan(0);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
      }),
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
