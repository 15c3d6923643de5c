/**
 * Placeholders in the editor: highlights every blank the template left (rules in
 * shared/placeholders), fills a group at once or one occurrence (one undo step), ignores an
 * occurrence ("not a placeholder", remembered as a mark in the document), moves between them with
 * F3 / Shift+F3, and keeps the values of named fields: once {{单位名称}} is filled, a
 * {{单位名称}} typed later is filled too.
 *
 * Every figure is derived from the document itself (DESIGN.md, decisions 6 and 8): the count is
 * the previous count less the blocks a transaction replaced and plus the blocks that replaced them
 * (found by node identity, changed-run.ts: every other block is the very same node, so this equals a
 * fresh walk without one on each keystroke, issue 18), and the highlights are built from the same
 * cached scans for the part of the document near the screen. No position is mapped and patched from
 * one state to the next, so nothing can drift (issue 12: the status bar's count climbed with every
 * section move and undo). The view is handed only the highlights near what is on screen: ProseMirror
 * looks up each block's decorations by walking the decorated blocks, so thousands of highlights in a
 * long speech would make every keystroke's redraw quadratic (bench: p95 54 ms with all 2,000,
 * against 32 ms without the plugin).
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isHistoryTransaction } from '@tiptap/pm/history';
import { touchedBlocks } from '../../../shared/document/changed-blocks';
import { indexed } from '../indexed-decorations';
import { changedRun } from '../changed-run';
import { fillPlaceholder } from '../../../shared/placeholders/fill';
import { blockPlaceholders, countPlaceholders, documentPlaceholders } from '../../../shared/placeholders/scan';

export interface PlaceholderState {
  /** The document range the view shows highlights for: what is on screen, with a margin. */
  visible: { from: number; to: number };
  /** Values of named fields, by name. */
  values: Readonly<Record<string, string>>;
  /** How many placeholders remain (the status bar's count): always `countPlaceholders` of the document. */
  count: number;
}

export const placeholdersKey = new PluginKey<PlaceholderState>('placeholders');

/** The CSS class of a highlighted placeholder. */
export const PLACEHOLDER_CLASS = 'placeholder';

function blockDecorations(block: PMNode, pos: number): Decoration[] {
  return blockPlaceholders(block).map((match) =>
    Decoration.inline(
      pos + 1 + match.from,
      pos + 1 + match.to,
      { class: PLACEHOLDER_CLASS, 'data-token': match.token },
      { token: match.token },
    ),
  );
}

/** The placeholder state of an editor state. */
export function placeholdersOf(state: EditorState): PlaceholderState {
  return placeholdersKey.getState(state)!;
}

const SET_VALUES = 'setPlaceholderValues';
const SET_VISIBLE = 'setPlaceholderWindow';
/** Positions either side of the screen that are highlighted too, so scrolling shows them at once. */
export const VISIBLE_MARGIN = 6_000;
/** Before the view has measured the screen, highlight from the top. */
const INITIAL_VISIBLE = { from: 0, to: 2 * VISIBLE_MARGIN };

/** How many placeholders blocks `[from, to)` of `doc` hold, from their cached scans. */
function countIn(doc: PMNode, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) count += blockPlaceholders(doc.child(i)).length;
  return count;
}

/**
 * The count after a change from `before` (which held `count`) to `after`: the blocks outside the
 * changed run are the very same nodes, so only the run's blocks are counted again. The result is
 * `countPlaceholders(after)` exactly: it reads the documents, never positions mapped through the steps.
 */
function recount(count: number, before: PMNode, after: PMNode): number {
  const run = changedRun(before, after);
  return count - countIn(before, run.start, run.oldEnd) + countIn(after, run.start, run.newEnd);
}

/** The index of the first of `blocks` (in page order) whose box reaches below `y`; their count when none does. */
export function firstBlockReaching(blocks: HTMLCollection, y: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.getBoundingClientRect().bottom > y) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Maps the visible range through a change, so highlights stay put until the next measurement. */
function mapVisible(visible: PlaceholderState['visible'], tr: Transaction): PlaceholderState['visible'] {
  return { from: tr.mapping.map(visible.from, -1), to: Math.min(tr.doc.content.size, tr.mapping.map(visible.to, 1)) };
}

