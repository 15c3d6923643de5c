// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { docFromJSON, type NodeJSON } from '../../../shared/document/file-format';
import { countPlaceholders } from '../../../shared/placeholders/scan';
import { cursorIn, p, press, rows, t, testEditor } from '../test-editor';
import type { DecorationSet } from '@tiptap/pm/view';
import { highlightsBetween, PLACEHOLDER_CLASS, placeholdersKey, placeholdersOf } from './placeholders';

let editor: Editor;
afterEach(() => editor?.destroy());

const highlighted = () =>
  Array.from(editor.view.dom.querySelectorAll(`.${PLACEHOLDER_CLASS}`)).map((el) => el.textContent);
const texts = () => rows(editor).map((r) => r[3]);

describe('placeholder highlighting', () => {
  it('highlights every placeholder and counts them', () => {
    editor = testEditor([t('在全市XX工作推进会上的讲话'), p('推动X市发展，X市要带头，X光机不算。')]);
    expect(highlighted()).toEqual(['XX工作', 'X市', 'X市']);
    expect(placeholdersOf(editor.state).count).toBe(3);
  });

  it('follows typing: a new placeholder lights up, a filled one goes out', () => {
    editor = testEditor([p('今年投资亿元。'), p('X个项目')]);
    cursorIn(editor, 0, 4);
    editor.commands.insertContent('X');
    expect(highlighted()).toEqual(['X亿元', 'X个']);
    cursorIn(editor, 1, 0);
    editor.commands.deleteRange({ from: editor.state.selection.from, to: editor.state.selection.from + 1 });
    expect(highlighted()).toEqual(['X亿元']);
    expect(placeholdersOf(editor.state).count).toBe(1);
  });
});

describe('filling', () => {
  it('fills every occurrence of a group in one step, and one undo restores them all', () => {
    editor = testEditor([p('推动X市发展。'), p('X市要带头，X县跟上。')]);
    expect(editor.commands.fillPlaceholder('X市', '临江市')).toBe(true);
    expect(texts()).toEqual(['推动临江市发展。', '临江市要带头，X县跟上。']);
    editor.commands.undo();
    expect(texts()).toEqual(['推动X市发展。', 'X市要带头，X县跟上。']);
  });

  it('fills only the chosen occurrence', () => {
    editor = testEditor([p('X市甲，X市乙。')]);
    const second = editor.state.doc.textContent.indexOf('X市', 1) + 1;
    editor.commands.fillPlaceholder('X市', '临江市', second);
    expect(texts()).toEqual(['X市甲，临江市乙。']);
  });

  it('keeps a named field’s value and fills the same field when it is typed later', () => {
    editor = testEditor([p('欢迎{{单位名称}}的同志。'), p('')]);
    editor.commands.fillPlaceholder('{{单位名称}}', '临江市总工会');
    expect(placeholdersOf(editor.state).values).toEqual({ 单位名称: '临江市总工会' });
    cursorIn(editor, 1, 0);
    editor.commands.insertContent('感谢{{单位名称}}');
    expect(texts()).toEqual(['欢迎临江市总工会的同志。', '感谢临江市总工会']);
  });

  it('lets undo bring a filled named field back without refilling it', () => {
    editor = testEditor([p('欢迎{{单位名称}}。')]);
    editor.commands.fillPlaceholder('{{单位名称}}', '临江市');
    editor.commands.undo();
    expect(texts()).toEqual(['欢迎{{单位名称}}。']);
  });
});

describe('ignoring and moving between placeholders', () => {
  it('ignores one occurrence for good, as a mark in the document', () => {
    editor = testEditor([p('X个项目，X个班子。')]);
    editor.commands.ignorePlaceholder(1, 3);
    expect(highlighted()).toEqual(['X个']);
    const json = JSON.stringify(editor.getJSON());
    expect(json).toContain('notPlaceholder');
  });

  it('F3 and Shift+F3 select the next and previous placeholder, wrapping round', () => {
    editor = testEditor([p('甲X市乙'), p('丙X县丁')]);
    cursorIn(editor, 0, 0);
    const selected = () => editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to);
    press(editor, 'F3');
    expect(selected()).toBe('X市');
    press(editor, 'F3');
    expect(selected()).toBe('X县');
    press(editor, 'F3');
    expect(selected()).toBe('X市');
    press(editor, 'Shift-F3');
    expect(selected()).toBe('X县');
  });
});

describe('a long speech', () => {
  it('counts every placeholder but draws highlights only near what is on screen', () => {
    const blocks = Array.from({ length: 400 }, (_, i) => p(`第${i}段：推动X市发展，${'正文'.repeat(20)}`));
    editor = testEditor(blocks);
    const state = placeholdersOf(editor.state);
    expect(state.count).toBe(400);
    const drawn = highlighted().length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(400);
    // What is drawn is the top of the document, where the view starts.
    expect(editor.view.dom.querySelector(`.${PLACEHOLDER_CLASS}`)!.closest('p')!.textContent).toContain('第0段');
    expect(state.visible.from).toBe(0);
  });
});

