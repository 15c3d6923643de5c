// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { cursorIn, p, testEditor } from '../test-editor';
import { RUN_IN_LEAD_CLASS } from './run-in-lead';

let editor: Editor;
afterEach(() => editor?.destroy());

const leads = () => Array.from(editor.view.dom.querySelectorAll(`.${RUN_IN_LEAD_CLASS}`)).map((el) => el.textContent);

describe('run-in lead sentence', () => {
  it('styles the lead sentence of a run-in heading and not the body after it', () => {
    editor = testEditor([p('充分认识重要意义。XX工作事关大局。', 2, true), p('清醒认识问题。正文', 2)]);
    expect(leads()).toEqual(['充分认识重要意义。']);
  });

  it('follows edits: typing in the lead lengthens it, a new full stop shortens it', () => {
    editor = testEditor([p('加强领导。正文', 3, true)]);
    cursorIn(editor, 0, 2);
    editor.commands.insertContent('组织');
    expect(leads()).toEqual(['加强组织领导。']);
    cursorIn(editor, 0, 2);
    editor.commands.insertContent('！');
    expect(leads()).toEqual(['加强！']);
  });

  it('appears and disappears with the run-in toggle and with the heading level', () => {
    editor = testEditor([p('营造良好氛围。正文', 3)]);
    cursorIn(editor, 0, 1);
    expect(leads()).toEqual([]);
    editor.commands.toggleRunIn();
    expect(leads()).toEqual(['营造良好氛围。']);
    editor.commands.setHeadingLevel(0);
    expect(leads()).toEqual([]);
  });

  it('covers the whole text while the lead sentence is still being typed', () => {
    editor = testEditor([p('强化督查考核', 3, true)]);
    expect(leads()).toEqual(['强化督查考核']);
  });
});
