/**
 * Library entries (issue 7): a speech or one section kept for reuse, either as an outline
 * (headings and enumerated points, body replaced by a prompt) or with its full text, named and
 * tagged with an occasion and a year. One entry is one UTF-8 JSON file
 * `{ format: "lectern.library-entry", version, id, name, occasion?, year?, kind, doc, … }`,
 * versioned and validated like a `.speech` file (DESIGN.md, decision 3): the envelope with zod,
 * older versions migrated, the content checked against the speech schema. Several entries travel
 * together as a bundle `{ format: "lectern.library", version, entries: [...] }`.
 *
 * Every failure is a `LibraryEntryError` with a code and a message naming what is wrong; nothing
 * here touches a disk.
 */
import { z } from 'zod';
import type { Node as PMNode } from '@tiptap/pm/model';
import {
  SpeechFileError,
  docFromJSON,
  speechFileSchema,
  upgradeEnvelope,
  type NodeJSON,
} from '../document/file-format';
import { describeThrown, describeZodIssue, exceedsUtf8Bytes, jsonDepth } from '../document/envelope';

/** The `format` of one library entry file. */
export const LIBRARY_ENTRY_FORMAT = 'lectern.library-entry';
/** The `format` of an exported bundle of entries. */
export const LIBRARY_BUNDLE_FORMAT = 'lectern.library';
/** The entry version this build writes; higher versions are refused, not guessed at. */
export const LIBRARY_ENTRY_VERSION = 2;
/** The bundle version this build writes. */
export const LIBRARY_BUNDLE_VERSION = 1;
/** An entry file larger than this is refused before parsing (an outline is a few kilobytes). */
export const MAX_LIBRARY_ENTRY_BYTES = 4 * 1024 * 1024;
/** A bundle larger than this is refused before parsing. */
export const MAX_LIBRARY_BUNDLE_BYTES = 50 * 1024 * 1024;
/** How many entries one bundle may carry. */
export const MAX_BUNDLE_ENTRIES = 2000;
const MAX_JSON_DEPTH = 20;

/** The occasions the library offers as tags (any other text up to 50 characters is allowed too). */
export const OCCASIONS = [
  '工作会议',
  '推进会',
  '经验交流会',
  '动员部署会',
  '表彰大会',
  '座谈会',
  '开幕式',
  '闭幕式',
  '党课',
  '培训班',
] as const;

/** What an entry keeps: the outline only, or the full text. */
export const ENTRY_KINDS = ['outline', 'full'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * An entry's id: also its file name (`<id>.json`), so only letters, digits, `-` and `_`, which can
 * never name another folder. Built-in templates' ids start with `builtin-`.
 */
export const entryIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'an entry id is 1–64 letters, digits, - or _');
/** The prefix of built-in templates' ids; no user entry has it. */
export const BUILTIN_PREFIX = 'builtin-';

/** An entry's name: what the library lists and searches; trimmed, never empty. */
export const entryNameSchema = z.string().trim().min(1, 'the name is empty').max(100);
/** An occasion tag (工作会议, 推进会…). */
export const occasionSchema = z.string().trim().max(50);
/** The year an entry is tagged with. */
export const yearSchema = z.number().int().min(1949).max(2200);

