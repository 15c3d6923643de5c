/**
 * Inserting a library entry into a speech, and starting a new speech from one. Inserted headings
 * take their place in the surrounding structure: the entry's top heading level is shifted to fit
 * where it goes, every heading in it by the same amount (clamped to 1–4), and numbers follow by
 * themselves because they are computed from positions (DESIGN.md, decision 2).
 */
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import { docFromJSON, emptySpeechFile, type NodeJSON, type SpeechFile } from '../document/file-format';
import { headingLevel } from '../document/numbering';
import { MAX_HEADING_LEVEL } from '../document/schema';
import { closingStart, type ClosingCandidate } from '../document/closing';
import { blockIndexAt, blockPosition, closingIndex } from '../document/sections';
import type { LibraryEntry } from './entry';

/**
 * Where inserted headings go: `under` the heading whose section holds the insertion point (one
 * level deeper), `after` it (its level), or `auto`: the level of the heading right after the
 * insertion point when there is one (the entry's sections become its siblings), else `under`.
 */
export type Placement = 'auto' | 'under' | 'after';

/** The blocks to insert, where, and by how many levels their headings moved. */
export interface FittedEntry {
  /** The entry's blocks with heading levels shifted; titles, bylines and salutations left out. */
  blocks: NodeJSON[];
  /** The index among the document's top-level blocks to insert them before. */
  at: number;
  /** How many levels the entry's headings moved (before clamping to 1–4). */
  shift: number;
}

const FRONT_MATTER = new Set(['title', 'byline', 'salutation']);

function jsonLevel(block: NodeJSON): number {
  if (block.type !== 'paragraph') return 0;
  const level = block.attrs?.level;
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= MAX_HEADING_LEVEL ? level : 0;
}

function jsonText(block: NodeJSON): string {
  return (block.content ?? []).map((child) => (typeof child.text === 'string' ? child.text : jsonText(child))).join('');
}

/** What closing detection reads of an entry's block. */
function candidate(block: NodeJSON): ClosingCandidate {
  return { type: block.type, level: jsonLevel(block), runIn: block.attrs?.runIn === true, text: jsonText(block) };
}

/**
 * The blocks of an entry to insert. Into an empty document an entry goes whole (a template is a
 * speech to start from). Into a document with text of its own, an entry never brings a closing
 * (结束语: its `closing` blocks, or in an entry written before those existed, the closing words
 * after a whole speech's last section, as `closingStart` finds them); and a whole speech (an entry with a title)
 * brings its sections only: its title, bylines and salutation and its opening paragraphs (before
 * its first heading) belong to a speech of their own. Otherwise only the title, bylines and
 * salutation are left out.
 */
function entryBlocks(doc: PMNode, entryDoc: NodeJSON): NodeJSON[] {
  const all = entryDoc.content ?? [];
  const source = all.filter((block) => !FRONT_MATTER.has(block.type));
  if (doc.textContent.trim() === '') return source;
  const whole = all.some((block) => block.type === 'title');
  // Closing words are guessed only in a whole speech: a section's own last paragraph is its text.
  const end = whole ? closingStart(source.map(candidate)) : source.length;
  const sections = source.slice(0, end).filter((block) => block.type !== 'closing');
  if (!whole) return sections;
  const first = sections.findIndex((block) => jsonLevel(block) > 0);
  return first < 0 ? sections : sections.slice(first);
}

/** The number of title, byline and salutation blocks at the start of `doc`: nothing is inserted among them. */
function frontMatterLength(doc: PMNode): number {
  let n = 0;
  while (n < doc.childCount && FRONT_MATTER.has(doc.child(n).type.name)) n++;
  return n;
}

/**
 * The entry's blocks fitted for insertion before block `at` of `doc` (clamped to the end, or to the
 * closing remarks at the end, which stay last). An `at`
 * among the title, byline and salutation lines at the start moves past them and past the
 * speech's opening paragraphs, to before its first heading (or to the end when it has none), so
 * the opening remarks stay the opening. The level the entry's top headings take is decided by
 * `placement`, lowered when needed so that the entry's deepest heading still fits in levels 1–4
 * (its hierarchy is kept); the entry's own title, bylines and salutation are left out, and so are
 * a whole speech's opening and closing paragraphs (see `entryBlocks`).
 */
