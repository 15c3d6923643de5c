import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import {
  moveSection,
  moveSectionBySibling,
  sectionBounds,
  shiftSection,
  siblingSection,
  skippedLevels,
} from './sections';
import { docOf } from './test-docs';
import { headingLabels } from './numbering';

const speech = () =>
  docOf(
    ['title', '讲话'],
    [1, '甲'],
    [0, '甲正文'],
    [2, '甲一'],
    [0, '甲一正文'],
    [1, '乙'],
    [0, '乙正文'],
    [1, '丙'],
    [3, '丙1'],
    [0, '丙正文'],
  );

const texts = (doc: PMNode) => {
  const out: string[] = [];
  doc.forEach((n) => out.push(n.textContent));
  return out;
};
const labelled = (doc: PMNode) => {
  const labels = headingLabels(doc);
  const out: string[] = [];
  doc.forEach((n, _o, i) => labels.has(i) && out.push(`${labels.get(i)}${n.textContent}`));
  return out;
};

function apply(doc: PMNode, change: (tr: Transaction) => string | undefined) {
  const tr = EditorState.create({ doc }).tr;
  const refusal = change(tr);
  return { refusal, doc: tr.doc, steps: tr.steps.length };
}

describe('sectionBounds', () => {
  it('runs from a heading to the next heading of the same or higher level', () => {
    const doc = speech();
    expect(sectionBounds(doc, 1)).toMatchObject({ start: 1, end: 5, level: 1 });
    expect(sectionBounds(doc, 3)).toMatchObject({ start: 3, end: 5, level: 2 });
    expect(sectionBounds(doc, 7)).toMatchObject({ start: 7, end: 10, level: 1 });
    expect(sectionBounds(doc, 2)).toBeUndefined();
  });
});

describe('siblingSection', () => {
  it('finds the neighbouring heading of the same level within the same parent', () => {
    const doc = speech();
    expect(siblingSection(doc, 5, -1)).toBe(1);
    expect(siblingSection(doc, 5, 1)).toBe(7);
    expect(siblingSection(doc, 1, -1)).toBeUndefined();
    expect(siblingSection(doc, 3, 1)).toBeUndefined();
  });
});

describe('moveSection', () => {
  it('moves a section with its body and subsections, and the numbers follow', () => {
    const { refusal, doc } = apply(speech(), (tr) => moveSection(tr, 7, 5));
    expect(refusal).toBeUndefined();
    expect(texts(doc)).toEqual(['讲话', '甲', '甲正文', '甲一', '甲一正文', '丙', '丙1', '丙正文', '乙', '乙正文']);
    expect(labelled(doc)).toEqual(['一、甲', '（一）甲一', '二、丙', '1.丙1', '三、乙']);
  });

  it('carries the cursor with the moved section', () => {
    const original = speech();
    const state = EditorState.create({ doc: original });
    const cursor = sectionBounds(original, 7)!.from + 2;
    const tr = state.tr.setSelection(TextSelection.create(original, cursor));
    moveSection(tr, 7, 1);
    expect(tr.doc.resolve(tr.selection.from).parent.textContent).toBe('丙');
    expect(tr.selection.from).toBe(sectionBounds(tr.doc, 1)!.from + 2);
  });

  it('moves a section to the end', () => {
    const original = speech();
    const { doc } = apply(original, (tr) => moveSection(tr, 1, original.childCount));
    expect(texts(doc)).toEqual(['讲话', '乙', '乙正文', '丙', '丙1', '丙正文', '甲', '甲正文', '甲一', '甲一正文']);
  });

  it('refuses to move a section into itself and leaves the transaction empty', () => {
    const result = apply(speech(), (tr) => moveSection(tr, 1, 3));
    expect(result.refusal).toBe('into-itself');
    expect(result.steps).toBe(0);
  });

  it('refuses, when levels are checked, a move that leaves a heading skipping a level', () => {
    const result = apply(speech(), (tr) => moveSection(tr, 3, 7, { checkLevels: true }));
    expect(result.refusal).toBeUndefined();
    const skip = apply(speech(), (tr) => moveSection(tr, 3, 1, { checkLevels: true }));
    expect(skip.refusal).toBe('skips-a-level');
    expect(skip.steps).toBe(0);
    expect(apply(speech(), (tr) => moveSection(tr, 3, 1)).refusal).toBeUndefined();
  });
});