/** The envelope of the current version. */
export const libraryEntrySchema = z.object({
  format: z.literal(LIBRARY_ENTRY_FORMAT),
  version: z.literal(LIBRARY_ENTRY_VERSION),
  id: entryIdSchema,
  name: entryNameSchema,
  occasion: occasionSchema.optional(),
  year: yearSchema.optional(),
  kind: z.enum(ENTRY_KINDS),
  /** A line about what the entry is for, shown in the preview. */
  description: z.string().max(500).optional(),
  createdAt: z.string().max(100).optional(),
  modifiedAt: z.string().max(100).optional(),
  doc: speechFileSchema.shape.doc,
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

/** Why an entry or a bundle could not be read. */
export type LibraryEntryErrorCode =
  'too-large' | 'not-json' | 'not-library' | 'newer-version' | 'invalid-envelope' | 'invalid-content';

/** An entry or bundle that cannot be read, with a code for programs and a message for people. */
export class LibraryEntryError extends Error {
  override readonly name = 'LibraryEntryError';
  constructor(
    readonly code: LibraryEntryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Upgrades from older entry versions: `entryMigrations[n]` turns a version-n object into a
 * version-(n+1) object.
 *
 * - 1 → 2: entries may hold `closing` blocks (结束语), as `.speech` files of version 2 do; a
 *   version-1 entry has none and is valid as it is.
 */
export type EntryMigration = (entry: Record<string, unknown>) => Record<string, unknown>;
export const entryMigrations: Readonly<Record<number, EntryMigration>> = {
  1: (entry) => entry,
};

/** Options for reading entries; tests inject migrations. */
export interface EntryParseOptions {
  migrations?: Readonly<Record<number, EntryMigration>>;
}

/** A validated entry of the current version, its built document, and whether it was migrated. */
export interface ParsedEntry {
  entry: LibraryEntry;
  doc: PMNode;
  migratedFrom?: number;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new LibraryEntryError('not-json', `The ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Validates an already-parsed entry object: the envelope (zod), migrations from older versions,
 * then the content against the speech schema. Throws `LibraryEntryError` for every problem,
 * naming the field or node (`doc.content[3] (paragraph): level 7 is not 0–4`).
 */
export function validateLibraryEntry(raw: unknown, options: EntryParseOptions = {}): ParsedEntry {
  const table = options.migrations ?? entryMigrations;
  if (!isObject(raw) || raw.format !== LIBRARY_ENTRY_FORMAT) {
    throw new LibraryEntryError(
      'not-library',
      `This is not a Lectern library entry (its "format" field is not "${LIBRARY_ENTRY_FORMAT}").`,
    );
  }
  if (jsonDepth(raw, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new LibraryEntryError(
      'invalid-content',
      `The entry is nested deeper than ${MAX_JSON_DEPTH} levels; an outline never is.`,
    );
  }
  const { object, migratedFrom } = upgradeEnvelope(raw, {
    current: LIBRARY_ENTRY_VERSION,
    migrations: table,
    noun: 'entry',
    fail: (code, message) => new LibraryEntryError(code, message),
  });
  const envelope = libraryEntrySchema.safeParse(object);
  if (!envelope.success) throw new LibraryEntryError('invalid-envelope', describeZodIssue(envelope.error));
  let doc: PMNode;
  try {
    doc = docFromJSON(envelope.data.doc);
  } catch (error) {
    throw new LibraryEntryError(
      'invalid-content',
      error instanceof SpeechFileError ? error.message : describeThrown(error),
    );
  }
  return migratedFrom === undefined ? { entry: envelope.data, doc } : { entry: envelope.data, doc, migratedFrom };
}

/** Parses and validates the text of one entry file; throws `LibraryEntryError` for every problem. */
export function parseLibraryEntry(text: string, options: EntryParseOptions = {}): ParsedEntry {
  if (exceedsUtf8Bytes(text, MAX_LIBRARY_ENTRY_BYTES)) {
    throw new LibraryEntryError('too-large', `The entry is larger than ${MAX_LIBRARY_ENTRY_BYTES / 1024 / 1024} MB.`);
  }
  return validateLibraryEntry(parseJson(text, 'entry'), options);
}

const ENTRY_KEYS = [
  'format',
  'version',
  'id',
  'name',
  'occasion',
  'year',
  'kind',
  'description',
  'createdAt',
  'modifiedAt',
  'doc',
] as const;
const NODE_KEYS = ['type', 'attrs', 'content', 'text', 'marks'] as const;

function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys)
    if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] !== undefined)
      out[key] = (value as Record<string, unknown>)[key];
  for (const [key, child] of Object.entries(value))
    if (!Object.hasOwn(out, key) && child !== undefined) out[key] = child;
  return out as T;
}

function orderedNode(node: NodeJSON): NodeJSON {
  const out = ordered(node, NODE_KEYS);
  if (Array.isArray(node.content)) out.content = node.content.map(orderedNode);
  return out;
}

function orderedEntry(entry: LibraryEntry): LibraryEntry {
  return { ...ordered(entry, ENTRY_KEYS), doc: orderedNode(entry.doc) };
}

/** An entry as file text: two-space indent, trailing newline, one key order whoever built it. */
export function serializeLibraryEntry(entry: LibraryEntry): string {
  return `${JSON.stringify(orderedEntry(entry), null, 2)}\n`;
}

/** An exported bundle of entries. */
export interface LibraryBundle {
  format: typeof LIBRARY_BUNDLE_FORMAT;
  version: number;
  exportedAt?: string;
  entries: LibraryEntry[];
}

/** Several entries as one file, for sharing and backups. */
export function serializeLibraryBundle(entries: readonly LibraryEntry[], now = new Date()): string {
  const bundle: LibraryBundle = {
    format: LIBRARY_BUNDLE_FORMAT,
    version: LIBRARY_BUNDLE_VERSION,
    exportedAt: now.toISOString(),
    entries: entries.map(orderedEntry),
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** One entry of a bundle that could not be read; the others are still imported. */
export interface BundleProblem {
  /** The entry's place in the bundle, from 0. */
  index: number;
  /** Its name, when it has a readable one. */
  name?: string;
  code: LibraryEntryErrorCode;
  message: string;
}

/** What a bundle holds: its valid entries, and a problem for each one that is not. */
export interface ParsedBundle {
  entries: ParsedEntry[];
  problems: BundleProblem[];
}

/**
 * Reads a bundle file (or a single entry file, as a bundle of one). The file as a whole must be a
 * Lectern bundle of a version this build reads, else `LibraryEntryError`; a damaged entry inside
 * it is reported in `problems` and the others are kept.
 */
export function parseLibraryBundle(text: string, options: EntryParseOptions = {}): ParsedBundle {
  if (exceedsUtf8Bytes(text, MAX_LIBRARY_BUNDLE_BYTES)) {
    throw new LibraryEntryError('too-large', `The file is larger than ${MAX_LIBRARY_BUNDLE_BYTES / 1024 / 1024} MB.`);
  }
  const raw = parseJson(text, 'file');
  if (isObject(raw) && raw.format === LIBRARY_ENTRY_FORMAT)
    return { entries: [validateLibraryEntry(raw, options)], problems: [] };
  if (!isObject(raw) || raw.format !== LIBRARY_BUNDLE_FORMAT) {
    throw new LibraryEntryError(
      'not-library',
      `The file is not a Lectern library export (its "format" field is not "${LIBRARY_BUNDLE_FORMAT}").`,
    );
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new LibraryEntryError(
      'invalid-envelope',
      `version: ${JSON.stringify(version)} is not a format version number.`,
    );
  if (version > LIBRARY_BUNDLE_VERSION) {
    throw new LibraryEntryError(
      'newer-version',
      `The file is library format version ${version}; this version of Lectern reads up to ` +
        `${LIBRARY_BUNDLE_VERSION}. Update Lectern to import it.`,
    );
  }
  if (!Array.isArray(raw.entries)) throw new LibraryEntryError('invalid-envelope', 'entries: not a list.');
  if (raw.entries.length > MAX_BUNDLE_ENTRIES)
    throw new LibraryEntryError(
      'too-large',
      `The file holds ${raw.entries.length} entries; at most ${MAX_BUNDLE_ENTRIES} are imported at once.`,
    );
  const result: ParsedBundle = { entries: [], problems: [] };
  raw.entries.forEach((item: unknown, index) => {
    try {
      result.entries.push(validateLibraryEntry(item, options));
    } catch (error) {
      const name = isObject(item) && typeof item.name === 'string' ? item.name.slice(0, 100) : undefined;
      const known = error instanceof LibraryEntryError;
      result.problems.push({
        index,
        ...(name ? { name } : {}),
        code: known ? error.code : 'invalid-content',
        message: known ? error.message : describeThrown(error),
      });
    }
  });
  return result;
}

/** Whether an id names a built-in template (read-only). */
export function isBuiltinId(id: string): boolean {
  return id.startsWith(BUILTIN_PREFIX);
}
