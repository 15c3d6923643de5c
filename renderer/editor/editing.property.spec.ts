// @vitest-environment jsdom
/**
 * Model-based property tests of the editor (issue 12): fast-check drives a headless editor with the
 * app's extensions through random sequences of what users do — type, Enter, Backspace, paste,
 * Ctrl+1..4 / Ctrl+0, section moves and promotions, placeholder fills, marking the closing, undo,
 * redo — and after every step holds the editor's derived state against a fresh computation from the
 * document alone:
 *   - the placeholder count and the highlights equal a fresh scan;
 *   - the outline and the drawn heading numbers equal a fresh build;
 *   - the blocks drawn as the caret's (never skipped off screen) are those the selection's ends are in;
 *   - a section command never moves the title, byline, salutation or closing remarks, and leaves the
 *     same multiset of block texts;
 *   - a fill changes the blanks it names and nothing else, and keeps the word each stands in;
 * and at the end, undo back to the start gives the exact starting document.
 *
 * Runs are bounded for `npm test`; LECTERN_PROPERTY_SCALE=20 runs twenty times as many.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Editor, JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';
import { docFromJSON, type NodeJSON } from '../../shared/document/file-format';
import { buildOutline } from '../../shared/document/outline';
import { headingLabels } from '../../shared/document/numbering';
import { builtinTemplates } from '../../shared/library/builtin-templates';
import { speechFromEntry } from '../../shared/library/insert';
import { filledText } from '../../shared/placeholders/fill';
import { documentPlaceholders, groupPlaceholders } from '../../shared/placeholders/scan';
import { drawnHeadingNumbers } from './extensions/heading-numbers';
import { CARET_BLOCK_CLASS } from './extensions/caret-block';
import { blockStylesKey, buildBlockStyles } from './extensions/block-styles';
import { outlineOf } from './extensions/outline-state';
import { placeholdersKey, placeholdersOf } from './extensions/placeholders';
import { press, TEST_HINTS, testEditor } from './test-editor';

// jsdom has no ClipboardEvent; ProseMirror's pasteText makes one to hand to paste handlers.
if (typeof globalThis.ClipboardEvent === 'undefined') {
  (globalThis as { ClipboardEvent?: unknown }).ClipboardEvent = class extends Event {
    readonly clipboardData = null;
  };
}

const SCALE = Math.max(1, Number(process.env.LECTERN_PROPERTY_SCALE ?? 1));

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

/** Starting documents: the 推进会 template, a small speech with a marked closing, and a blank page. */
function starts(): JSONContent[] {
  const entry = builtinTemplates().entries.find((e) => e.id === 'builtin-push-meeting')!;
  const template = speechFromEntry(entry).doc as JSONContent;
  const block = (type: string, text: string, attrs?: Record<string, unknown>): JSONContent => ({
    type,
    ...(attrs ? { attrs } : {}),
    ...(text ? { content: [{ type: 'text', text }] } : {}),
  });
  const small: JSONContent = {
    type: 'doc',
    content: [
      block('title', '在X市XX工作会议上的讲话'),
      block('byline', '×××'),
      block('salutation', '同志们：'),
      block('paragraph', '开场，XX同志讲了。', { level: 0, runIn: false }),
      block('paragraph', '统一思想', { level: 1, runIn: false }),
      block('paragraph', '充分认识。正文【数据】。', { level: 2, runIn: true }),
      block('paragraph', '抓好落实', { level: 1, runIn: false }),
      block('paragraph', '一要X个项目。', { level: 0, runIn: false }),
      block('closing', '同志们，让我们在{{单位名称}}的领导下……！'),
      block('closing', '谢谢大家！'),
    ],
  };
  return [template, small, { type: 'doc', content: [{ type: 'title' }] }];
}

interface Real {
  editor: Editor;
}
type Model = Record<string, never>;

/** What a block is and says, to compare documents by. */
function rowsOf(doc: PMNode): string[] {
  const rows: string[] = [];
  doc.forEach((node) =>
    rows.push(
      `${node.type.name}:${String(node.attrs.level ?? '')}:${String(node.attrs.runIn ?? '')}:${node.textContent}`,
    ),
  );
  return rows;
}

/** The blocks no section command may move: every block but a paragraph, with its index and text. */
function fixedBlocks(doc: PMNode): string[] {
  const out: string[] = [];
  doc.forEach((node, _offset, index) => {
    if (node.type.name !== 'paragraph') out.push(`${index}:${node.type.name}:${node.textContent}`);
  });
  return out;
}

