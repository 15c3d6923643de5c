// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { cursorIn, p, rows, sal, t, testEditor } from '../editor/test-editor';
import { drawnHeadingNumbers } from '../editor/extensions/heading-numbers';
import { builtinTemplates } from '../../shared/library/builtin-templates';
import type { NodeJSON } from '../../shared/document/file-format';
import { insertLibraryEntry } from './insert';

let editor: Editor;
afterEach(() => editor?.destroy());

const template = (id: string): NodeJSON => builtinTemplates().entries.find((entry) => entry.id === id)!.doc;
const section = template('builtin-section-guarantee');

describe('inserting a library entry', () => {
  it('puts a section before the next level-1 heading as a level-1 section, renumbering the ones after it', () => {
    editor = testEditor([t('讲话'), p('统一思想', 1), p('正文'), p('突出重点', 1), p('正文二')]);
    cursorIn(editor, 2, 1);
    expect(insertLibraryEntry(editor, section)).toBe(true);
    expect(
      rows(editor)
        .slice(1, 8)
        .map((r) => `${r[1]} ${r[3].slice(0, 6)}`),
    ).toEqual([
      '1 统一思想',
      '0 正文',
      '1 强化组织保障',
      '0 【此处写：过',
      '2 加强组织领导',
      '2 强化督查考核',
      '2 营造良好氛围',
    ]);
    expect(drawnHeadingNumbers(editor.state)).toEqual(['一、', '二、', '（一）', '（二）', '（三）', '三、']);
    expect(editor.state.selection.$from.parent.textContent).toBe('强化组织保障，确保各项决策部署落到实处');
  });

  it('puts a section under a heading whose body holds the cursor one level deeper, and one undo takes it out', () => {
    editor = testEditor([t('讲话'), p('统一思想', 1), p('正文'), p('突出重点', 1)]);
    const before = editor.getJSON();
    cursorIn(editor, 1, 2);
    insertLibraryEntry(editor, section, 'under');
    expect(
      rows(editor)
        .slice(1, 4)
        .map((r) => r[1]),
    ).toEqual([1, 2, 0]);
    expect(drawnHeadingNumbers(editor.state).slice(0, 3)).toEqual(['一、', '（一）', '1.']);
    editor.commands.undo();
    expect(editor.getJSON()).toEqual(before);
  });

  it('fills an untouched document with a whole template, title and salutation included', () => {
    editor = testEditor([t('')]);
    insertLibraryEntry(editor, template('builtin-party-lecture'));
    const blocks = rows(editor);
    expect(blocks[0]![0]).toBe('title');
    expect(blocks.some((r) => r[0] === 'salutation')).toBe(true);
    expect(drawnHeadingNumbers(editor.state).slice(0, 2)).toEqual(['一、', '（一）']);
  });

  it('leaves the title lines of a document with text alone, and inserts nothing for an entry with nothing to insert', () => {
    editor = testEditor([t('讲话'), sal('同志们：'), p('开场')]);
    cursorIn(editor, 0, 1);
    insertLibraryEntry(editor, template('builtin-closing'));
    expect(rows(editor).filter((r) => r[0] === 'title')).toHaveLength(1);
    expect(rows(editor).filter((r) => r[0] === 'salutation')).toHaveLength(1);
    // The speech's own opening stays where it is; the template's sections follow it, without the
    // template's opening remarks.
    expect(rows(editor)[2]![3]).toBe('开场');
    expect(rows(editor)[3]![1]).toBe(1);
    expect(rows(editor).some((r) => /^XX会议在大家的共同努力下/.test(r[3]))).toBe(false);
    const before = editor.getJSON();
    expect(
      insertLibraryEntry(editor, {
        type: 'doc',
        content: [{ type: 'title', content: [{ type: 'text', text: '只有标题' }] }],
      }),
    ).toBe(false);
    expect(editor.getJSON()).toEqual(before);
  });
});
