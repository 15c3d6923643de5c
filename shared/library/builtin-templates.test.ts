import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from '@tiptap/pm/model';
import { buildOutline, flattenOutline } from '../document/outline';
import { headingLevel } from '../document/numbering';
import { skippedLevels } from '../document/sections';
import { runInLeadLength } from '../document/run-in';
import { enumerationMarker } from '../document/enumeration';
import { documentPlaceholders } from '../placeholders/scan';
import { BUILTIN_TEMPLATE_DATA, builtinTemplates } from './builtin-templates';
import { BUILTIN_PREFIX, OCCASIONS, parseLibraryEntry, serializeLibraryEntry } from './entry';
import { OUTLINE_PROMPT } from './extract';

const folder = fileURLToPath(new URL('../../assets/templates/', import.meta.url));
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort();
const parsed = files.map((name) => ({
  name,
  text: readFileSync(path.join(folder, name), 'utf8'),
  ...parseLibraryEntry(readFileSync(path.join(folder, name), 'utf8')),
}));

const blocks = (doc: PMNode) => {
  const out: PMNode[] = [];
  doc.forEach((block) => out.push(block));
  return out;
};

describe('built-in templates', () => {
  it('are at least ten files, every one of them bundled and valid', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(BUILTIN_TEMPLATE_DATA).toHaveLength(files.length);
    const { entries, problems } = builtinTemplates();
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.id).sort()).toEqual(parsed.map((p) => p.entry.id).sort());
  });

  it('are named by their file, with unique names, as outlines tagged with an occasion, written in one canonical form', () => {
    for (const { name, text, entry } of parsed) {
      expect(entry.id).toBe(`${BUILTIN_PREFIX}${name.replace(/\.json$/, '')}`);
      expect(entry.kind).toBe('outline');
      expect(entry.description?.length).toBeGreaterThan(5);
      expect(OCCASIONS as readonly string[]).toContain(entry.occasion);
      expect(serializeLibraryEntry(entry)).toBe(text);
    }
    expect(new Set(parsed.map((p) => p.entry.name)).size).toBe(parsed.length);
  });

  it('cover every occasion the library offers', () => {
    expect(new Set(parsed.map((p) => p.entry.occasion))).toEqual(new Set(OCCASIONS));
  });

  it('are complete speeches (or a section), with numbered headings, points without gaps, and a prompt where body goes', () => {
    for (const { name, doc } of parsed) {
      const list = blocks(doc);
      const outline = buildOutline(doc);
      const headings = flattenOutline(outline.entries).filter((e) => e.kind === 'heading');
      expect(headings.length, name).toBeGreaterThanOrEqual(3);
      expect(outline.gaps, name).toEqual([]);
      for (const entry of flattenOutline(outline.entries)) expect(entry.gaps, `${name} ${entry.text}`).toEqual([]);
      if (list[0]!.type.name === 'title') {
        expect(
          list.some((b) => b.type.name === 'salutation'),
          name,
        ).toBe(true);
        expect(headings.filter((h) => h.level === 1).length, name).toBeGreaterThanOrEqual(3);
      }
      for (const block of list) {
        const text = block.textContent;
        expect(text.trim(), `${name}: empty block`).not.toBe('');
        if (block.type.name !== 'paragraph') continue;
        const level = headingLevel(block);
        if (level && block.attrs.runIn) {
          // The lead sentence ends before the body, so the outline shows the heading alone; the body ends in a prompt.
          expect(runInLeadLength(text), `${name}: ${text}`).toBeLessThan(text.length);
          expect(text.slice(runInLeadLength(text)), `${name}: ${text}`).toMatch(/【此处写[^】]*】$/);
        } else if (!level) {
          // Every body paragraph is a point with a prompt, or text with blanks left to fill.
          const blanks = documentPlaceholders(doc).filter((p) => text.includes(p.token));
          expect(Boolean(enumerationMarker(text)) || blanks.length > 0, `${name}: ${text}`).toBe(true);
          if (enumerationMarker(text)) expect(text, name).toMatch(/。【此处写[^】]*】$/);
        }
      }
    }
  });

  it('never skip a heading level (no 1. straight under 一、)', () => {
    for (const { name, doc } of parsed) expect(skippedLevels(blocks(doc).map(headingLevel)), name).toBe(0);
  });

  it('leave blanks of every kind a writer fills: X市, XX同志, ×××, 【数据】, ____ and prompts', () => {
    const tokens = new Set(parsed.flatMap(({ doc }) => documentPlaceholders(doc).map((p) => p.token)));
    for (const token of ['X市', 'XX同志', '×××', '【数据】', '____', OUTLINE_PROMPT])
      expect(tokens, token).toContain(token);
    for (const { name, doc } of parsed) expect(documentPlaceholders(doc).length, name).toBeGreaterThan(3);
  });
});
