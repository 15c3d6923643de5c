// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { by, cl, cursorIn, p, press, rows, t, testEditor } from '../test-editor';
import { blockKindOf } from './speech-blocks';

let editor: Editor;
afterEach(() => editor?.destroy());

/** Types text the way a keyboard does, so input rules run. */
function type(ed: Editor, text: string): void {
  for (const ch of text) {
    const { from, to } = ed.state.selection;
    const handled = ed.view.someProp('handleTextInput', (f) =>
      f(ed.view, from, to, ch, () => ed.state.tr.insertText(ch, from, to)),
    );
    if (!handled) ed.view.dispatch(ed.state.tr.insertText(ch, from, to));
  }
}

describe('block kinds', () => {
  it('Ctrl+1..4 make the current paragraph a heading of that level and Ctrl+0 makes it body', () => {
    editor = testEditor([p('统一思想认识')]);
    cursorIn(editor, 0, 2);
    editor.commands.setHeadingLevel(3);
    expect(rows(editor)).toEqual([['paragraph', 3, false, '统一思想认识']]);
    editor.commands.setHeadingLevel(0);
    expect(rows(editor)).toEqual([['paragraph', 0, false, '统一思想认识']]);
  });

  it('turns a title, byline or salutation into a heading and back', () => {
    editor = testEditor([t('讲话'), by('×××')]);
    cursorIn(editor, 1);
    editor.commands.setBlockKind('heading1');
    expect(blockKindOf(editor.state.doc.child(1))).toBe('heading1');
    editor.commands.setBlockKind('salutation');
    expect(rows(editor)[1]).toEqual(['salutation', 0, false, '×××']);
  });

  it('applies a kind to every block in the selection', () => {
    editor = testEditor([p('甲'), p('乙'), p('丙')]);
    editor.commands.setTextSelection({ from: 1, to: editor.state.doc.content.size - 1 });
    editor.commands.setBlockKind('heading2');
    expect(rows(editor).map((r) => r[1])).toEqual([2, 2, 2]);
  });
});

describe('Tab and Shift+Tab', () => {
  it('demote and promote a heading within levels 1–4, keeping its text', () => {
    editor = testEditor([p('突出工作重点', 1)]);
    cursorIn(editor, 0, 1);
    for (let i = 0; i < 5; i++) press(editor, 'Tab');
    expect(rows(editor)[0]!.slice(1)).toEqual([4, false, '突出工作重点']);
    for (let i = 0; i < 5; i++) press(editor, 'Shift-Tab');
    expect(rows(editor)[0]!.slice(1)).toEqual([1, false, '突出工作重点']);
  });

  it('leave body text alone and keep the focus in the editor', () => {
    editor = testEditor([p('正文')]);
    cursorIn(editor, 0, 1);
    const before = editor.state.doc;
    expect(press(editor, 'Tab')).toBe(true);
    expect(editor.state.doc.eq(before)).toBe(true);
  });
});

describe('run-in headings', () => {
  it('toggleRunIn switches a heading between own-line and run-in, and ignores body text', () => {
    editor = testEditor([p('充分认识重要意义。正文', 2), p('正文')]);
    cursorIn(editor, 0, 1);
    expect(editor.commands.toggleRunIn()).toBe(true);
    expect(rows(editor)[0]![2]).toBe(true);
    editor.commands.toggleRunIn();
    expect(rows(editor)[0]![2]).toBe(false);
    cursorIn(editor, 1, 1);
    expect(editor.commands.toggleRunIn()).toBe(false);
  });

  it('keeps run-in when the level changes, and drops it when the heading becomes body', () => {
    editor = testEditor([p('加强组织领导。正文', 2, true)]);
    cursorIn(editor, 0, 1);
    editor.commands.setHeadingLevel(3);
    expect(rows(editor)[0]!.slice(1, 3)).toEqual([3, true]);
    editor.commands.setHeadingLevel(0);
    expect(rows(editor)[0]!.slice(1, 3)).toEqual([0, false]);
  });
});

