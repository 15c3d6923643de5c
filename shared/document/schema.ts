/**
 * The speech document schema: TipTap node definitions with no DOM, React or Node imports, so the
 * renderer's editor, the main process's file validation, the exporters and the tests all read the
 * same tree (DESIGN.md, decision 1).
 *
 * Blocks are flat, as in Word: `title`, `byline` (speaker and date lines), `salutation`,
 * `paragraph` with a `level` (0 body, 1–4 headings) and a `runIn` flag, and `closing` (结束语, the
 * last words to the audience). A section is the run of paragraphs from a heading to the next
 * heading of the same or higher level, never reaching into the closing; it is not a node.
 *
 * The renderer extends these definitions (`.extend()`) with keyboard shortcuts, commands and
 * plugins; it never changes what they parse or serialise.
 */
import { Mark, Node, getSchema, mergeAttributes } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';

/** The highest heading level; levels run 1 (一、) to 4 (（1）). */
export const MAX_HEADING_LEVEL = 4;

/** Names of the block node types, in the order a speech normally has them. */
export const BLOCK_TYPES = ['title', 'byline', 'salutation', 'paragraph', 'closing'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** The top node: one or more flat blocks. */
export const SpeechDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'block+',
});

/** Plain text. Official speeches carry their emphasis in words: the only mark is `notPlaceholder`. */
export const SpeechText = Node.create({
  name: 'text',
  group: 'inline',
});

/** A line break inside a block (Shift+Enter), used for a long title broken by hand. */
export const LineBreak = Node.create({
  name: 'hardBreak',
  group: 'inline',
  inline: true,
  selectable: false,
  parseHTML() {
    return [{ tag: 'br' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['br', mergeAttributes(HTMLAttributes)];
  },
  renderText() {
    return '\n';
  },
});

/** The speech's title, centred in the 小标宋 chain. */
export const Title = Node.create({
  name: 'title',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML() {
    return [{ tag: 'h1' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['h1', mergeAttributes(HTMLAttributes, { class: 'speech-title' }), 0];
  },
});

/**
 * A block of its own kind drawn as a paragraph with a class (`p.speech-byline`): read back from
 * HTML by that class, ahead of the body paragraph's plain `p`.
 */
function classedBlock(name: string, className: string) {
  return Node.create({
    name,
    group: 'block',
    content: 'inline*',
    defining: true,
    parseHTML() {
      return [{ tag: `p.${className}`, priority: 60 }];
    },
    renderHTML({ HTMLAttributes }) {
      return ['p', mergeAttributes(HTMLAttributes, { class: className }), 0];
    },
  });
}

/** A speaker or date line under the title (署名, （2026年7月15日）), centred in the 楷体 chain. */
export const Byline = classedBlock('byline', 'speech-byline');

/** The salutation (称谓) on its own line, flush left: 同志们： */
export const Salutation = classedBlock('salutation', 'speech-salutation');

/**
 * The closing remarks (结束语): the last paragraphs, addressed to the audience
 * (同志们，让我们……！, 谢谢大家). Laid out as body text, but a block of its own so that no section
 * contains it: moving, promoting or inserting a section never carries the closing along (issue 12).
 */
export const Closing = classedBlock('closing', 'speech-closing');

/** Reads a heading level from an HTML attribute, clamped to 0–4 (anything else is body). */
function parseLevel(value: string | null): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 0 && level <= MAX_HEADING_LEVEL ? level : 0;
}

// shared/ compiles without the DOM (tsconfig.shared.json), so TipTap's HTMLElement is opaque here; it calls
// parseHTML only where a DOM exists (the renderer, jsdom in tests), and the element there has getAttribute.
function attribute(element: object, name: string): string | null {
  return (element as { getAttribute(name: string): string | null }).getAttribute(name);
}

/**
 * A body paragraph (`level` 0) or a heading (`level` 1–4). A run-in heading (`runIn`) is one
 * paragraph whose lead sentence is the heading and whose remainder is body, as in
 * "（一）充分认识……的重要意义。正文……"; see `runInLeadLength`.
 */
export const SpeechParagraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'inline*',
  priority: 1000,
  addAttributes() {
    return {
      // keepOnSplit false: Enter at the end of a heading starts a body paragraph, as in Word.
      level: {
        default: 0,
        keepOnSplit: false,
        parseHTML: (element) => parseLevel(attribute(element, 'data-level')),
        renderHTML: (attributes) => (attributes.level ? { 'data-level': String(attributes.level) } : {}),
      },
      runIn: {
        default: false,
        keepOnSplit: false,
        parseHTML: (element) => attribute(element, 'data-run-in') === 'true',
        renderHTML: (attributes) => (attributes.runIn ? { 'data-run-in': 'true' } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'p' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes), 0];
  },
});

/**
 * Marks text the user said is not a placeholder ("X光机" in a speech about hospitals): the
 * placeholder scanner skips it. A mark travels with its text through edits, saves and undo.
 */
export const NotPlaceholder = Mark.create({
  name: 'notPlaceholder',
  inclusive: false,
  parseHTML() {
    return [{ tag: 'span[data-not-placeholder]' }];
  },
  renderHTML() {
    return ['span', { 'data-not-placeholder': '' }, 0];
  },
});

/** Every node and mark definition of the speech schema, in the order TipTap should register them. */
export const speechNodes = [
  SpeechDocument,
  SpeechText,
  LineBreak,
  Title,
  Byline,
  Salutation,
  SpeechParagraph,
  Closing,
  NotPlaceholder,
];

let cachedSchema: Schema | undefined;

/** The ProseMirror schema built from `speechNodes`; built once and shared. */
export function speechSchema(): Schema {
  cachedSchema ??= getSchema(speechNodes);
  return cachedSchema;
}
