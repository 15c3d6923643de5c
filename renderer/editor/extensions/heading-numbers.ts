/**
 * Draws heading numbers 一、 （一） 1. （1） from each heading's position (DESIGN.md, decision 2).
 * A number is a node decoration (`data-number` on the heading's element, shown by CSS `::before`),
 * so it is never part of the text, never selectable and never a widget beside a composition (the
 * IME duplicate-letter pitfall comes from widgets at a textblock's start).
 *
 * The state is a pure function of the document: on a transaction that keeps the sequence of
 * heading levels, the decorations are mapped; any structural change rebuilds them.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { HeadingCounter, headingLevel } from '../../../shared/document/numbering';

interface HeadingNumbersState {
  /** The level of every top-level block (0 for non-headings), in order. */
  levels: number[];
  /** How many headings carry a number. */
  count: number;
  decorations: DecorationSet;
}

export const headingNumbersKey = new PluginKey<HeadingNumbersState>('headingNumbers');

function blockLevels(doc: PMNode): number[] {
  const levels: number[] = [];
  doc.forEach((block) => levels.push(headingLevel(block)));
  return levels;
}

function build(doc: PMNode, levels = blockLevels(doc)): HeadingNumbersState {
  const counter = new HeadingCounter();
  const decorations: Decoration[] = [];
  doc.forEach((block, offset, index) => {
    const level = levels[index]!;
    if (!level) return;
    const label = counter.next(level);
    decorations.push(Decoration.node(offset, offset + block.nodeSize, { 'data-number': label }, { label }));
  });
  return { levels, count: decorations.length, decorations: DecorationSet.create(doc, decorations) };
}

function sameLevels(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((level, i) => level === b[i]);
}

/** The heading labels currently drawn, in document order (for tests). */
export function drawnHeadingNumbers(state: EditorState): string[] {
  const pluginState = headingNumbersKey.getState(state);
  return pluginState ? pluginState.decorations.find().map((decoration) => String(decoration.spec.label)) : [];
}

export const HeadingNumbers = Extension.create({
  name: 'headingNumbers',

  addProseMirrorPlugins() {
    return [
      new Plugin<HeadingNumbersState>({
        key: headingNumbersKey,
        state: {
          init: (_config, state) => build(state.doc),
          apply(tr, old) {
            if (!tr.docChanged) return old;
            const levels = blockLevels(tr.doc);
            if (!sameLevels(levels, old.levels)) return build(tr.doc, levels);
            const decorations = old.decorations.map(tr.mapping, tr.doc);
            // A heading replaced by another of the same level drops its decoration: rebuild then.
            if (decorations.find().length !== old.count) return build(tr.doc, levels);
            return { levels, count: old.count, decorations };
          },
        },
        props: {
          decorations: (state) => headingNumbersKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
