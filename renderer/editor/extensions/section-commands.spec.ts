// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import { cursorIn, p, press, rows, t, testEditor } from '../test-editor';
import { speechExtensions } from '.';
import { drawnHeadingNumbers } from './heading-numbers';

let editor: Editor;
afterEach(() => editor?.destroy());

const speech = () => [
  t('讲话'),
  p('甲', 1),
  p('甲正文'),
  p('甲一', 2),
  p('乙', 1),
  p('乙正文'),
  p('丙', 1),
  p('丙1', 3),
];
const texts = () => rows(editor).map((r) => r[3]);

describe('section commands', () => {
  it('Alt+Shift+↑ moves the section past its previous sibling, and again, carrying the cursor', () => {
    editor = testEditor(speech());
    cursorIn(editor, 6, 1);
    press(editor, 'Alt-Shift-ArrowUp');
    expect(texts()).toEqual(['讲话', '甲', '甲正文', '甲一', '丙', '丙1', '乙', '乙正文']);
    press(editor, 'Alt-Shift-ArrowUp');
    expect(texts()).toEqual(['讲话', '丙', '丙1', '甲', '甲正文', '甲一', '乙', '乙正文']);
    expect(drawnHeadingNumbers(editor.state)).toEqual(['一、', '1.', '二、', '（一）', '三、']);
  });

  it('one undo restores the document exactly after a move', () => {
    editor = testEditor(speech());
    const before = editor.getJSON();
    cursorIn(editor, 1, 0);
    press(editor, 'Alt-Shift-ArrowDown');
    expect(texts()).toEqual(['讲话', '乙', '乙正文', '甲', '甲正文', '甲一', '丙', '丙1']);
    editor.commands.undo();
    expect(editor.getJSON()).toEqual(before);
  });

  it('Alt+Shift+← promotes a section with its subsections; → demotes it back', () => {
    editor = testEditor([p('甲', 1), p('甲一', 2), p('甲一1', 3), p('正文')]);
    cursorIn(editor, 1, 0);
    press(editor, 'Alt-Shift-ArrowLeft');
    expect(rows(editor).map((r) => r[1])).toEqual([1, 1, 2, 0]);
    press(editor, 'Alt-Shift-ArrowRight');
    expect(rows(editor).map((r) => r[1])).toEqual([1, 2, 3, 0]);
  });

  it('refuses a change that would skip a level when the check is on, says why, and changes nothing', () => {
    const onSectionRefused = vi.fn();
    editor = new Editor({
      extensions: speechExtensions({ checkLevels: () => true, onSectionRefused }),
      content: { type: 'doc', content: [p('甲', 1), p('甲一', 2), p('乙', 1)] },
    });
    const before = editor.getJSON();
    cursorIn(editor, 1, 0);
    editor.commands.moveSectionTo(1, 0);
    expect(onSectionRefused).toHaveBeenCalledWith('skips-a-level');
    expect(editor.getJSON()).toEqual(before);
    expect(editor.can().undo()).toBe(false);
  });

  it('moveSectionTo moves a section before any block, as a drag in the outline does', () => {
    editor = testEditor(speech());
    editor.commands.moveSectionTo(6, 1);
    expect(texts()).toEqual(['讲话', '丙', '丙1', '甲', '甲正文', '甲一', '乙', '乙正文']);
  });
});
