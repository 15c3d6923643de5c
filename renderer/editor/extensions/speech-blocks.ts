/**
 * Block structure commands: make the current blocks a title, byline, salutation, body paragraph,
 * a level 1–4 heading or the closing remarks (结束语, Ctrl+Alt+J marks and unmarks them); demote
 * and promote headings; toggle a heading's run-in form; and the
 * typing habits of speechwriters (typing "一、" at the start of a body paragraph makes it a level-1
 * heading, and the typed number is dropped because numbers are drawn, never typed).
 */
import { Extension, InputRule } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { MAX_HEADING_LEVEL } from '../../../shared/document/schema';
import { blockPosition } from '../../../shared/document/sections';

/** What a block is, in the user's words; the block-type menu offers these. */
export const BLOCK_KINDS = [
  'title',
  'byline',
  'salutation',
  'body',
  'heading1',
  'heading2',
  'heading3',
  'heading4',
  'closing',
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Typed numbers that turn a body paragraph into a heading of the given level. */
export const HEADING_NUMBER_INPUT_RULES: ReadonlyArray<{ level: number; find: RegExp }> = [
  { level: 1, find: /^[一二三四五六七八九十]{1,3}、$/ },
  { level: 2, find: /^[（(][一二三四五六七八九十]{1,3}[）)]$/ },
  { level: 3, find: /^\d{1,2}[.．、]$/ },
  { level: 4, find: /^[（(]\d{1,2}[）)]$/ },
];

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    speechBlocks: {
      /** Makes every block in the selection the given kind; true when the selection holds a block. */
      setBlockKind: (kind: BlockKind) => ReturnType;
      /** Makes every block in the selection a heading of `level` (1–4), or body text with 0. */
      setHeadingLevel: (level: number) => ReturnType;
      /** Moves the selected headings one level down (一、 → （一）); body text is left alone. */
      demoteHeading: () => ReturnType;
      /** Moves the selected headings one level up (（一） → 一、); level 1 stays level 1. */
      promoteHeading: () => ReturnType;
      /** Switches the selected headings between own-line and run-in. */
      toggleRunIn: () => ReturnType;
      /**
       * Marks the selected blocks as the closing remarks (结束语), or, when they all are, makes
       * them body text again. True when the selection holds a block.
       */
      toggleClosing: () => ReturnType;
      /** Makes the run of closing blocks that starts at top-level block `index` body text (the outline's 取消结束语). */
      unmarkClosing: (index: number) => ReturnType;
    };
  }
}

/** The kind of a block node. */
export function blockKindOf(node: PMNode): BlockKind {
  switch (node.type.name) {
    case 'title':
    case 'byline':
    case 'salutation':
    case 'closing':
      return node.type.name;
    default: {
      const level = Number(node.attrs.level ?? 0);
      return level >= 1 && level <= MAX_HEADING_LEVEL ? (`heading${level}` as BlockKind) : 'body';
    }
  }
}

/**
 * Calls `change` for each textblock the transaction's selection covers; returns whether any was
 * changed. Reads `tr` rather than the command's state so it composes inside chains; the changes
 * made are markup changes, which never shift positions.
 */
function eachSelectedBlock(tr: Transaction, change: (node: PMNode, pos: number) => boolean): boolean {
  const { from, to } = tr.selection;
  let changed = false;
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    if (change(node, pos)) changed = true;
    return false;
  });
  return changed;
}

function setKind(tr: Transaction, node: PMNode, pos: number, kind: BlockKind): boolean {
  const schema = tr.doc.type.schema;
  if (kind === 'title' || kind === 'byline' || kind === 'salutation' || kind === 'closing') {
    if (node.type.name === kind) return false;
    tr.setNodeMarkup(pos, schema.nodes[kind]);
    return true;
  }
  const level = kind === 'body' ? 0 : Number(kind.slice('heading'.length));
  const runIn = level > 0 && node.type.name === 'paragraph' ? Boolean(node.attrs.runIn) : false;
  if (node.type.name === 'paragraph' && node.attrs.level === level && node.attrs.runIn === runIn) return false;
  tr.setNodeMarkup(pos, schema.nodes.paragraph, { level, runIn });
  return true;
}

function shiftLevel(tr: Transaction, delta: number): boolean {
  return eachSelectedBlock(tr, (node, pos) => {
    const level = node.type.name === 'paragraph' ? Number(node.attrs.level) : 0;
    if (!level) return false;
    const next = Math.min(MAX_HEADING_LEVEL, Math.max(1, level + delta));
    if (next === level) return false;
    tr.setNodeMarkup(pos, undefined, { ...node.attrs, level: next });
    return true;
  });
}

