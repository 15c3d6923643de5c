import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { touchedBlocks } from './changed-blocks';
import { docOf } from './test-docs';

const state = () => EditorState.create({ doc: docOf([0, '甲甲甲'], [0, '乙乙乙'], [0, '丙丙丙'], [0, '丁丁丁']) });
const texts = (tr: ReturnType<typeof state>['tr']) => touchedBlocks(tr).map((b) => b.node.textContent);

describe('touchedBlocks', () => {
  it('finds the block typed into, and only it', () => {
    const tr = state().tr.insertText('新', 8);
    expect(texts(tr)).toEqual(['乙乙新乙']);
  });

  it('finds the block a deletion joined into', () => {
    const tr = state().tr.delete(4, 7);
    expect(texts(tr)).toEqual(['甲甲甲乙乙']);
  });

  it('finds blocks whose marks or attributes changed in place', () => {
    const s = state();
    const tr = s.tr.addMark(12, 14, s.schema.marks.notPlaceholder!.create()).setNodeAttribute(15, 'level', 1);
    expect(texts(tr)).toEqual(['丙丙丙', '丁丁丁']);
  });

  it('maps earlier steps through later ones', () => {
    const tr = state().tr.insertText('新', 2).insertText('前', 1);
    expect(texts(tr)).toEqual(['前甲新甲甲']);
  });
});