export function fitEntry(doc: PMNode, at: number, entryDoc: NodeJSON, placement: Placement = 'auto'): FittedEntry {
  const front = frontMatterLength(doc);
  // Nothing goes into or after the closing remarks: they stay the speech's last words.
  const closing = closingIndex(doc);
  let index = Number.isFinite(at) ? Math.min(Math.max(Math.trunc(at), 0), closing) : closing;
  if (index < front) {
    index = front;
    while (index < closing && !headingLevel(doc.child(index))) index++;
  }
  let enclosing = 0;
  for (let i = index - 1; i >= 0 && !enclosing; i--) enclosing = headingLevel(doc.child(i));
  const following = index < doc.childCount ? headingLevel(doc.child(index)) : 0;
  let top: number;
  if (placement === 'under') top = enclosing + 1;
  else if (placement === 'after') top = Math.max(enclosing, 1);
  else top = following || enclosing + 1;
  const source = entryBlocks(doc, entryDoc);
  const levels = source.map(jsonLevel).filter(Boolean);
  const depth = levels.length ? Math.max(...levels) - Math.min(...levels) : 0;
  top = Math.max(1, Math.min(top, MAX_HEADING_LEVEL - depth));
  const shift = levels.length ? top - Math.min(...levels) : 0;
  const blocks = source.map((block) => {
    const level = jsonLevel(block);
    if (!level || !shift) return structuredClone(block);
    const moved = Math.min(Math.max(level + shift, 1), MAX_HEADING_LEVEL);
    return { ...structuredClone(block), attrs: { ...block.attrs, level: moved } };
  });
  return { blocks, at: index, shift };
}

/**
 * A copy of `doc` with `entry`'s blocks inserted before top-level block `at`, headings fitted as
 * `fitEntry` says. Throws `SpeechFileError('invalid-content')` when either document is not a
 * valid speech; the result always is.
 */
export function insertEntry(
  doc: NodeJSON,
  at: number,
  entry: Pick<LibraryEntry, 'doc'>,
  placement: Placement = 'auto',
): NodeJSON {
  const target = docFromJSON(doc);
  docFromJSON(entry.doc);
  const fitted = fitEntry(target, at, entry.doc, placement);
  const blocks = (target.toJSON() as NodeJSON).content ?? [];
  const result: NodeJSON = {
    type: 'doc',
    content: [...blocks.slice(0, fitted.at), ...fitted.blocks, ...blocks.slice(fitted.at)],
  };
  return docFromJSON(result).toJSON() as NodeJSON;
}

/**
 * Inserts `entryDoc` at the cursor of `tr` (the editor's "insert at cursor"), as one step that one
 * undo removes: after the block holding the cursor, or in place of it when it is an empty
 * paragraph; from the title, byline and salutation lines at the start, before the first heading
 * (after the opening remarks). Headings are fitted
 * as `fitEntry` says. The cursor ends at the start of the inserted blocks. Answers the inserted
 * range of positions, or undefined (and `tr` untouched) when the entry has nothing to insert or
 * is not valid content.
 */
export function insertEntryAtCursor(
  tr: Transaction,
  entryDoc: NodeJSON,
  placement: Placement = 'auto',
): { from: number; to: number } | undefined {
  const doc = tr.doc;
  const index = blockIndexAt(doc, tr.selection.from);
  const current = doc.child(index);
  const replaceCurrent = current.type.name === 'paragraph' && current.content.size === 0;
  // The cursor in the title, byline or salutation: `fitEntry` moves on past the opening remarks.
  const inFront = index < frontMatterLength(doc);
  const fitted = fitEntry(doc, inFront ? index : index + 1, entryDoc, placement);
  if (!fitted.blocks.length) return undefined;
  let content: Fragment;
  try {
    // The editor's schema (TipTap builds its own from the same node definitions), not the shared instance.
    content = Fragment.fromJSON(doc.type.schema, fitted.blocks);
    for (let i = 0; i < content.childCount; i++) content.child(i).check();
  } catch {
    return undefined;
  }
  // An empty paragraph under the cursor is replaced only when the entry goes where it stands.
  const replacing = replaceCurrent && fitted.at === index + 1;
  const from = blockPosition(doc, replacing ? index : fitted.at);
  const to = replacing ? from + current.nodeSize : from;
  const steps = tr.steps.length;
  tr.replaceWith(from, to, content);
  if (tr.steps.length === steps) return undefined;
  tr.setSelection(TextSelection.near(tr.doc.resolve(from + 1)));
  return { from, to: from + content.size };
}

/**
 * A new speech from an entry (File → New from Template): the entry's document as it is, with a
 * title block first if it has none, and the entry's occasion in the properties.
 */
export function speechFromEntry(entry: Pick<LibraryEntry, 'doc' | 'occasion'>, now = new Date()): SpeechFile {
  const blank = emptySpeechFile(now);
  const blocks = structuredClone(entry.doc.content ?? []);
  if (blocks[0]?.type !== 'title') blocks.unshift({ type: 'title' });
  return {
    ...blank,
    meta: { ...blank.meta, ...(entry.occasion ? { occasion: entry.occasion } : {}) },
    doc: { type: 'doc', content: blocks },
  };
}