function headingInputRule(level: number, find: RegExp): InputRule {
  return new InputRule({
    find,
    handler: ({ state, range }) => {
      const $from = state.doc.resolve(range.from);
      const block = $from.parent;
      if (block.type.name !== 'paragraph' || block.attrs.level !== 0) return null;
      state.tr.delete(range.from, range.to).setNodeMarkup($from.before(), undefined, { level, runIn: false });
    },
  });
}

export const SpeechBlocks = Extension.create({
  name: 'speechBlocks',
  // Above TipTap's core keymap, whose Enter would otherwise split first.
  priority: 200,

  addCommands() {
    return {
      // Applies whenever the selection holds a textblock, even if it is that kind already, so
      // that chains such as Enter's split-then-set succeed.
      setBlockKind:
        (kind) =>
        ({ tr }) => {
          let applies = false;
          eachSelectedBlock(tr, (node, pos) => {
            applies = true;
            return setKind(tr, node, pos, kind);
          });
          return applies;
        },
      setHeadingLevel:
        (level) =>
        ({ commands }) =>
          commands.setBlockKind(level >= 1 && level <= MAX_HEADING_LEVEL ? (`heading${level}` as BlockKind) : 'body'),
      demoteHeading:
        () =>
        ({ tr }) =>
          shiftLevel(tr, 1),
      promoteHeading:
        () =>
        ({ tr }) =>
          shiftLevel(tr, -1),
      toggleRunIn:
        () =>
        ({ tr }) => {
          let target: boolean | undefined;
          return eachSelectedBlock(tr, (node, pos) => {
            if (node.type.name !== 'paragraph' || !node.attrs.level) return false;
            target ??= !node.attrs.runIn;
            tr.setNodeMarkup(pos, undefined, { ...node.attrs, runIn: target });
            return true;
          });
        },
      toggleClosing:
        () =>
        ({ tr, commands }) => {
          let all = true;
          let any = false;
          eachSelectedBlock(tr, (node) => {
            any = true;
            if (node.type.name !== 'closing') all = false;
            return false;
          });
          return any && commands.setBlockKind(all ? 'body' : 'closing');
        },
      unmarkClosing:
        (index) =>
        ({ tr }) => {
          const paragraph = tr.doc.type.schema.nodes.paragraph!;
          let pos = blockPosition(tr.doc, index);
          let changed = false;
          for (let i = index; i < tr.doc.childCount && tr.doc.child(i).type.name === 'closing'; i++) {
            tr.setNodeMarkup(pos, paragraph, { level: 0, runIn: false });
            pos += tr.doc.child(i).nodeSize;
            changed = true;
          }
          return changed;
        },
    };
  },

  addKeyboardShortcuts() {
    const shortcuts: Record<string, () => boolean> = {
      'Mod-0': () => this.editor.commands.setHeadingLevel(0),
      // Tab never leaves the editor: on body text it does nothing rather than move the focus.
      Tab: () => this.editor.commands.demoteHeading() || true,
      'Shift-Tab': () => this.editor.commands.promoteHeading() || true,
      'Mod-Alt-r': () => this.editor.commands.toggleRunIn(),
      'Mod-Alt-j': () => this.editor.commands.toggleClosing(),
      'Shift-Enter': () => this.editor.commands.setHardBreak(),
      Enter: () => {
        const { selection } = this.editor.state;
        const { $from, empty } = selection;
        const block = $from.parent;
        if (!empty || $from.parentOffset !== block.content.size) return false;
        // A short byline ending in a colon is the salutation (同志们：); the speech body follows.
        if (block.type.name === 'byline' && /[：:]$/.test(block.textContent)) {
          return this.editor.chain().setBlockKind('salutation').splitBlock().setBlockKind('body').run();
        }
        // The closing remarks go on in the closing: a new paragraph there is closing words too.
        if (block.type.name === 'closing') return this.editor.chain().splitBlock().setBlockKind('closing').run();
        // Under the title come the speaker and date lines.
        if (block.type.name === 'title' || block.type.name === 'byline') {
          return this.editor.chain().splitBlock().setBlockKind('byline').run();
        }
        return false;
      },
    };
    for (let level = 1; level <= MAX_HEADING_LEVEL; level++) {
      shortcuts[`Mod-${level}`] = () => this.editor.commands.setHeadingLevel(level);
    }
    return shortcuts;
  },

  addInputRules() {
    return HEADING_NUMBER_INPUT_RULES.map(({ level, find }) => headingInputRule(level, find));
  },
});