/**
 * The highlights of the blocks in `[from, to)` of `doc`, from the blocks' cached scans. Exported for
 * the tests, which hold them against a fresh scan.
 */
export function highlightsBetween(doc: PMNode, from: number, to: number): DecorationSet {
  const decorations: Decoration[] = [];
  doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (block, pos) => {
    decorations.push(...blockDecorations(block, pos));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** The decorations the view gets: those of the blocks in the visible range, built once per state. */
const shownCache = new WeakMap<PlaceholderState, DecorationSet>();

/** The blocks of `doc` that the range [from, to) reaches, as indices [first, end): those `highlightsBetween` reads. */
function blocksReached(doc: PMNode, { from, to }: PlaceholderState['visible']): [number, number] {
  const start = Math.max(0, from);
  const stop = Math.min(doc.content.size, to);
  let first = doc.childCount;
  let end = 0;
  for (let i = 0, pos = 0; i < doc.childCount && pos < stop; i++) {
    const next = pos + doc.child(i).nodeSize;
    if (next > start) {
      first = Math.min(first, i);
      end = i + 1;
    }
    pos = next;
  }
  return first < end ? [first, end] : [0, 0];
}

/**
 * The highlights after `tr` from `shown`, those of the state before it: mapped, with the blocks the change
 * replaced scanned again, when every other block in the range is one the range held before; else undefined,
 * and they are built afresh. Either way they equal `highlightsBetween(tr.doc, visible)` (a keystroke scans one
 * block, not the hundred on screen: issue 18, the 2,000-placeholder bench).
 */
function mapShown(
  shown: DecorationSet,
  before: PMNode,
  tr: Transaction,
  was: PlaceholderState['visible'],
  visible: PlaceholderState['visible'],
): DecorationSet | undefined {
  const after = tr.doc;
  const run = changedRun(before, after);
  const [oldFirst, oldEnd] = blocksReached(before, was);
  const [first, end] = blocksReached(after, visible);
  const shift = run.newEnd - run.oldEnd;
  // The unchanged blocks in range, before the run and after it, must be the same in the old document and the new.
  const span = (a: number, b: number) => (a < b ? `${a}-${b}` : '');
  const same =
    span(oldFirst, Math.min(oldEnd, run.start)) === span(first, Math.min(end, run.start)) &&
    span(Math.max(oldFirst, run.oldEnd) + shift, oldEnd + shift) === span(Math.max(first, run.newEnd), end);
  if (!same) return undefined;
  // A step that put back the very same block (outside the run, then) drops its highlights in the mapping: rebuilt.
  const inRun = new Set<unknown>(
    shown
      .find(run.pos, run.oldTo)
      .filter((d) => d.from >= run.pos && d.to <= run.oldTo)
      .map((d) => d.spec),
  );
  let lost = false;
  let next = shown.map(tr.mapping, after, { onRemove: (spec) => (lost ||= !inRun.has(spec)) });
  if (lost) return undefined;
  next = next.remove(next.find(run.pos, run.newTo).filter((d) => d.from >= run.pos && d.to <= run.newTo));
  const added: Decoration[] = [];
  for (let i = run.start, pos = run.pos; i < run.newEnd; i++) {
    const block = after.child(i);
    if (i >= first && i < end) added.push(...blockDecorations(block, pos));
    pos += block.nodeSize;
  }
  return added.length ? next.add(after, added) : next;
}
function shownDecorations(state: EditorState): DecorationSet | undefined {
  const plugin = placeholdersKey.getState(state);
  if (!plugin) return undefined;
  let shown = shownCache.get(plugin);
  if (!shown) {
    shown = indexed(highlightsBetween(state.doc, plugin.visible.from, plugin.visible.to));
    shownCache.set(plugin, shown);
  }
  return shown;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    placeholders: {
      /**
       * Fills every occurrence of a token (or only the one at `at`) with `value`, in one step: each
       * blank replaced, the word it stands in kept (shared/placeholders/fill.ts).
       */
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

export const Placeholders = Extension.create({
  name: 'placeholders',

  addCommands() {
    return {
      fillPlaceholder:
        (token, value, at) =>
        ({ tr, state }) => {
          const field = /^\{\{(.*)\}\}$/su.exec(token)?.[1];
          if (!fillPlaceholder(tr, token, value, at).length) return false;
          if (field !== undefined && at === undefined)
            tr.setMeta(SET_VALUES, { ...placeholdersOf(state).values, [field]: value });
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
          const next =
            direction === 1
              ? (all.find((o) => o.pos >= to && !(o.pos === from && o.end === to)) ?? all[0]!)
              : ([...all].reverse().find((o) => o.end <= from) ?? all[all.length - 1]!);
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
          init: (_config, state) => ({ count: countPlaceholders(state.doc), values: {}, visible: INITIAL_VISIBLE }),
          apply(tr, old, oldState) {
            const values = (tr.getMeta(SET_VALUES) as Record<string, string> | undefined) ?? old.values;
            const measured = tr.getMeta(SET_VISIBLE) as PlaceholderState['visible'] | undefined;
            if (!tr.docChanged)
              return values === old.values && !measured ? old : { ...old, values, visible: measured ?? old.visible };
            const next = {
              values,
              count: recount(old.count, oldState.doc, tr.doc),
              visible: measured ?? mapVisible(old.visible, tr),
            };
            const shown = shownCache.get(old);
            const mapped = shown && mapShown(shown, oldState.doc, tr, old.visible, next.visible);
            if (mapped) shownCache.set(next, indexed(mapped));
            return next;
          },
        },
        props: {
          decorations: shownDecorations,
        },
        // Measures what is on screen after scrolling and resizing (once a frame at most) and moves
        // the highlighted range when it has drifted by a quarter of the margin.
        view(view) {
          let frame = 0;
          const measure = () => {
            frame = 0;
            if (view.isDestroyed) return;
            const box = view.dom.getBoundingClientRect();
            const top = Math.max(box.top, 0) + 1;
            const bottom = Math.min(box.bottom, window.innerHeight) - 1;
            if (bottom <= top) return;
            // The blocks at the screen's top and bottom, found by halving over the page's blocks: a position from
            // coordinates (caretPositionFromPoint) hit-tests the whole page, ~40 ms on opening 300,000 characters.
            const blocks = view.dom.children;
            const size = view.state.doc.content.size;
            const at = (index: number) => (index < blocks.length ? view.posAtDOM(blocks[index]!, 0) : size);
            const from = at(firstBlockReaching(blocks, top));
            const to = at(firstBlockReaching(blocks, bottom) + 1);
            const visible = {
              from: Math.max(0, from - VISIBLE_MARGIN),
              to: Math.min(view.state.doc.content.size, to + VISIBLE_MARGIN),
            };
            const current = placeholdersKey.getState(view.state)!.visible;
            if (Math.abs(current.from - visible.from) + Math.abs(current.to - visible.to) < VISIBLE_MARGIN / 4) return;
            view.dispatch(view.state.tr.setMeta(SET_VISIBLE, visible).setMeta('addToHistory', false));
          };
          const schedule = () => {
            if (!frame) frame = requestAnimationFrame(measure);
          };
          // Only a scroll that moves the page counts: the outline scrolling its current row into view as the user
          // types does not (each measurement reads two positions from the screen, issue 18).
          const onScroll = (event: Event) => {
            const scrolled = event.target;
            if (!(scrolled instanceof Node) || scrolled.contains(view.dom)) schedule();
          };
          window.addEventListener('scroll', onScroll, true);
          window.addEventListener('resize', schedule);
          schedule();
          return {
            update: (_view, previous) => {
              // A new document (opened or replaced) needs measuring again.
              if (
                previous.doc.content.size !== view.state.doc.content.size &&
                Math.abs(previous.doc.content.size - view.state.doc.content.size) > VISIBLE_MARGIN / 4
              )
                schedule();
            },
            destroy: () => {
              window.removeEventListener('scroll', onScroll, true);
              window.removeEventListener('resize', schedule);
              if (frame) cancelAnimationFrame(frame);
            },
          };
        },
        // A named field whose value is known is filled as soon as it is typed (not on undo/redo,
        // which must be able to bring the field back).
        appendTransaction(transactions, _oldState, newState) {
          const { values } = placeholdersKey.getState(newState)!;
          if (!Object.keys(values).length || !transactions.some((t) => t.docChanged && !isHistoryTransaction(t)))
            return null;
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
