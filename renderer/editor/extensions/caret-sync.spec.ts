// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { by, cursorIn, p, press, rows, t, testEditor } from '../test-editor';

let editor: Editor;
afterEach(() => {
  editor?.destroy();
  document.body.replaceChildren();
});

/** A mounted, focused editor: the caret sync reads the DOM selection only while the editor has the focus. */
function mounted(): Editor {
  const ed = testEditor([t('在全市工作推进会上的讲话'), by('×××'), p('今天我们召开会议。')]);
  document.body.append(ed.view.dom);
  ed.view.focus();
  return ed;
}

/** Moves the browser's caret without telling ProseMirror, as Ctrl+End does until `selectionchange` arrives. */
function moveScreenCaretToEnd(ed: Editor): void {
  const last = ed.view.dom.lastElementChild!.firstChild!;
  document.getSelection()!.collapse(last, last.textContent!.length);
}

describe('keys act where the caret is on screen', () => {
  it('Enter right after the caret moved to the end adds a line at the end instead of splitting the title', () => {
    editor = mounted();
    cursorIn(editor, 0, 4);
    moveScreenCaretToEnd(editor);
    press(editor, 'Enter');
    expect(rows(editor).map(([kind, , , text]) => [kind, text])).toEqual([
      ['title', '在全市工作推进会上的讲话'],
      ['byline', '×××'],
      ['paragraph', '今天我们召开会议。'],
      ['paragraph', ''],
    ]);
  });

  it('leaves the selection alone when the screen shows the same caret', () => {
    editor = mounted();
    cursorIn(editor, 0, 4);
    const before = editor.state.selection;
    press(editor, 'Shift');
    expect(editor.state.selection.eq(before)).toBe(true);
  });

  it('never reads a selection outside the editor', () => {
    editor = mounted();
    cursorIn(editor, 0, 4);
    const outside = document.createElement('p');
    outside.textContent = '别处的文字';
    document.body.append(outside);
    document.getSelection()!.collapse(outside.firstChild!, 2);
    const before = editor.state.selection;
    press(editor, 'Shift');
    expect(editor.state.selection.eq(before)).toBe(true);
  });
});