/** A fresh document with no node shared with the editor's, so nothing cached is reused. */
function fresh(ed: Editor): PMNode {
  return docFromJSON(ed.getJSON() as NodeJSON);
}

/** Holds the editor's derived state against a fresh computation from its document. */
function checkDerived(ed: Editor): void {
  const doc = fresh(ed);
  const occurrences = documentPlaceholders(doc);
  expect(placeholdersOf(ed.state).count, 'placeholder count').toBe(occurrences.length);
  const visible = placeholdersOf(ed.state).visible;
  const plugin = placeholdersKey.get(ed.state)!;
  const shown = plugin.props.decorations!.call(plugin, ed.state) as DecorationSet;
  const highlighted = shown.find().map((d) => `${d.from}-${d.to}`);
  const expected = occurrences
    .filter((o) => o.end > visible.from && o.pos < visible.to)
    .map((o) => `${o.pos}-${o.end}`);
  expect(highlighted.sort(), 'highlights').toEqual(expected.sort());
  const outline = buildOutline(doc);
  const { outline: live } = outlineOf(ed.state);
  expect(JSON.parse(JSON.stringify(live)), 'outline').toEqual(JSON.parse(JSON.stringify(outline)));
  expect(drawnHeadingNumbers(ed.state), 'heading numbers').toEqual([...headingLabels(doc).values()]);
  // A decoration's attributes (class, hint) are on its type, which the typings leave out.
  const attrsOf = (d: Decoration) => JSON.stringify((d as unknown as { type: { attrs: unknown } }).type.attrs);
  const styles = (set: DecorationSet) => set.find().map((d) => `${d.from}-${d.to}:${attrsOf(d)}`);
  expect(styles(blockStylesKey.getState(ed.state)!), 'lead sentences and hints').toEqual(
    styles(buildBlockStyles(doc, TEST_HINTS)),
  );
  // The blocks the browser may skip off screen: all but those the selection's ends are in (a block between
  // blocks is in none).
  const { anchor, head } = ed.state.selection;
  const ends = [anchor, head].map((pos) => doc.resolve(pos)).filter(($pos) => $pos.depth > 0);
  const caretRows = [...new Set(ends.map(($pos) => $pos.index(0)))].sort((a, b) => a - b);
  const drawnRows = Array.from(ed.view.dom.children).flatMap((el, i) =>
    el.classList.contains(CARET_BLOCK_CLASS) ? [i] : [],
  );
  expect(drawnRows, 'caret blocks').toEqual(caretRows);
}

const TEXTS = [
  '同志们，',
  '要抓好',
  'X市',
  'XX同志',
  '【数据】',
  '一、',
  '（一）',
  '谢谢大家！',
  '。',
  '一要',
  '{{单位名称}}',
  '×××',
];
const VALUES = ['临江', '临江市', '王建国', '王建国同志', '招商引资', '12', '市总工会'];

/** Puts the cursor at a fraction of the document. */
function placeCursor(ed: Editor, at: number): void {
  const size = ed.state.doc.content.size;
  const pos = Math.min(size, Math.max(0, Math.round(at * size)));
  ed.view.dispatch(ed.state.tr.setSelection(TextSelection.near(ed.state.doc.resolve(pos))));
}

/** Types text the way the browser hands it to ProseMirror, so input rules run. */
function typeText(ed: Editor, text: string): void {
  for (const ch of text) {
    const { from, to } = ed.state.selection;
    const handled = ed.view.someProp('handleTextInput', (f) =>
      f(ed.view, from, to, ch, () => ed.state.tr.insertText(ch, from, to)),
    );
    if (!handled) ed.view.dispatch(ed.state.tr.insertText(ch, from, to));
  }
}

class Action implements fc.Command<Model, Real> {
  constructor(
    readonly name: string,
    readonly act: (ed: Editor) => void,
  ) {}
  check(): boolean {
    return true;
  }
  run(_m: Model, real: Real): void {
    this.act(real.editor);
    checkDerived(real.editor);
  }
  toString(): string {
    return this.name;
  }
}

