import { describe, expect, it } from 'vitest';
import { RUN_IN_TERMINATORS, runInLeadLength } from './run-in';

const lead = (text: string) => text.slice(0, runInLeadLength(text));

describe('runInLeadLength', () => {
  it.each([
    ['。', '充分认识重要意义。XX工作事关大局。', '充分认识重要意义。'],
    ['！', '要看到成绩！更要看到问题。', '要看到成绩！'],
    ['？', '怎么办？正文', '怎么办？'],
    ['half-width !', 'Go! text', 'Go!'],
    ['half-width ?', 'Why? text', 'Why?'],
  ])('ends the lead sentence at the first %s, punctuation included', (_name, text, expected) => {
    expect(lead(text)).toBe(expected);
  });

  it('counts the lead in UTF-16 code units, so it slices the text exactly', () => {
    expect(runInLeadLength('加强领导。正文')).toBe(5);
    expect(runInLeadLength('𠮷字。正文')).toBe(4);
    expect(lead('𠮷字。正文')).toBe('𠮷字。');
  });

  it('makes the whole text the lead when there is no terminator yet', () => {
    expect(runInLeadLength('加强组织领导')).toBe('加强组织领导'.length);
  });

  it('does not end the lead at a comma, semicolon, colon, ellipsis, line break or half-width full stop', () => {
    const text = '一是，二是；三是：如下……\n增长3.5%';
    expect(runInLeadLength(text)).toBe(text.length);
  });

  it('gives an empty lead for an empty paragraph', () => {
    expect(runInLeadLength('')).toBe(0);
  });

  it('keeps a run of terminators together in the lead ("吗？！")', () => {
    expect(lead('难道不是吗？！正文')).toBe('难道不是吗？！');
    expect(lead('Really?! text')).toBe('Really?!');
  });

  it('keeps a closing quote or bracket that follows the terminator in the lead', () => {
    expect(lead('要牢记“发展是第一要务。”正文')).toBe('要牢记“发展是第一要务。”');
    expect(lead('（一）坚持“三个到位！”）正文')).toBe('（一）坚持“三个到位！”）');
  });

  it('does not take an opening bracket after the terminator into the lead', () => {
    expect(lead('加强领导。（略）')).toBe('加强领导。');
  });

  it('ends at the terminator when it is the last character', () => {
    expect(runInLeadLength('加强领导。')).toBe(5);
  });

  it('knows exactly the sentence terminators 。！？!?', () => {
    expect([...RUN_IN_TERMINATORS].sort()).toEqual(['!', '?', '。', '！', '？'].sort());
  });
});
