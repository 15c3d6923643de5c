/**
 * The outline of a speech: its headings (own-line and run-in) with their numbers, the enumerated
 * points under each section, each entry's spoken length, and gaps in numbered enumerations.
 *
 * Facts about a block (its level, length, lead sentence, enumeration marker) are cached per node:
 * ProseMirror nodes are immutable and shared between document versions, so after a keystroke only
 * the edited block is measured again and the outline is a cheap walk over cached facts
 * (DESIGN.md, decision 6).
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { HeadingCounter, headingLevel } from './numbering';
import { runInLeadLength } from './run-in';
import { speechLength } from './stats';
import { enumerationGaps, enumerationMarker, type EnumerationMarker } from './enumeration';

/** What the outline needs to know about one block; a pure function of the node. */
export interface BlockFacts {
  /** Heading level 1–4, or 0. */
  level: number;
  /** The spoken length of the block's text. */
  length: number;
  /** What the outline shows: a heading's text (its lead sentence if run-in), a point's lead sentence. */
  text: string;
  /** The enumeration marker a body paragraph opens with. */
  marker?: EnumerationMarker;
}

const factsCache = new WeakMap<PMNode, BlockFacts>();

/** The block's facts, measured once per node. */
export function blockFacts(node: PMNode): BlockFacts {
  let facts = factsCache.get(node);
  if (facts) return facts;
  const text = node.textContent;
  const level = headingLevel(node);
  const lead = text.slice(0, runInLeadLength(text));
  facts = { level, length: speechLength(text), text: level && !node.attrs.runIn ? text : lead };
  if (!level && node.type.name === 'paragraph') {
    const marker = enumerationMarker(text);
    if (marker) facts.marker = marker;
  }
  factsCache.set(node, facts);
  return facts;
}

/** One entry of the outline. */
export interface OutlineEntry {
  /**
   * A heading, an enumerated point, or the closing remarks (结束语: every closing block after the last section, as one
   * entry).
   */
  kind: 'heading' | 'point' | 'closing';
  /** Heading level 1–4; for a point, the level of the section it sits in (0 before any heading). */
  level: number;
  /**
   * The drawn number (一、, （一）) or the point's marker (一要); empty for the closing, which views name in their language.
   */
  label: string;
  text: string;
  /**
   * The block's index among the document's top-level blocks. (Not its position: positions shift
   * with every keystroke before them, indexes only when blocks are added or removed, so entries
   * keep their identity while the user types.)
   */
  index: number;
  /**
   * Spoken length: a heading's whole section (with its number and subsections), a point's paragraph, the whole closing.
   */
  length: number;
  children: OutlineEntry[];
  /** Markers missing among this section's points, e.g. ["二要"]. */
  gaps: string[];
}

/** The outline of a document. */
export interface Outline {
  entries: OutlineEntry[];
  /** Spoken length of the whole speech. */
  total: number;
  /** Points before any heading, and gaps among them. */
  gaps: string[];
}

interface Open {
  level: number;
  entry: OutlineEntry | undefined;
  children: OutlineEntry[];
  markers: EnumerationMarker[];
}

function closeSection(open: Open): void {
  if (open.entry) open.entry.gaps = enumerationGaps(open.markers);
}

function sameEntry(a: OutlineEntry, b: OutlineEntry): boolean {
  return (
    a.kind === b.kind &&
    a.level === b.level &&
    a.label === b.label &&
    a.text === b.text &&
    a.index === b.index &&
    a.length === b.length &&
    a.children === b.children &&
    a.gaps.length === b.gaps.length &&
    a.gaps.every((gap, i) => gap === b.gaps[i])
  );
}

/**
 * Reuses the previous outline's entry objects (and arrays) wherever nothing in them changed, so
 * that a view can skip unchanged entries by identity: after a keystroke, only the edited section,
 * its ancestors and the entries after it (whose positions moved) are new.
 */
function share(entries: OutlineEntry[], previous: readonly OutlineEntry[] | undefined): OutlineEntry[] {
  if (!previous) return entries;
  const byIndex = new Map(previous.map((entry) => [`${entry.kind}:${entry.index}`, entry]));
  let same = entries.length === previous.length;
  const shared = entries.map((entry, i) => {
    const old = byIndex.get(`${entry.kind}:${entry.index}`);
    entry.children = share(entry.children, old?.children);
    const result = old && sameEntry(entry, old) ? old : entry;
    if (result !== previous[i]) same = false;
    return result;
  });
  return same ? (previous as OutlineEntry[]) : shared;
}

/**
 * Builds the outline of `doc`. Runs in time linear in the number of blocks, with cached facts.
 * Given the `previous` outline, unchanged entries keep their identity.
 */
export function buildOutline(doc: PMNode, previous?: Outline): Outline {
  const counter = new HeadingCounter();
  const root: Open = { level: 0, entry: undefined, children: [], markers: [] };
  const stack: Open[] = [root];
  let total = 0;
  let closing: OutlineEntry | undefined;
  doc.forEach((node, _pos, index) => {
    const facts = blockFacts(node);
    let length = facts.length;
    // Any block but a paragraph ends the open sections (sections.ts: no section contains it).
    if (node.type.name !== 'paragraph') while (stack.length > 1) closeSection(stack.pop()!);
    if (node.type.name === 'closing') {
      if (closing) closing.length += length;
      else {
        closing = { kind: 'closing', level: 0, label: '', text: facts.text, index, length, children: [], gaps: [] };
        root.children.push(closing);
      }
      total += length;
      return;
    }
    closing = undefined;
    if (facts.level) {
      while (stack.length > 1 && stack[stack.length - 1]!.level >= facts.level) closeSection(stack.pop()!);
      const label = counter.next(facts.level);
      length += speechLength(label);
      const entry: OutlineEntry = {
        kind: 'heading',
        level: facts.level,
        label,
        text: facts.text,
        index,
        length: 0,
        children: [],
        gaps: [],
      };
      stack[stack.length - 1]!.children.push(entry);
      stack.push({ level: facts.level, entry, children: entry.children, markers: [] });
    } else if (facts.marker) {
      const open = stack[stack.length - 1]!;
      open.children.push({
        kind: 'point',
        level: open.level,
        label: facts.marker.marker,
        text: facts.text,
        index,
        length,
        children: [],
        gaps: [],
      });
      open.markers.push(facts.marker);
    }
    total += length;
    for (let i = 1; i < stack.length; i++) stack[i]!.entry!.length += length;
  });
  while (stack.length > 1) closeSection(stack.pop()!);
  return { entries: share(root.children, previous?.entries), total, gaps: enumerationGaps(root.markers) };
}

/** Every entry in document order, depth first. */
export function flattenOutline(entries: readonly OutlineEntry[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const walk = (list: readonly OutlineEntry[]) => {
    for (const entry of list) {
      out.push(entry);
      walk(entry.children);
    }
  };
  walk(entries);
  return out;
}