/** A section command: it must leave the fixed blocks where they are and the same texts. */
function sectionAction(name: string, keys: string): fc.Arbitrary<Action> {
  return fc.double({ min: 0, max: 1, noNaN: true }).map(
    (at) =>
      new Action(`${name}@${at.toFixed(2)}`, (ed) => {
        placeCursor(ed, at);
        const before = ed.state.doc;
        press(ed, keys);
        const after = ed.state.doc;
        expect(fixedBlocks(after), `${name} moved a fixed block`).toEqual(fixedBlocks(before));
        const texts = (doc: PMNode) =>
          rowsOf(doc)
            .map((row) => row.split(':').slice(3).join(':'))
            .sort();
        expect(texts(after), `${name} changed the texts`).toEqual(texts(before));
      }),
  );
}

const fillAction = fc.tuple(fc.nat(), fc.constantFrom(...VALUES), fc.boolean()).map(
  ([pick, value, one]) =>
    new Action(`fill#${pick}=${value}${one ? ' (one)' : ''}`, (ed) => {
      const groups = groupPlaceholders(documentPlaceholders(ed.state.doc));
      if (!groups.length) return;
      const group = groups[pick % groups.length]!;
      const targets = one ? [group.occurrences[0]!] : group.occurrences;
      const before = ed.state.doc;
      ed.commands.fillPlaceholder(group.token, value, one ? targets[0]!.pos : undefined);
      // Each block reads as before with each target's placeholder as the fill writes it, and nothing else changed.
      const expected = rowsOf(before).map((row) => row.split(':').slice(3).join(':'));
      for (const target of [...targets].reverse()) {
        const text = expected[target.blockIndex]!;
        expected[target.blockIndex] = text.slice(0, target.from) + filledText(target, value) + text.slice(target.to);
      }
      const after = rowsOf(ed.state.doc).map((row) => row.split(':').slice(3).join(':'));
      // A named field filled everywhere fills its later copies too; the rest must match exactly.
      expect(after, `fill ${group.token}=${value}`).toEqual(expected);
    }),
);

const actions: fc.Arbitrary<Action>[] = [
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TEXTS))
    .map(
      ([at, text]) => new Action(`type ${text}@${at.toFixed(2)}`, (ed) => (placeCursor(ed, at), typeText(ed, text))),
    ),
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((at) => new Action(`Enter@${at.toFixed(2)}`, (ed) => (placeCursor(ed, at), press(ed, 'Enter')))),
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((at) => new Action(`Backspace@${at.toFixed(2)}`, (ed) => (placeCursor(ed, at), press(ed, 'Backspace')))),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom('一、抓好X市项目\n正文XX同志。', '同志们，\n谢谢大家！', '【数据】'),
    )
    .map(([at, text]) => new Action(`paste@${at.toFixed(2)}`, (ed) => (placeCursor(ed, at), ed.view.pasteText(text)))),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 4 }))
    .map(
      ([at, level]) =>
        new Action(`Ctrl+${level}@${at.toFixed(2)}`, (ed) => (placeCursor(ed, at), press(ed, `Mod-${level}`))),
    ),
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((at) => new Action(`Ctrl+Alt+J@${at.toFixed(2)}`, (ed) => (placeCursor(ed, at), press(ed, 'Mod-Alt-j')))),
  sectionAction('Alt+Shift+↑', 'Alt-Shift-ArrowUp'),
  sectionAction('Alt+Shift+↓', 'Alt-Shift-ArrowDown'),
  sectionAction('Alt+Shift+←', 'Alt-Shift-ArrowLeft'),
  sectionAction('Alt+Shift+→', 'Alt-Shift-ArrowRight'),
  fillAction,
  fc.constant(new Action('undo', (ed) => void ed.commands.undo())),
  fc.constant(new Action('redo', (ed) => void ed.commands.redo())),
];

describe('editing, driven by random sequences of what users do', () => {
  it.each(
    starts().map(
      (doc, i) => [['the 推进会 template', 'a small speech with its closing marked', 'a blank page'][i]!, doc] as const,
    ),
  )(
    'keeps every count, the outline and the numbers true, never moves the fixed blocks, and undoes back to the start: %s',
    (_name, start) => {
      fc.assert(
        fc.property(fc.commands(actions, { maxCommands: 30 }), (commands) => {
          editor?.destroy();
          editor = testEditor(start.content ?? []);
          const initial = editor.getJSON();
          checkDerived(editor);
          fc.modelRun(() => ({ model: {}, real: { editor: editor! } }), commands);
          for (let i = 0; i < 2_000 && editor.commands.undo(); i++);
          expect(editor.getJSON(), 'undo back to the start').toEqual(initial);
          checkDerived(editor);
        }),
        { numRuns: 25 * SCALE },
      );
    },
    60_000 * SCALE,
  );
});
