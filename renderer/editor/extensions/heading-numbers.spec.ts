// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { cursorIn, p, t, testEditor } from '../test-editor';
import { drawnHeadingNumbers, headingNumbersKey } from './heading-numbers';

let editor: Editor;
afterEach(() => editor?.destroy());

const numbers = () => drawnHeadingNumbers(editor.state);
const domNumbers = () =>
  Array.from(editor.view.dom.querySelectorAll('[data-number]')).map((el) => el.getAttribute('data-number'));

describe('heading numbers', () => {
  const speech = () => [
    t('讲话'),
    p('统一思想', 1),
    p('充分认识', 2, true),
    p('清醒认识', 2, true),
    p('突出重点', 1),
    p('正文'),
    p('强化保障', 1),
    p('加强领导', 3, true),
    p('细则', 4),
  ];

  it('draws 一、（一）1.（1） from position, restarting under each parent', () => {
    editor = testEditor(speech());
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
    expect(domNumbers()).toEqual(numbers());
  });

  it('keeps numbers out of the text', () => {
    editor = testEditor(speech());
    expect(editor.state.doc.textContent).not.toMatch(/[一二三]、|（[一二]）/);
    expect(editor.getText()).not.toContain('一、');
  });

  it('renumbers at once when section 二 is deleted, and one undo restores it', () => {
    editor = testEditor(speech());
    const doc = editor.state.doc;
    let from = 0;
    for (let i = 0; i < 4; i++) from += doc.child(i).nodeSize;
    const to = from + doc.child(4).nodeSize + doc.child(5).nodeSize;
    editor.commands.deleteRange({ from, to });
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '1.', '（1）']);
    editor.commands.undo();
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
  });

  it('updates when a heading is promoted, demoted, added or made body', () => {
    editor = testEditor(speech());
    cursorIn(editor, 3, 1);
    editor.commands.promoteHeading();
    expect(numbers()).toEqual(['一、', '（一）', '二、', '三、', '四、', '1.', '（1）']);
    editor.commands.demoteHeading();
    cursorIn(editor, 5, 1);
    editor.commands.setHeadingLevel(2);
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '（一）', '三、', '1.', '（1）']);
    editor.commands.setHeadingLevel(0);
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
  });

  it('keeps numbers right while text is typed and a same-level heading replaces another', () => {
    editor = testEditor(speech());
    cursorIn(editor, 1, 2);
    editor.commands.insertContent('思想');
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
    const doc = editor.state.doc;
    let pos = 0;
    for (let i = 0; i < 4; i++) pos += doc.child(i).nodeSize;
    editor.commands.insertContentAt({ from: pos, to: pos + doc.child(4).nodeSize }, p('新的重点', 1));
    expect(numbers()).toEqual(['一、', '（一）', '（二）', '二、', '三、', '1.', '（1）']);
    expect(domNumbers()).toEqual(numbers());
  });

  it('numbers past ten in Chinese', () => {
    editor = testEditor(Array.from({ length: 12 }, (_, i) => p(`第${i + 1}节`, 1)));
    expect(numbers().slice(9)).toEqual(['十、', '十一、', '十二、']);
  });

  /** The number decorations as `from-to:label`, comparable between a mapped state and a fresh build. */
  const placed = (ed: Editor) =>
    headingNumbersKey
      .getState(ed.state)!
      .find()
      .map((d) => `${d.from}-${d.to}:${String(d.spec.label)}`);

  /** Start of the block at a fraction of the document, with the block. */
  const blockAt = (tr: Transaction, at: number) => {
    const index = Math.min(tr.doc.childCount - 1, Math.floor(at * tr.doc.childCount));
    let pos = 0;
    for (let i = 0; i < index; i++) pos += tr.doc.child(i).nodeSize;
    return { pos, node: tr.doc.child(index) };
  };
  const edits: Array<fc.Arbitrary<(tr: Transaction) => void>> = [
    // Typing inside a block.
    fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('字', '。', '正文'))
      .map(([at, text]) => (tr) => {
        const { pos, node } = blockAt(tr, at);
        tr.insertText(text, pos + 1 + Math.floor(node.content.size / 2));
      }),
    // Enter: a split block.
    fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (tr) => {
      const { pos, node } = blockAt(tr, at);
      if (node.content.size) tr.split(pos + 1 + Math.floor(node.content.size / 2));
    }),
    // A level set on a paragraph (Ctrl+0..4).
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 4 })).map(([at, level]) => (tr) => {
      const { pos, node } = blockAt(tr, at);
      if (node.type.name === 'paragraph') tr.setNodeMarkup(pos, undefined, { ...node.attrs, level });
    }),
    // A block deleted, and one put back in its own place (the same node object: its decoration is dropped).
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()).map(([at, putBack]) => (tr) => {
      const { pos, node } = blockAt(tr, at);
      if (tr.doc.childCount < 2 || node.type.name !== 'paragraph') return;
      if (putBack) tr.replaceWith(pos, pos + node.nodeSize, node);
      else tr.delete(pos, pos + node.nodeSize);
    }),
    // Two edits far apart in one transaction (a fill of every occurrence).
    fc
      .tuple(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true }))
      .map(([a, b]) => (tr) => {
        const second = blockAt(tr, b);
        tr.insertText('二', second.pos + 1);
        const first = blockAt(tr, a);
        tr.insertText('一', first.pos + 1);
      }),
  ];

  it('maps its numbers through any edit to exactly what a fresh build of the document draws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 25 }), (steps) => {
        editor?.destroy();
        editor = testEditor(speech());
        for (const step of steps) {
          const tr = editor.state.tr;
          step(tr);
          if (tr.docChanged) editor.view.dispatch(tr);
          // A fresh editor on a copy of the document: no node shared, nothing mapped.
          const rebuilt = testEditor(editor.getJSON().content ?? []);
          expect(placed(editor)).toEqual(placed(rebuilt));
          rebuilt.destroy();
        }
        expect(domNumbers()).toEqual(numbers());
      }),
      { numRuns: 60 },
    );
  });
});