describe('the placeholder count', () => {
  /** Start of the block at a fraction of the document, with the block. */
  const blockAt = (tr: Transaction, at: number) => {
    const index = Math.min(tr.doc.childCount - 1, Math.floor(at * tr.doc.childCount));
    let pos = 0;
    for (let i = 0; i < index; i++) pos += tr.doc.child(i).nodeSize;
    return { pos, node: tr.doc.child(index) };
  };
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  const edits: Array<fc.Arbitrary<(tr: Transaction) => void>> = [
    fc.tuple(at, fc.constantFrom('X市', 'XX同志', '【数据】', '字', 'X')).map(([a, text]) => (tr) => {
      const { pos, node } = blockAt(tr, a);
      tr.insertText(text, pos + 1 + Math.floor(node.content.size / 2));
    }),
    fc.tuple(at, fc.nat({ max: 4 })).map(([a, n]) => (tr) => {
      const { pos, node } = blockAt(tr, a);
      const from = pos + 1 + Math.min(n, node.content.size);
      tr.delete(from, Math.min(pos + 1 + node.content.size, from + 2));
    }),
    at.map((a) => (tr) => {
      const { pos, node } = blockAt(tr, a);
      if (node.content.size) tr.split(pos + 1 + Math.floor(node.content.size / 2));
    }),
    fc.tuple(at, fc.boolean()).map(([a, putBack]) => (tr) => {
      const { pos, node } = blockAt(tr, a);
      if (tr.doc.childCount < 3 || node.type.name !== 'paragraph') return;
      if (putBack) tr.replaceWith(pos, pos + node.nodeSize, node);
      else tr.delete(pos, pos + node.nodeSize);
    }),
  ];

  /** Applies each step to the editor (an edit as one transaction, or an undo), checking after each. */
  const run = (steps: Array<((tr: Transaction) => void) | 'undo'>, check: () => void) => {
    for (const step of steps) {
      if (step === 'undo') editor.commands.undo();
      else {
        const tr = editor.state.tr;
        step(tr);
        if (tr.docChanged) editor.view.dispatch(tr);
      }
      check();
    }
  };

  it('equals a fresh count of the document after any edit, undo and redo', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...edits, fc.constant('undo' as const)), { maxLength: 25 }), (steps) => {
        editor?.destroy();
        editor = testEditor([
          t('在全市XX工作推进会上的讲话'),
          p('推动X市发展，X市要带头。'),
          p('XX同志讲话'),
          p('正文'),
        ]);
        run(steps, () =>
          expect(placeholdersOf(editor.state).count).toBe(countPlaceholders(docFromJSON(editor.getJSON() as NodeJSON))),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('draws, after any edit, exactly the highlights a fresh scan of the range near the screen gives', () => {
    // A window over the middle of a long speech, so that edits fall before it, in it, and across its ends.
    const blocks = Array.from({ length: 120 }, (_, i) => p(`第${i}段X市${'正文'.repeat(i % 7)}XX同志`));
    const shown = () => {
      const plugin = placeholdersKey.get(editor.state)!;
      const set = plugin.props.decorations!.call(plugin, editor.state) as DecorationSet;
      return set.find().map((d) => `${d.from}-${d.to}:${String(d.spec.token)}`);
    };
    const fresh = () => {
      const { visible } = placeholdersOf(editor.state);
      return highlightsBetween(editor.state.doc, visible.from, visible.to)
        .find()
        .map((d) => `${d.from}-${d.to}:${String(d.spec.token)}`);
    };
    const paste = fc.tuple(at, fc.nat({ max: 3 })).map(([a, n]) => (tr: Transaction) => {
      const { pos } = blockAt(tr, a);
      const schema = tr.doc.type.schema;
      const paragraph = (text: string) => schema.nodes.paragraph!.create(null, schema.text(text));
      tr.insert(
        pos,
        Array.from({ length: n + 1 }, (_, i) => paragraph(`粘贴${i}【数据】`)),
      );
    });
    // An edit whose transaction also moves the window (the screen measured in the same step).
    const moved = fc.tuple(paste, at, at).map(([edit, a, b]) => (tr: Transaction) => {
      edit(tr);
      const size = tr.doc.content.size;
      tr.setMeta('setPlaceholderWindow', {
        from: Math.floor(Math.min(a, b) * size),
        to: Math.ceil(Math.max(a, b) * size),
      });
    });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(...edits, paste, moved, fc.constant('undo' as const)), { maxLength: 25 }),
        (steps) => {
          editor?.destroy();
          editor = testEditor(blocks);
          const size = editor.state.doc.content.size;
          editor.view.dispatch(
            editor.state.tr.setMeta('setPlaceholderWindow', { from: Math.floor(size / 3), to: Math.floor(size / 2) }),
          );
          expect(shown()).toEqual(fresh());
          run(steps, () => expect(shown()).toEqual(fresh()));
        },
      ),
      { numRuns: 80 },
    );
  });
});
