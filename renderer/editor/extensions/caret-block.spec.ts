// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { AllSelection, TextSelection } from '@tiptap/pm/state';
import { cursorIn, p, press, sal, t, testEditor } from '../test-editor';
import { CARET_BLOCK_CLASS, caretBlockKey } from './caret-block';

let editor: Editor;
afterEach(() => editor?.destroy());

/** The indices of the blocks drawn as the caret's. */
const drawn = () =>
  Array.from(editor.view.dom.children).flatMap((el, i) => (el.classList.contains(CARET_BLOCK_CLASS) ? [i] : []));

/** The set of decorations the view is given for the caret. */
const decorations = () => {
  const plugin = caretBlockKey.get(editor.state)!;
  return plugin.props.decorations!.call(plugin, editor.state);
};

/** The position `offset` characters into the `index`-th block. */
const at = (index: number, offset: number) => {
  let pos = 1 + offset;
  for (let i = 0; i < index; i++) pos += editor.state.doc.child(i).nodeSize;
  return pos;
};

describe('the caret block', () => {
  it('is the block the cursor is in, and moves with it', () => {
    editor = testEditor([t('讲话'), sal('同志们：'), p('第一段'), p('第二段')]);
    cursorIn(editor, 2, 1);
    expect(drawn()).toEqual([2]);
    cursorIn(editor, 0);
    expect(drawn()).toEqual([0]);
  });

  it('is on a block Enter has just made, in the same update that puts the cursor there', () => {
    editor = testEditor([p('第一段'), p('第二段')]);
    cursorIn(editor, 0, 3);
    expect(press(editor, 'Enter')).toBe(true);
    expect(editor.state.doc.childCount).toBe(3);
    expect(drawn()).toEqual([1]);
    editor.commands.insertContent('新');
    expect(editor.state.doc.child(1).textContent).toBe('新');
    expect(drawn()).toEqual([1]);
  });

  it('marks the blocks of both ends of a selection across blocks, and none between them', () => {
    editor = testEditor([p('一'), p('二'), p('三'), p('四')]);
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at(3, 1), at(0, 0))));
    expect(drawn()).toEqual([0, 3]);
  });

  it('marks no block when the whole speech is selected between blocks', () => {
    editor = testEditor([p('一'), p('二')]);
    editor.view.dispatch(editor.state.tr.setSelection(new AllSelection(editor.state.doc)));
    expect(drawn()).toEqual([]);
  });

  it('gives the view the same decorations while the cursor stays in its block', () => {
    editor = testEditor([p('第一段'), p('第二段')]);
    cursorIn(editor, 1, 0);
    const before = decorations();
    cursorIn(editor, 1, 2);
    expect(decorations()).toBe(before);
    cursorIn(editor, 0, 2);
    expect(decorations()).not.toBe(before);
  });
});
