// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { cl, cursorIn, p, t, testEditor } from '../test-editor';
import { outlineOf } from './outline-state';

let editor: Editor;
afterEach(() => editor?.destroy());

describe('outline state', () => {
  it('follows typing: a new heading appears and lengths grow', () => {
    editor = testEditor([t('讲话'), p('甲', 1), p('正文')]);
    const before = outlineOf(editor.state).outline;
    cursorIn(editor, 2, 2);
    editor.commands.insertContent('增加五个字');
    const after = outlineOf(editor.state).outline;
    expect(after.total).toBe(before.total + 5);
    expect(after.entries[0]!.length).toBe(before.entries[0]!.length + 5);
    editor.commands.setHeadingLevel(2);
    expect(outlineOf(editor.state).outline.entries[0]!.children.map((e) => e.label)).toEqual(['（一）']);
  });

  it('knows which section holds the cursor', () => {
    editor = testEditor([t('讲话'), p('甲', 1), p('正文'), p('乙', 1), p('甲一', 2), p('正文')]);
    cursorIn(editor, 0, 1);
    expect(outlineOf(editor.state).activeIndex).toBeUndefined();
    cursorIn(editor, 2, 1);
    expect(outlineOf(editor.state).activeIndex).toBe(1);
    cursorIn(editor, 5, 1);
    expect(outlineOf(editor.state).activeIndex).toBe(4);
  });

  it('puts the cursor in the closing remarks in the 结束语 entry, not in the last section', () => {
    editor = testEditor([t('讲话'), p('甲', 1), p('正文'), cl('同志们！'), cl('谢谢大家！')]);
    cursorIn(editor, 4, 1);
    expect(outlineOf(editor.state).activeIndex).toBe(3);
    // And the section commands see no section there.
    expect(editor.commands.moveSectionBySibling(-1)).toBe(false);
  });

  it('keeps the same state object when only the selection moves within a section', () => {
    editor = testEditor([p('甲', 1), p('正文正文')]);
    cursorIn(editor, 1, 1);
    const state = outlineOf(editor.state);
    cursorIn(editor, 1, 3);
    expect(outlineOf(editor.state)).toBe(state);
  });
});
