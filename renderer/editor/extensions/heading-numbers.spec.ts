// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { cursorIn, p, t, testEditor } from '../test-editor';
import { drawnHeadingNumbers } from './heading-numbers';

let editor: Editor;
afterEach(() => editor?.destroy());

const numbers = () => drawnHeadingNumbers(editor.state);
const domNumbers = () =>
  Array.from(editor.view.dom.querySelectorAll('[data-number]')).map((el) => el.getAttribute('data-number'));

describe('heading numbers', () => {
  const speech = () => [
    t('讲话'),
    p('统一思想', 1),
    p('充分认识', 2, true),
    p('清醒认识', 2, true),
    p('突出重点', 1),
    p('正文'),
    p('强化保障', 1),
    p('加强领导', 3, true),
    p('细则', 4),
  ];

  it('draws 一、（一）1.（1） from position, restarting under each parent', () => {
    editor = testEditor(speech());
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
    expect(domNumbers()).toEqual(numbers());
  });

  it('keeps numbers out of the text', () => {
    editor = testEditor(speech());
    expect(editor.state.doc.textContent).not.toMatch(/[一二三]、|（[一二]）/);
    expect(editor.getText()).not.toContain('一、');
  });

  it('renumbers at once when section 二 is deleted, and one undo restores it', () => {
    editor = testEditor(speech());
    const doc = editor.state.doc;
    let from = 0;
    for (let i = 0; i < 4; i++) from += doc.child(i).nodeSize;
    const to = from + doc.child(4).nodeSize + doc.child(5).nodeSize;
    editor.commands.deleteRange({ from, to });
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '1.', '（1）']);
    editor.commands.undo();
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
  });

  it('updates when a heading is promoted, demoted, added or made body', () => {
    editor = testEditor(speech());
    cursorIn(editor, 3, 1);
    editor.commands.promoteHeading();
    expect(numbers()).toEqual(['一、', '（一）', '二、', '三、', '四、', '1.', '（1）']);
    editor.commands.demoteHeading();
    cursorIn(editor, 5, 1);
    editor.commands.setHeadingLevel(2);
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '（一）', '三、', '1.', '（1）']);
    editor.commands.setHeadingLevel(0);
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
  });

  it('keeps numbers right while text is typed and a same-level heading replaces another', () => {
    editor = testEditor(speech());
    cursorIn(editor, 1, 2);
    editor.commands.insertContent('思想');
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
    const doc = editor.state.doc;
    let pos = 0;
    for (let i = 0; i < 4; i++) pos += doc.child(i).nodeSize;
    editor.commands.insertContentAt({ from: pos, to: pos + doc.child(4).nodeSize }, p('新的重点', 1));
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
    expect(domNumbers()).toEqual(numbers());
  });

  it('numbers past ten in Chinese', () => {
    editor = testEditor(Array.from({ length: 12 }, (_, i) => p(`第${i + 1}节`, 1)));
    expect(numbers().slice(9)).toEqual(['十、', '十一、', '十二、']);
  });
});
