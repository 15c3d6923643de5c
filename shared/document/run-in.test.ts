import { describe, expect, it } from 'vitest';
import { runInLeadLength } from './run-in';

describe('runInLeadLength', () => {
  it.each([
    ['充分认识重要意义。XX工作事关大局。', '充分认识重要意义。'],
    ['要看到成绩！更要看到问题。', '要看到成绩！'],
    ['怎么办？正文', '怎么办？'],
    ['Go! text', 'Go!'],
    ['Why? text', 'Why?'],
    ['加强组织领导', '加强组织领导'],
    ['', ''],
  ])('takes the lead of %s as %s', (text, lead) => {
    expect(text.slice(0, runInLeadLength(text))).toBe(lead);
  });
});
