// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Editor } from '@tiptap/core';
import { docFromJSON, type NodeJSON } from '../../../shared/document/file-format';
import { buildOutline } from '../../../shared/document/outline';
import { by, cl, cursorIn, p, sal, t, testEditor } from '../test-editor';
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

  it('after any typing, deleting or Enter anywhere, equals a fresh build of the document', () => {
    const speech = () => [
      t('讲话'),
      by('王明'),
      sal('同志们：'),
      p('一要开场', 0),
      p('统一思想', 1),
      p('正文甲', 0),
      p('充分认识。正文', 2, true),
      p('一是抓好。正文', 0),
      p('二是落实。正文', 0),
      p('加强领导。正文', 3, true),
      p('正文乙', 0),
      p('突出重点', 1),
      p('正文丙', 0),
      cl('同志们，'),
      cl('谢谢大家！'),
      p('结尾之后', 0),
    ];
    const edit = fc.tuple(
      fc.nat({ max: 15 }),
      fc.nat({ max: 8 }),
      fc.constantFrom('字', '。', '三要', '', 'Enter'),
      fc.nat({ max: 2 }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 20 }), (edits) => {
        editor?.destroy();
        editor = testEditor(speech());
        for (const [block, offset, text, remove] of edits) {
          const index = Math.min(block, editor.state.doc.childCount - 1);
          cursorIn(editor, index, Math.min(offset, editor.state.doc.child(index).content.size));
          const { from } = editor.state.selection;
          if (remove) editor.commands.deleteRange({ from: Math.max(from - remove, 1), to: from });
          else if (text === 'Enter') editor.commands.splitBlock();
          else if (text) editor.commands.insertContent(text);
          const fresh = buildOutline(docFromJSON(editor.getJSON() as NodeJSON));
          expect(JSON.parse(JSON.stringify(outlineOf(editor.state).outline))).toEqual(
            JSON.parse(JSON.stringify(fresh)),
          );
        }
      }),
      { numRuns: 80 },
    );
  });

  it('keeps every entry but the edited section and its ancestors when a body paragraph is typed in', () => {
    editor = testEditor([t('讲话'), p('甲', 1), p('正文'), p('乙', 1), p('甲一', 2, true), p('正文')]);
    const before = outlineOf(editor.state).outline;
    cursorIn(editor, 5, 1);
    editor.commands.insertContent('字');
    const after = outlineOf(editor.state).outline;
    expect(after.entries[0]).toBe(before.entries[0]);
    expect(after.entries[1]).not.toBe(before.entries[1]);
    expect(after.entries[1]!.length).toBe(before.entries[1]!.length + 1);
    expect(after.entries[1]!.children[0]!.length).toBe(before.entries[1]!.children[0]!.length + 1);
  });
});
