import { describe, expect, it } from 'vitest';
import type { NodeJSON } from '../../shared/document/file-format';
import { docOf } from '../../shared/document/test-docs';
import { builtinTemplates } from '../../shared/library/builtin-templates';
import { previewLines, sectionAt, suggestedName } from './preview';

describe('library previews', () => {
  it('number the headings, show lead sentences of run-in headings and points, and mark prompts', () => {
    const lines = previewLines(
      docOf(
        ['title', '讲话'],
        [1, '统一思想'],
        [0, '【此处写……】'],
        [2, '充分认识意义。【此处写……】', 'runIn'],
        [0, '一要抓好项目建设。正文。'],
        [0, '普通正文'],
      ).toJSON() as NodeJSON,
    );
    expect(lines.map((l) => [l.kind, l.label, l.text, l.prompt])).toEqual([
      ['title', '', '讲话', false],
      ['heading', '一、', '统一思想', false],
      ['body', '', '【此处写……】', true],
      ['heading', '（一）', '充分认识意义。', true],
      ['point', '', '一要抓好项目建设。', false],
      ['body', '', '普通正文', false],
    ]);
  });

  it('preview every built-in template, and nothing for an invalid document', () => {
    for (const entry of builtinTemplates().entries)
      expect(previewLines(entry.doc).filter((l) => l.kind === 'heading').length).toBeGreaterThanOrEqual(3);
    expect(previewLines({ type: 'doc', content: [] })).toEqual([]);
    expect(previewLines({ type: 'nonsense' })).toEqual([]);
  });

  it('find the section at the cursor and suggest its heading as the name, else the title', () => {
    const doc = docOf(
      ['title', '在全市推进会上的讲话'],
      [0, '开场'],
      [1, '统一思想。'],
      [0, '正文'],
      [2, '充分认识意义。正文', 'runIn'],
      [0, '正文'],
    );
    const at = (index: number) => {
      let pos = 1;
      for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
      return pos;
    };
    expect(sectionAt(doc, at(1))).toBeUndefined();
    expect(sectionAt(doc, at(3))).toEqual({ index: 2, label: '一、', text: '统一思想。' });
    expect(sectionAt(doc, at(5))).toEqual({ index: 4, label: '（一）', text: '充分认识意义。' });
    expect(suggestedName(doc, sectionAt(doc, at(5)))).toBe('充分认识意义');
    expect(suggestedName(doc)).toBe('在全市推进会上的讲话');
  });
});
