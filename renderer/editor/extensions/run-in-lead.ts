/**
 * Styles the lead sentence of a run-in heading as the heading ("（一）充分认识……的重要意义。" in 楷体,
 * the rest of the paragraph in the body face). The lead is computed from the text
 * (`runInLeadLength`), so it follows edits; only the blocks a transaction touched are recomputed
 * and every other decoration is mapped (DESIGN.md, decision 6).
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { headingLevel } from '../../../shared/document/numbering';
import { runInLeadLength } from '../../../shared/document/run-in';
import { touchedBlocks } from '../../../shared/document/changed-blocks';
import { indexed } from '../indexed-decorations';

export const runInLeadKey = new PluginKey<DecorationSet>('runInLead');

/** The CSS class of the lead sentence of a run-in heading. */
export const RUN_IN_LEAD_CLASS = 'run-in-lead';

function leadDecoration(block: PMNode, pos: number): Decoration | undefined {
  const level = headingLevel(block);
  if (!level || !block.attrs.runIn || block.content.size === 0) return undefined;
  // Text offsets equal positions inside a block with no non-text inline nodes; a line break
  // counts as one character in textBetween with a one-character separator.
  const text = block.textBetween(0, block.content.size, undefined, '\n');
  const length = runInLeadLength(text);
  return Decoration.inline(pos + 1, pos + 1 + length, { class: `${RUN_IN_LEAD_CLASS} level-${level}` });
}

function buildAll(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((block, offset) => {
    const decoration = leadDecoration(block, offset);
    if (decoration) decorations.push(decoration);
  });
  return DecorationSet.create(doc, decorations);
}

export const RunInLead = Extension.create({
  name: 'runInLead',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: runInLeadKey,
        state: {
          init: (_config, state) => buildAll(state.doc),
          apply(tr, old) {
            if (!tr.docChanged) return old;
            let decorations = old.map(tr.mapping, tr.doc);
            for (const { pos, node } of touchedBlocks(tr)) {
              decorations = decorations.remove(decorations.find(pos, pos + node.nodeSize));
              const decoration = leadDecoration(node, pos);
              if (decoration) decorations = decorations.add(tr.doc, [decoration]);
            }
            return decorations;
          },
        },
        props: {
          decorations: (state) => indexed(runInLeadKey.getState(state)),
        },
      }),
    ];
  },
});