describe('moveSectionBySibling', () => {
  it('swaps a section with its previous or next sibling (Alt+Shift+↑/↓)', () => {
    expect(labelled(apply(speech(), (tr) => moveSectionBySibling(tr, 5, -1)).doc)).toEqual([
      '一、乙',
      '二、甲',
      '（一）甲一',
      '三、丙',
      '1.丙1',
    ]);
    expect(labelled(apply(speech(), (tr) => moveSectionBySibling(tr, 5, 1)).doc)).toEqual([
      '一、甲',
      '（一）甲一',
      '二、丙',
      '1.丙1',
      '三、乙',
    ]);
  });

  it('refuses when there is no sibling that way', () => {
    expect(apply(speech(), (tr) => moveSectionBySibling(tr, 1, -1)).refusal).toBe('no-sibling');
    expect(apply(speech(), (tr) => moveSectionBySibling(tr, 2, -1)).refusal).toBe('not-a-heading');
  });
});

describe('shiftSection', () => {
  it('promotes a level-2 section to level 1 with its subsections', () => {
    const doc = docOf([1, '甲'], [2, '甲一'], [3, '甲一1'], [0, '正文'], [2, '甲二']);
    const { refusal, doc: after } = apply(doc, (tr) => shiftSection(tr, 1, -1));
    expect(refusal).toBeUndefined();
    expect(labelled(after)).toEqual(['一、甲', '二、甲一', '（一）甲一1', '（二）甲二']);
  });

  it('refuses whole when a heading inside would leave levels 1–4', () => {
    const result = apply(docOf([1, '甲'], [2, '甲一'], [4, '细']), (tr) => shiftSection(tr, 1, 1));
    expect(result.refusal).toBe('level-out-of-range');
    expect(result.steps).toBe(0);
  });
});

describe('skippedLevels', () => {
  it('counts headings that skip a level', () => {
    expect(skippedLevels([1, 0, 2, 3, 1, 2])).toBe(0);
    expect(skippedLevels([1, 3])).toBe(1);
    expect(skippedLevels([2])).toBe(1);
  });
});

describe('the closing remarks (结束语)', () => {
  const closed = () =>
    docOf(
      ['title', '讲话'],
      ['salutation', '同志们：'],
      [1, '甲'],
      [0, '甲正文'],
      [1, '乙'],
      [0, '乙正文'],
      ['closing', '同志们，让我们……！'],
      ['closing', '谢谢大家！'],
    );

  /** `closed()` with 乙 above 甲, the salutation above both and the closing remarks last, whichever move made it. */
  const SECOND_FIRST = ['讲话', '同志们：', '乙', '乙正文', '甲', '甲正文', '同志们，让我们……！', '谢谢大家！'];

  it('are in no section: the last section ends before them', () => {
    expect(sectionBounds(closed(), 4)).toMatchObject({ start: 4, end: 6 });
  });

  it('stay last when the last section moves up (issue 12: they travelled with 三、)', () => {
    const { refusal, doc } = apply(closed(), (tr) => moveSectionBySibling(tr, 4, -1));
    expect(refusal).toBeUndefined();
    expect(texts(doc)).toEqual(SECOND_FIRST);
  });

  it('stay last when a section is dropped at the end of the outline, and a section never goes above the salutation', () => {
    const toEnd = apply(closed(), (tr) => moveSection(tr, 2, closed().childCount));
    expect(texts(toEnd.doc)).toEqual(SECOND_FIRST);
    const toTop = apply(closed(), (tr) => moveSection(tr, 4, 0));
    expect(texts(toTop.doc)).toEqual(SECOND_FIRST);
  });

  it('give the last section no next sibling to swap with', () => {
    expect(apply(closed(), (tr) => moveSectionBySibling(tr, 4, 1)).refusal).toBe('no-sibling');
  });
});
