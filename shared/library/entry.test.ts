import { describe, expect, it } from 'vitest';
import type { NodeJSON } from '../document/file-format';
import { docOf } from '../document/test-docs';
import {
  entryMigrations,
  LIBRARY_BUNDLE_FORMAT,
  LIBRARY_ENTRY_FORMAT,
  LIBRARY_ENTRY_VERSION,
  LibraryEntryError,
  MAX_LIBRARY_ENTRY_BYTES,
  isBuiltinId,
  parseLibraryBundle,
  parseLibraryEntry,
  serializeLibraryBundle,
  serializeLibraryEntry,
  validateLibraryEntry,
  type LibraryEntry,
} from './entry';
import { entryPlainText, matchesQuery } from './search';

const entry = (patch: Partial<LibraryEntry> = {}): LibraryEntry => ({
  format: LIBRARY_ENTRY_FORMAT,
  version: LIBRARY_ENTRY_VERSION,
  id: 'a1b2c3',
  name: '推进会提纲',
  occasion: '推进会',
  year: 2026,
  kind: 'outline',
  createdAt: '2026-07-01T00:00:00.000Z',
  doc: docOf(['title', '在全市XX工作推进会上的讲话'], [1, '统一思想认识'], [0, '【此处写……】']).toJSON() as NodeJSON,
  ...patch,
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof LibraryEntryError) return error.code;
    return `not a LibraryEntryError: ${String(error)}`;
  }
  return 'no error';
}

describe('library entries', () => {
  it('round-trip through their file text, with one key order whoever built them', () => {
    const text = serializeLibraryEntry(entry());
    expect(parseLibraryEntry(text).entry).toEqual(entry());
    const shuffled = Object.fromEntries(Object.entries(entry()).reverse()) as LibraryEntry;
    expect(serializeLibraryEntry(shuffled)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text)).slice(0, 4)).toEqual(['format', 'version', 'id', 'name']);
    // A byte order mark (Notepad) is read past.
    expect(parseLibraryEntry(`\ufeff${text}`).entry.name).toBe('推进会提纲');
  });

  it('refuse every kind of damage with a code and a message naming the problem', () => {
    const json = (patch: object) => JSON.stringify({ ...entry(), ...patch });
    expect(codeOf(() => parseLibraryEntry('{not json'))).toBe('not-json');
    expect(codeOf(() => parseLibraryEntry('null'))).toBe('not-library');
    expect(codeOf(() => parseLibraryEntry('[]'))).toBe('not-library');
    expect(codeOf(() => parseLibraryEntry(json({ format: 'lectern.speech' })))).toBe('not-library');
    expect(codeOf(() => parseLibraryEntry(json({ version: 99 })))).toBe('newer-version');
    expect(codeOf(() => parseLibraryEntry(json({ version: '1' })))).toBe('invalid-envelope');
    expect(codeOf(() => parseLibraryEntry(json({ version: 0 })))).toBe('invalid-envelope');
    expect(codeOf(() => parseLibraryEntry(json({ name: '   ' })))).toBe('invalid-envelope');
    expect(codeOf(() => parseLibraryEntry(json({ id: '../../etc/passwd' })))).toBe('invalid-envelope');
    expect(codeOf(() => parseLibraryEntry(json({ year: 20260 })))).toBe('invalid-envelope');
    expect(codeOf(() => parseLibraryEntry(json({ kind: 'draft' })))).toBe('invalid-envelope');
    expect(codeOf(() => parseLibraryEntry(json({ doc: { type: 'doc', content: [] } })))).toBe('invalid-content');
    expect(
      codeOf(() =>
        parseLibraryEntry(json({ doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 7 } }] } })),
      ),
    ).toBe('invalid-content');
    expect(codeOf(() => parseLibraryEntry('x'.repeat(MAX_LIBRARY_ENTRY_BYTES + 1)))).toBe('too-large');
    let deep: object = { type: 'doc' };
    for (let i = 0; i < 40; i++) deep = { type: 'doc', content: [deep] };
    expect(codeOf(() => parseLibraryEntry(json({ doc: deep })))).toBe('invalid-content');
    try {
      parseLibraryEntry(json({ doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 7 } }] } }));
    } catch (error) {
      expect((error as Error).message).toContain('doc.content[0] (paragraph): level 7 is not 0–4');
    }
    try {
      parseLibraryEntry(json({ year: 'last' }));
    } catch (error) {
      expect((error as Error).message).toMatch(/^year: /);
    }
  });

  it('migrate older versions through the migration table, and refuse a migration that fails', () => {
    const old = { ...entry(), version: 0, title: '旧名' } as Record<string, unknown>;
    delete old.name;
    const migrations = {
      ...entryMigrations,
      0: (e: Record<string, unknown>) => ({ ...e, name: e.title, title: undefined }),
    };
    // Version 0 with no migration is not a version Lectern wrote.
    expect(codeOf(() => validateLibraryEntry(old))).toBe('invalid-envelope');
    const parsed = validateLibraryEntry(old, { migrations });
    expect(parsed.entry.name).toBe('旧名');
    expect(parsed.migratedFrom).toBe(0);
    expect(
      codeOf(() =>
        validateLibraryEntry(old, {
          migrations: {
            ...entryMigrations,
            0: () => {
              throw null;
            },
          },
        }),
      ),
    ).toBe('invalid-envelope');
    expect(
      codeOf(() =>
        validateLibraryEntry(old, {
          migrations: { ...entryMigrations, 0: () => [] as unknown as Record<string, unknown> },
        }),
      ),
    ).toBe('invalid-envelope');
  });

  it('know built-in ids', () => {
    expect(isBuiltinId('builtin-work-meeting')).toBe(true);
    expect(isBuiltinId('a1b2c3')).toBe(false);
  });
});

