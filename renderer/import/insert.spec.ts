// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { speechExtensions } from '../editor/extensions';
import { p, rows, t, cursorIn } from '../editor/test-editor';
import { importSource, type ImportSource } from '../../shared/import/index';
import { pasteSource } from '../editor/extensions/import-paste';
import { insertImported } from './insert';

let editor: Editor;
afterEach(() => editor?.destroy());

const SPEECH = '在全市推进会上的讲话\n同志们：\n一、统一思想\n正文。\n（一）明确目标\n谢谢大家！';

/** Delivers a paste to the editor's handlePaste props, as ProseMirror does for a real paste event. */
function paste(text: string, html = ''): boolean {
  const clipboardData = {
    getData: (type: string) => (type === 'text/plain' ? text : type === 'text/html' ? html : ''),
  };
  const event = { clipboardData } as unknown as ClipboardEvent;
  return editor.view.someProp('handlePaste', (handle) => handle(editor.view, event, Slice.empty)) ?? false;
}

describe('pasting a speech', () => {
  it('hands several lines to the import report and keeps short pastes and Lectern’s own ordinary', () => {
    const seen: ImportSource[] = [];
    editor = new Editor({
      extensions: speechExtensions({ onImportPaste: (source) => seen.push(source) }),
      content: { type: 'doc', content: [t('')] },
    });
    expect(paste(SPEECH)).toBe(true);
    expect(seen).toEqual([{ kind: 'text', content: SPEECH }]);
    expect(paste('一行\n两行')).toBe(false);
    expect(paste(SPEECH, '<p data-pm-slice="1 1 []">一</p><p>二</p><p>三</p>')).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('reads Word and WPS rich text as HTML and a browser’s as its plain text', () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><p class=MsoNormal>一</p><p class=MsoNormal>二</p><p class=MsoNormal>三</p></html>';
    expect(pasteSource('一\n二\n三', word)).toEqual({ kind: 'html', content: word });
    expect(pasteSource('一\n二\n三', '<p>一</p><p>二</p><p>三</p>')).toEqual({ kind: 'text', content: '一\n二\n三' });
    expect(pasteSource('', '<p>一</p><p>二</p><p>三</p>')).toEqual({
      kind: 'html',
      content: '<p>一</p><p>二</p><p>三</p>',
    });
    expect(pasteSource('', '<p>一</p><p>二</p>')).toBeUndefined();
  });
});

describe('insertImported', () => {
  const imported = () => importSource({ kind: 'text', content: SPEECH }).file.doc;

  it('fills an empty document with the whole speech, undone in one step', () => {
    editor = new Editor({ extensions: speechExtensions(), content: { type: 'doc', content: [t('')] } });
    insertImported(editor, imported());
    expect(rows(editor)).toEqual([
      ['title', 0, false, '在全市推进会上的讲话'],
      ['salutation', 0, false, '同志们：'],
      ['paragraph', 1, false, '统一思想'],
      ['paragraph', 0, false, '正文。'],
      ['paragraph', 2, false, '明确目标'],
      ['paragraph', 0, false, '谢谢大家！'],
    ]);
    editor.commands.undo();
    expect(rows(editor)).toEqual([['title', 0, false, '']]);
  });

  it('inserts after the block at the cursor in a speech with text, front matter as body', () => {
    editor = new Editor({
      extensions: speechExtensions(),
      content: { type: 'doc', content: [t('原标题'), p('原有', 1), p('原文。')] },
    });
    cursorIn(editor, 1, 1);
    insertImported(editor, imported());
    expect(rows(editor).map((row) => row.slice(0, 2).concat(row[3]))).toEqual([
      ['title', 0, '原标题'],
      ['paragraph', 1, '原有'],
      ['paragraph', 0, '在全市推进会上的讲话'],
      ['paragraph', 0, '同志们：'],
      ['paragraph', 1, '统一思想'],
      ['paragraph', 0, '正文。'],
      ['paragraph', 2, '明确目标'],
      ['paragraph', 0, '谢谢大家！'],
      ['paragraph', 0, '原文。'],
    ]);
  });

  it('takes the place of the empty block at the cursor', () => {
    editor = new Editor({ extensions: speechExtensions(), content: { type: 'doc', content: [t('原标题'), p('')] } });
    cursorIn(editor, 1, 0);
    insertImported(editor, imported());
    expect(editor.state.doc.childCount).toBe(7);
    expect(rows(editor)[1]).toEqual(['paragraph', 0, false, '在全市推进会上的讲话']);
  });
});

describe('insertImported over a selection', () => {
  const imported = () => importSource({ kind: 'text', content: SPEECH }).file.doc;

  it('replaces the whole document when all of it is selected (Ctrl+A, paste)', () => {
    editor = new Editor({
      extensions: speechExtensions(),
      content: { type: 'doc', content: [t('旧标题'), p('旧正文。')] },
    });
    editor.commands.selectAll();
    insertImported(editor, imported());
    expect(rows(editor)[0]).toEqual(['title', 0, false, '在全市推进会上的讲话']);
    expect(editor.state.doc.textContent).not.toContain('旧');
  });

  it('replaces selected text, as a paste does, and goes in after its block', () => {
    editor = new Editor({
      extensions: speechExtensions(),
      content: { type: 'doc', content: [t('标题'), p('保留删掉保留。')] },
    });
    cursorIn(editor, 1, 2);
    editor.commands.setTextSelection({ from: editor.state.selection.from, to: editor.state.selection.from + 2 });
    insertImported(editor, imported());
    expect(rows(editor)[1]).toEqual(['paragraph', 0, false, '保留保留。']);
    expect(rows(editor)[2]).toEqual(['paragraph', 0, false, '在全市推进会上的讲话']);
  });
});
