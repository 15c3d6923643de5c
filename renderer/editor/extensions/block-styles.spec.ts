// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { by, cursorIn, p, sal, t, TEST_HINTS, testEditor } from '../test-editor';
import { blockStylesKey, buildBlockStyles, EMPTY_BLOCK_CLASS } from './block-styles';

let editor: Editor;
afterEach(() => editor?.destroy());

/** The hints drawn in the page, block by block: the block's tag and class, and its hint ('' when none). */
const drawn = () =>
  Array.from(editor.view.dom.children).map((el) =>
    el.classList.contains(EMPTY_BLOCK_CLASS) ? (el.getAttribute('data-placeholder') ?? '') : '',
  );

describe('empty-block hints', () => {
  it('shows the hint of an empty title, byline and salutation, and none in an empty paragraph', () => {
    editor = testEditor([t(''), by(''), sal(''), p(''), p('正文')]);
    expect(drawn()).toEqual([TEST_HINTS.title, TEST_HINTS.byline, TEST_HINTS.salutation, '', '']);
  });

  it('goes when the block is typed in and comes back when it is emptied', () => {
    editor = testEditor([t(''), sal('')]);
    cursorIn(editor, 0);
    editor.commands.insertContent('讲话');
    expect(drawn()).toEqual(['', TEST_HINTS.salutation]);
    editor.commands.undo();
    expect(drawn()).toEqual([TEST_HINTS.title, TEST_HINTS.salutation]);
  });

  it("keeps a neighbour's hint when the block beside it changes", () => {
    // The title's hint ends where the byline begins: redrawing the byline must not take the title's away.
    editor = testEditor([t(''), by('张三'), sal('')]);
    cursorIn(editor, 1, 2);
    editor.commands.insertContent('同志');
    expect(drawn()).toEqual([TEST_HINTS.title, '', TEST_HINTS.salutation]);
    expect(blockStylesKey.getState(editor.state)!.find().length).toBe(
      buildBlockStyles(editor.state.doc, TEST_HINTS).find().length,
    );
  });

  it('shows no hint while the page cannot be typed in', () => {
    editor = testEditor([t(''), p('正文')]);
    editor.setEditable(false);
    expect(drawn()).toEqual(['', '']);
    editor.setEditable(true);
    expect(drawn()).toEqual([TEST_HINTS.title, '']);
  });
});
