/**
 * Placeholders in the editor: highlights every blank the template left (rules in
 * shared/placeholders), fills a group at once or one occurrence (one undo step), ignores an
 * occurrence ("not a placeholder", remembered as a mark in the document), moves between them with
 * F3 / Shift+F3, and keeps the values of named fields: once {{单位名称}} is filled, a
 * {{单位名称}} typed later is filled too.
 *
 * Highlighting is a decoration set mapped through each transaction; only the blocks the
 * transaction touched are scanned again (DESIGN.md, decision 6).
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isHistoryTransaction } from '@tiptap/pm/history';
import { touchedBlocks } from '../../../shared/document/changed-blocks';
import { blockPlaceholders, documentPlaceholders, type PlaceholderOccurrence } from '../../../shared/placeholders/scan';

export interface PlaceholderState {
  decorations: DecorationSet;
  /** Values of named fields, by name. */
  values: Readonly<Record<string, string>>;
  /** How many placeholders remain (the status bar's count). */
  count: number;
}

export const placeholdersKey = new PluginKey<PlaceholderState>('placeholders');

/** The CSS class of a highlighted placeholder. */
export const PLACEHOLDER_CLASS = 'placeholder';

function blockDecorations(block: PMNode, pos: number): Decoration[] {
  return blockPlaceholders(block).map((match) =>
    Decoration.inline(pos + 1 + match.from, pos + 1 + match.to, { class: PLACEHOLDER_CLASS, 'data-token': match.token }, { token: match.token }),
  );
}

function scanAll(doc: PMNode): { decorations: DecorationSet; count: number } {
  const decorations: Decoration[] = [];
  doc.forEach((block, offset) => decorations.push(...blockDecorations(block, offset)));
  return { decorations: DecorationSet.create(doc, decorations), count: decorations.length };
}

/** The placeholder state of an editor state. */
export function placeholdersOf(state: EditorState): PlaceholderState {
  return placeholdersKey.getState(state)!;
}

const SET_VALUES = 'setPlaceholderValues';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    placeholders: {
      /** Fills every occurrence of a token (or only the one at `at`) with `value`, in one step. */
      fillPlaceholder: (token: string, value: string, at?: number) => ReturnType;
      /** Marks the occurrence at [from, to) as not a placeholder. */
      ignorePlaceholder: (from: number, to: number) => ReturnType;
      /** Selects the next (1) or previous (-1) placeholder after the cursor, wrapping round. */
      goToPlaceholder: (direction: 1 | -1) => ReturnType;
      /** Loads the named-field values kept in the document's file (not an edit: no undo step). */
      setPlaceholderValues: (values: Record<string, string>) => ReturnType;
    };
  }
}

/** The occurrences of a token, or the one starting at `at`. */
function occurrencesOf(doc: PMNode, token: string, at?: number): PlaceholderOccurrence[] {
  return documentPlaceholders(doc).filter((o) => (o.field !== undefined ? `{{${o.field}}}` : o.token) === token && (at === undefined || o.pos === at));
}

export const Placeholders = Extension.create({
  name: 'placeholders',

  addCommands() {
    return {
      fillPlaceholder:
        (token, value, at) =>
        ({ tr, state }) => {
          const targets = occurrencesOf(tr.doc, token, at);
          if (!targets.length || !value) return false;
          for (const target of [...targets].reverse()) tr.insertText(value, target.pos, target.end);
          const field = targets[0]!.field;
          if (field !== undefined && at === undefined) tr.setMeta(SET_VALUES, { ...placeholdersOf(state).values, [field]: value });
          return true;
        },
      ignorePlaceholder:
        (from, to) =>
        ({ tr, state }) => {
          const type = state.schema.marks.notPlaceholder;
          if (!type || from >= to) return false;
          tr.addMark(from, to, type.create());
          return true;
        },
      goToPlaceholder:
        (direction) =>
        ({ tr, dispatch }) => {
          const all = documentPlaceholders(tr.doc);
          if (!all.length) return false;
          const { from, to } = tr.selection;
          const next = direction === 1 ? (all.find((o) => o.pos >= to && !(o.pos === from && o.end === to)) ?? all[0]!) : ([...all].reverse().find((o) => o.end <= from) ?? all[all.length - 1]!);
          if (dispatch) tr.setSelection(TextSelection.create(tr.doc, next.pos, next.end)).scrollIntoView();
          return true;
        },
      setPlaceholderValues:
        (values) =>
        ({ tr }) => {
          tr.setMeta(SET_VALUES, { ...values }).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      F3: () => this.editor.commands.goToPlaceholder(1),
      'Shift-F3': () => this.editor.commands.goToPlaceholder(-1),
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<PlaceholderState>({
        key: placeholdersKey,
        state: {
          init: (_config, state) => ({ ...scanAll(state.doc), values: {} }),
          apply(tr, old) {
            const values = (tr.getMeta(SET_VALUES) as Record<string, string> | undefined) ?? old.values;
            if (!tr.docChanged) return values === old.values ? old : { ...old, values };
            let decorations = old.decorations.map(tr.mapping, tr.doc);
            let count = old.count;
            for (const { pos, node } of touchedBlocks(tr)) {
              const stale = decorations.find(pos, pos + node.nodeSize);
              const fresh = blockDecorations(node, pos);
              count += fresh.length - stale.length;
              decorations = decorations.remove(stale).add(tr.doc, fresh);
            }
            return { decorations, values, count };
          },
        },
        props: {
          decorations: (state) => placeholdersKey.getState(state)?.decorations,
        },
        // A named field whose value is known is filled as soon as it is typed (not on undo/redo,
        // which must be able to bring the field back).
        appendTransaction(transactions, _oldState, newState) {
          const { values } = placeholdersKey.getState(newState)!;
          if (!Object.keys(values).length || !transactions.some((t) => t.docChanged && !isHistoryTransaction(t))) return null;
          let tr: Transaction | null = null;
          for (const transaction of transactions) {
            for (const { pos, node } of touchedBlocks(transaction)) {
              if (pos + node.nodeSize > newState.doc.content.size || newState.doc.nodeAt(pos) !== node) continue;
              for (const match of [...blockPlaceholders(node)].reverse()) {
                const value = match.field !== undefined ? values[match.field] : undefined;
                if (value === undefined) continue;
                tr ??= newState.tr;
                tr.insertText(value, tr.mapping.map(pos + 1 + match.from), tr.mapping.map(pos + 1 + match.to));
              }
            }
          }
          return tr;
        },
      }),
    ];
  },
});
