/**
 * Draws heading numbers 一、 （一） 1. （1） from each heading's position (DESIGN.md, decision 2).
 * A number is a node decoration (`data-number` on the heading's element, shown by CSS `::before`),
 * so it is never part of the text, never selectable and never a widget beside a composition (the
 * IME duplicate-letter pitfall comes from widgets at a textblock's start).
 *
 * The state is a pure function of the document, kept without reading the whole of it on a
 * keystroke (issue 18): a transaction that leaves the sequence of heading levels as it was (typing,
 * Enter in the body, a fill) keeps every label, so the decorations are mapped and only the blocks it
 * changed get theirs again, with the labels their run had before; a change to the sequence (a new
 * heading, a level, a section move) renumbers from the document.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { Mapping } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { HeadingCounter, headingLevel } from '../../../shared/document/numbering';
import { changedRun } from '../changed-run';
import { indexed } from '../indexed-decorations';

export const headingNumbersKey = new PluginKey<DecorationSet>('headingNumbers');

function numberDecoration(block: PMNode, pos: number, label: string): Decoration {
  return Decoration.node(pos, pos + block.nodeSize, { 'data-number': label }, { label });
}

function build(doc: PMNode): DecorationSet {
  const counter = new HeadingCounter();
  const decorations: Decoration[] = [];
  doc.forEach((block, offset) => {
    const level = headingLevel(block);
    if (level) decorations.push(numberDecoration(block, offset, counter.next(level)));
  });
  return DecorationSet.create(doc, decorations);
}

/** The heading levels of blocks `[from, to)` of `doc`, skipping body blocks. */
function headingLevels(doc: PMNode, from: number, to: number): number[] {
  const levels: number[] = [];
  for (let i = from; i < to; i++) {
    const level = headingLevel(doc.child(i));
    if (level) levels.push(level);
  }
  return levels;
}

/**
 * The numbers after a change from `before` to `after` (`mapping` the transaction's): `old` mapped,
 * with the changed run's headings labelled again when the heading levels are as they were, else
 * built from `after`. A decoration outside the run that the mapping dropped (a step that put back the
 * very same nodes) also rebuilds, so the numbers never depend on how a change was made.
 */
function update(old: DecorationSet, before: PMNode, after: PMNode, mapping: Mapping): DecorationSet {
  const run = changedRun(before, after);
  const oldLevels = headingLevels(before, run.start, run.oldEnd);
  const newLevels = headingLevels(after, run.start, run.newEnd);
  if (oldLevels.length !== newLevels.length || oldLevels.some((level, i) => level !== newLevels[i]))
    return build(after);
  // The run's decorations as they were (find also answers the blocks either side: only those wholly inside).
  const inRun = old.find(run.pos, run.oldTo).filter((d) => d.from >= run.pos && d.to <= run.oldTo);
  const runSpecs = new Set<unknown>(inRun.map((d) => d.spec));
  let lost = false;
  let decorations = old.map(mapping, after, { onRemove: (spec) => (lost ||= !runSpecs.has(spec)) });
  if (lost) return build(after);
  decorations = decorations.remove(
    decorations.find(run.pos, run.newTo).filter((d) => d.from >= run.pos && d.to <= run.newTo),
  );
  const added: Decoration[] = [];
  for (let i = run.start, pos = run.pos; i < run.newEnd; i++) {
    const block = after.child(i);
    if (headingLevel(block)) added.push(numberDecoration(block, pos, String(inRun[added.length]!.spec.label)));
    pos += block.nodeSize;
  }
  return added.length ? decorations.add(after, added) : decorations;
}

/** The heading labels currently drawn, in document order (for tests). */
export function drawnHeadingNumbers(state: EditorState): string[] {
  const decorations = headingNumbersKey.getState(state);
  return decorations ? decorations.find().map((decoration) => String(decoration.spec.label)) : [];
}

export const HeadingNumbers = Extension.create({
  name: 'headingNumbers',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: headingNumbersKey,
        state: {
          init: (_config, state) => build(state.doc),
          apply(tr, old, oldState) {
            if (!tr.docChanged) return old;
            return update(old, oldState.doc, tr.doc, tr.mapping);
          },
        },
        props: {
          decorations: (state) => indexed(headingNumbersKey.getState(state)),
        },
      }),
    ];
  },
});
