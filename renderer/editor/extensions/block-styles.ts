/**
 * Decorations that follow from one block alone: the lead sentence of a run-in heading styled as the heading
 * (run-in-lead.ts), and the hint an empty title, byline or salutation shows (「讲话标题」). One plugin serves both,
 * so the view consults one source for them as it draws each block, and a transaction decorates again only the
 * blocks it touched, every other decoration mapped (DESIGN.md, decision 6; issue 18: TipTap's placeholder
 * extension, which this replaces for the hints, rescanned ranges of the document and asked whether the whole
 * document was empty on every keystroke).
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { touchedBlocks } from '../../../shared/document/changed-blocks';
import { indexed } from '../indexed-decorations';
import { leadDecoration } from './run-in-lead';

/** Hints shown in empty blocks, by block type (translated by the caller). */
export interface EmptyBlockHints {
  title: string;
  byline: string;
  salutation: string;
}

export const blockStylesKey = new PluginKey<DecorationSet>('blockStyles');

/** The class an empty block with a hint carries; its hint is in `data-placeholder`, drawn by CSS. */
export const EMPTY_BLOCK_CLASS = 'is-empty';

/** The decorations of one top-level block at `pos`: its run-in lead, or its hint when it is empty and has one. */
export function blockStyles(block: PMNode, pos: number, hints: EmptyBlockHints | undefined): Decoration[] {
  const lead = leadDecoration(block, pos);
  if (lead) return [lead];
  const hint = hints && block.type.name in hints ? hints[block.type.name as keyof EmptyBlockHints] : undefined;
  if (hint && block.content.size === 0)
    return [
      Decoration.node(
        pos,
        pos + block.nodeSize,
        { class: EMPTY_BLOCK_CLASS, 'data-placeholder': hint },
        { hint: true },
      ),
    ];
  return [];
}

/** Every block's decorations, from the document: what the plugin's state always equals. */
export function buildBlockStyles(doc: PMNode, hints: EmptyBlockHints | undefined): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((block, offset) => decorations.push(...blockStyles(block, offset, hints)));
  return DecorationSet.create(doc, decorations);
}

const isHint = (spec: { hint?: boolean }) => spec.hint === true;
/** Each state's decorations less the hints, for a page that cannot be typed in (the same object for the same set). */
const withoutHints = new WeakMap<DecorationSet, DecorationSet>();

export const BlockStyles = Extension.create<{ hints: EmptyBlockHints | undefined }>({
  name: 'blockStyles',

  addOptions() {
    return { hints: undefined };
  },

  addProseMirrorPlugins() {
    const { hints } = this.options;
    const editor = this.editor;
    return [
      new Plugin<DecorationSet>({
        key: blockStylesKey,
        state: {
          init: (_config, state) => buildBlockStyles(state.doc, hints),
          apply(tr, old) {
            if (!tr.docChanged) return old;
            let decorations = old.map(tr.mapping, tr.doc);
            for (const { pos, node } of touchedBlocks(tr)) {
              const end = pos + node.nodeSize;
              // `find` also answers the node decorations of the blocks either side, which touch this one's ends.
              decorations = decorations.remove(decorations.find(pos, end).filter((d) => d.from >= pos && d.to <= end));
              const added = blockStyles(node, pos, hints);
              if (added.length) decorations = decorations.add(tr.doc, added);
            }
            return decorations;
          },
        },
        props: {
          // The hints show only while the page can be typed in (none under the start view, before a speech is open).
          decorations: (state) => {
            const all = blockStylesKey.getState(state);
            if (!all || editor.isEditable || !hints) return indexed(all);
            let shown = withoutHints.get(all);
            if (!shown) withoutHints.set(all, (shown = indexed(all.remove(all.find(undefined, undefined, isHint)))));
            return shown;
          },
        },
      }),
    ];
  },
});