describe('Enter', () => {
  it('after the title starts a byline, and after a byline ending in a colon makes it the salutation', () => {
    editor = testEditor([t('在全市XX工作推进会上的讲话')]);
    cursorIn(editor, 0, '在全市XX工作推进会上的讲话'.length);
    press(editor, 'Enter');
    type(editor, '×××');
    press(editor, 'Enter');
    type(editor, '同志们：');
    press(editor, 'Enter');
    type(editor, '这次会议');
    expect(rows(editor)).toEqual([
      ['title', 0, false, '在全市XX工作推进会上的讲话'],
      ['byline', 0, false, '×××'],
      ['salutation', 0, false, '同志们：'],
      ['paragraph', 0, false, '这次会议'],
    ]);
  });

  it('at the end of a heading starts body text', () => {
    editor = testEditor([p('统一思想认识', 1)]);
    cursorIn(editor, 0, '统一思想认识'.length);
    press(editor, 'Enter');
    type(editor, '今年以来');
    expect(rows(editor)).toEqual([
      ['paragraph', 1, false, '统一思想认识'],
      ['paragraph', 0, false, '今年以来'],
    ]);
  });
});

describe('typed numbers', () => {
  it.each([
    ['一、', 1],
    ['十二、', 1],
    ['（三）', 2],
    ['(三)', 2],
    ['1.', 3],
    ['2．', 3],
    ['3、', 3],
    ['（1）', 4],
  ])('typing %s at the start of a body paragraph makes a level-%i heading without the typed number', (typed, level) => {
    editor = testEditor([p('')]);
    cursorIn(editor, 0);
    type(editor, typed);
    type(editor, '加强组织领导');
    expect(rows(editor)).toEqual([['paragraph', level, false, '加强组织领导']]);
  });

  it('leaves numbers inside a sentence and in headings alone', () => {
    editor = testEditor([p('共'), p('', 2)]);
    cursorIn(editor, 0, 1);
    type(editor, '一、');
    cursorIn(editor, 1, 0);
    type(editor, '1.');
    expect(rows(editor)).toEqual([
      ['paragraph', 0, false, '共一、'],
      ['paragraph', 2, false, '1.'],
    ]);
  });

  it('one undo restores the typed number as text', () => {
    editor = testEditor([p('')]);
    cursorIn(editor, 0);
    type(editor, '一、');
    expect(rows(editor)).toEqual([['paragraph', 1, false, '']]);
    editor.commands.undoInputRule();
    expect(rows(editor)).toEqual([['paragraph', 0, false, '一、']]);
  });
});

describe('the closing remarks', () => {
  it('Ctrl+Alt+J marks a paragraph as the closing and, pressed again, makes it body text', () => {
    editor = testEditor([t('讲话'), p('甲', 1), p('同志们，让我们……！')]);
    cursorIn(editor, 2, 2);
    press(editor, 'Mod-Alt-j');
    expect(rows(editor)[2]).toEqual(['closing', 0, false, '同志们，让我们……！']);
    expect(blockKindOf(editor.state.doc.child(2))).toBe('closing');
    press(editor, 'Mod-Alt-j');
    expect(rows(editor)[2]).toEqual(['paragraph', 0, false, '同志们，让我们……！']);
  });

  it('unmarkClosing makes the whole closing body text again, and only it', () => {
    editor = testEditor([t('讲话'), p('甲', 1), cl('同志们，让我们……！'), cl('谢谢大家！')]);
    expect(editor.commands.unmarkClosing(2)).toBe(true);
    expect(rows(editor).map((r) => r[0])).toEqual(['title', 'paragraph', 'paragraph', 'paragraph']);
    expect(editor.commands.unmarkClosing(1)).toBe(false);
  });

  it('Enter at the end of the closing goes on with the closing', () => {
    editor = testEditor([t('讲话'), p('甲', 1), cl('同志们，让我们……！')]);
    cursorIn(editor, 2, '同志们，让我们……！'.length);
    press(editor, 'Enter');
    editor.commands.insertContent('谢谢大家！');
    expect(rows(editor).slice(2)).toEqual([
      ['closing', 0, false, '同志们，让我们……！'],
      ['closing', 0, false, '谢谢大家！'],
    ]);
  });
});
