/**
 * Section commands: move the current section past its sibling (Alt+Shift+↑/↓), promote or demote
 * it with its subsections (Alt+Shift+←/→), and move any section before a given block (the
 * outline's drag and drop). Each change is one transaction, so one undo restores it; a refused
 * change does nothing and is reported through `onRefuse` so the app can say why.
 */
import { Extension } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import {
  blockIndexAt,
  enclosingHeading,
  moveSection,
  moveSectionBySibling,
  shiftSection,
  type SectionChangeOptions,
  type SectionRefusal,
} from '../../../shared/document/sections';

export interface SectionCommandsOptions {
  /**
   * Whether to refuse moves and promotions that leave a heading skipping a level; read at each command, so a setting
   * can change it. @default () => false
   */
  checkLevels: () => boolean;
  /** Told why a section change was refused. @default () => {} */
  onRefuse: (reason: SectionRefusal) => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sectionCommands: {
      /** Moves the section holding the cursor before its previous (-1) or after its next (+1) sibling. */
      moveSectionBySibling: (direction: -1 | 1) => ReturnType;
      /** Promotes (-1) or demotes (+1) the section holding the cursor with its subsections. */
      shiftSection: (delta: -1 | 1) => ReturnType;
      /** Moves the section headed by top-level block `index` before block `target`. */
      moveSectionTo: (index: number, target: number) => ReturnType;
    };
  }
}

export const SectionCommands = Extension.create<SectionCommandsOptions>({
  name: 'sectionCommands',

  addOptions() {
    return { checkLevels: () => false, onRefuse: () => {} };
  },

  addCommands() {
    const options = (): SectionChangeOptions => ({ checkLevels: this.options.checkLevels() });
    const run = (
      tr: Transaction,
      change: (tr: Transaction) => SectionRefusal | undefined,
      dispatch: unknown,
    ): boolean => {
      const refusal = change(tr);
      if (refusal) {
        if (dispatch) this.options.onRefuse(refusal);
        return false;
      }
      tr.scrollIntoView();
      return true;
    };
    const current = (tr: Transaction) => enclosingHeading(tr.doc, blockIndexAt(tr.doc, tr.selection.from));
    return {
      moveSectionBySibling:
        (direction) =>
        ({ tr, dispatch }) => {
          const index = current(tr);
          return index !== undefined && run(tr, (t) => moveSectionBySibling(t, index, direction, options()), dispatch);
        },
      shiftSection:
        (delta) =>
        ({ tr, dispatch }) => {
          const index = current(tr);
          return index !== undefined && run(tr, (t) => shiftSection(t, index, delta, options()), dispatch);
        },
      moveSectionTo:
        (index, target) =>
        ({ tr, dispatch }) =>
          run(tr, (t) => moveSection(t, index, target, options()), dispatch),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Alt-Shift-ArrowUp': () => this.editor.commands.moveSectionBySibling(-1),
      'Alt-Shift-ArrowDown': () => this.editor.commands.moveSectionBySibling(1),
      'Alt-Shift-ArrowLeft': () => this.editor.commands.shiftSection(-1),
      'Alt-Shift-ArrowRight': () => this.editor.commands.shiftSection(1),
    };
  },
});