describe('library bundles', () => {
  it('round-trip their entries', () => {
    const text = serializeLibraryBundle(
      [entry(), entry({ id: 'b2', name: '党课提纲', occasion: '党课' })],
      new Date('2026-08-01T00:00:00Z'),
    );
    const parsed = parseLibraryBundle(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.entry.name)).toEqual(['推进会提纲', '党课提纲']);
    expect(JSON.parse(text)).toMatchObject({
      format: LIBRARY_BUNDLE_FORMAT,
      version: 1,
      exportedAt: '2026-08-01T00:00:00.000Z',
    });
  });

  it('keep the good entries of a bundle with a damaged one, naming the damaged one', () => {
    const bundle = {
      format: LIBRARY_BUNDLE_FORMAT,
      version: 1,
      entries: [entry(), { ...entry(), name: '坏条目', kind: 'x' }, 42, entry({ id: 'c3' })],
    };
    const parsed = parseLibraryBundle(JSON.stringify(bundle));
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['a1b2c3', 'c3']);
    expect(parsed.problems.map((p) => [p.index, p.name, p.code])).toEqual([
      [1, '坏条目', 'invalid-envelope'],
      [2, undefined, 'not-library'],
    ]);
  });

  it('read a single entry file as a bundle of one, and refuse files that are not bundles', () => {
    expect(parseLibraryBundle(serializeLibraryEntry(entry())).entries).toHaveLength(1);
    expect(codeOf(() => parseLibraryBundle('{"format":"lectern.speech"}'))).toBe('not-library');
    expect(codeOf(() => parseLibraryBundle('oops'))).toBe('not-json');
    expect(
      codeOf(() => parseLibraryBundle(JSON.stringify({ format: LIBRARY_BUNDLE_FORMAT, version: 2, entries: [] }))),
    ).toBe('newer-version');
    expect(
      codeOf(() => parseLibraryBundle(JSON.stringify({ format: LIBRARY_BUNDLE_FORMAT, version: 1, entries: {} }))),
    ).toBe('invalid-envelope');
    expect(
      codeOf(() => parseLibraryBundle(JSON.stringify({ format: LIBRARY_BUNDLE_FORMAT, version: 'x', entries: [] }))),
    ).toBe('invalid-envelope');
  });
});

describe('library search', () => {
  it('finds entries by every word of the query in name, occasion, year or text, ignoring case and width', () => {
    const e = entry();
    expect(entryPlainText(e.doc)).toBe('在全市XX工作推进会上的讲话\n统一思想认识\n【此处写……】');
    for (const query of ['', '推进会', '2026', '统一思想', 'xx工作', 'ＸＸ', '推进会 2026', '推进会\u3000统一'])
      expect(matchesQuery(e, query)).toBe(true);
    for (const query of ['党课', '2025', '推进会 党课', '表彰']) expect(matchesQuery(e, query)).toBe(false);
  });
});
