import { describe, expect, it } from 'vitest';
import { docOf } from '../document/test-docs';
import { exportMarkdown, exportText } from './text';

const doc = () =>
  docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    ['byline', '×××'],
    ['salutation', '同志们：'],
    [0, '开场。'],
    [1, '统一思想'],
    [2, '充分认识意义。正文。', 'runIn'],
    [3, '加强领导'],
    [0, '1.5亿元的投资*很大*。'],
  );

describe('plain text', () => {
  it('writes numbers as text and indents paragraphs by two full-width spaces', () => {
    expect(exportText(doc())).toBe(
      [
        '在全市XX工作推进会上的讲话',
        '×××',
        '同志们：',
        '　　开场。',
        '　　一、统一思想',
        '　　（一）充分认识意义。正文。',
        '　　1.加强领导',
        '　　1.5亿元的投资*很大*。',
      ].join('\n\n') + '\n',
    );
  });
});

describe('the closing remarks', () => {
  it('are body text in plain text and Markdown: indented, unnumbered', () => {
    const closed = docOf(['title', '讲话'], [1, '甲'], ['closing', '谢谢大家！']);
    expect(exportText(closed)).toBe(['讲话', '　　一、甲', '　　谢谢大家！'].join('\n\n') + '\n');
    expect(exportMarkdown(closed).trim().split('\n\n').at(-1)).toBe('谢谢大家！');
  });
});

describe('Markdown', () => {
  it('makes own-line headings Markdown headings and run-in leads bold, numbers as text, syntax escaped', () => {
    expect(exportMarkdown(doc())).toBe(
      [
        '# 在全市XX工作推进会上的讲话',
        '×××',
        '同志们：',
        '开场。',
        '## 一、统一思想',
        '**（一）充分认识意义。**正文。',
        '#### 1\\.加强领导',
        '1\\.5亿元的投资\\*很大\\*。',
      ].join('\n\n') + '\n',
    );
  });
});
