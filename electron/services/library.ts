/**
 * The library (issue 7): outlines and speeches kept for reuse, as one JSON file per entry in a
 * folder of the user-data folder (`library/<id>.json`), each versioned and validated like a
 * `.speech` file and written atomically. The built-in templates are listed with them, read-only.
 *
 * `LibraryStore` is the folder: listing (a corrupt or duplicate file is skipped with a notice,
 * never a crash), saving, renaming and retagging, duplicating, deleting with undo for the session,
 * and bundles for sharing and backups (import with a conflict policy). `LibraryService` adds what
 * the app needs on top: the export and import dialogs, and an import that asks about conflicts.
 * Plain Node: no Electron.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Node as PMNode } from '@tiptap/pm/model';
import { SpeechFileError, docFromJSON, type NodeJSON } from '../../shared/document/file-format';
import { headingLevel } from '../../shared/document/numbering';
import { builtinTemplates } from '../../shared/library/builtin-templates';
import {
  LIBRARY_ENTRY_FORMAT,
  LIBRARY_ENTRY_VERSION,
  LibraryEntryError,
  MAX_LIBRARY_BUNDLE_BYTES,
  MAX_LIBRARY_ENTRY_BYTES,
  entryIdSchema,
  entryNameSchema,
  isBuiltinId,
  occasionSchema,
  parseLibraryBundle,
  parseLibraryEntry,
  serializeLibraryBundle,
  serializeLibraryEntry,
  yearSchema,
  type EntryKind,
  type LibraryEntry,
} from '../../shared/library/entry';
import { entryContent } from '../../shared/library/extract';
import { matchesQuery } from '../../shared/library/search';
import { AtomicWriteError, writeFileAtomic } from './atomic-write';
import { errorCode, type FileSystem } from './file-system';
import { failureCode, failureDetail } from './documents';
import type { Dialogs, FileFilter } from './types';
import type {
  Failure,
  LibraryChangeResult,
  LibraryEntrySummary,
  LibraryImportResult,
  LibraryNotice,
} from '../../shared/ipc/contract';

/** The file type of exported library bundles. */
export const LIBRARY_EXTENSION = 'speechlib';
export const LIBRARY_FILTERS: FileFilter[] = [
  { name: '讲稿素材库 (*.speechlib)', extensions: [LIBRARY_EXTENSION, 'json'] },
];
/** The file name the export dialog suggests. */
export const LIBRARY_EXPORT_NAME = `讲稿素材.${LIBRARY_EXTENSION}`;

/** Why a library change was refused: a code the renderer translates, a message for the details line. */
export type LibraryErrorCode =
  | 'not-found'
  | 'read-only'
  | 'invalid'
  | 'not-a-heading'
  | 'disk-full'
  | 'permission-denied'
  | 'locked'
  | 'io'
  | LibraryEntryError['code'];

/** A library change that did not happen; nothing on disk changed. */
export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  constructor(
    readonly code: LibraryErrorCode | string,
    message: string,
  ) {
    super(message);
  }
}

/** A file in the library folder that was skipped, and why: the contract's type, which the service answers. */
export type { LibraryNotice };

/** What the library panel lists for an entry, everything but its document (the contract's LibraryEntrySummary). */
export type LibrarySummary = LibraryEntrySummary;

/** Filters for `list`: words to find (name, occasion, year, text), an occasion, a year. */
export interface LibraryFilter {
  query?: string;
  occasion?: string;
  year?: number;
}

/** A new entry: its tags and document (already extracted), or a document to extract from. */
export interface NewEntry {
  name: string;
  occasion?: string;
  year?: number;
  description?: string;
  kind: EntryKind;
  /** The speech the entry is taken from. */
  doc: NodeJSON;
  /** The heading whose section to keep; the whole speech when absent. */
  section?: number;
}

/** A rename or retag; `null` clears a tag. */
export interface EntryPatch {
  name?: string;
  occasion?: string | null;
  year?: number | null;
  description?: string | null;
}

/** What to do with an imported entry whose name a user entry already has. */
export type ConflictPolicy = 'keep-both' | 'replace';

/**
 * What an import did (the contract's `imported` answer without its status): names added (after any
 * renaming), names and ids of user entries whose content was replaced (`restore(id)` puts back what
 * each held before), entries kept beside one of the same name, and entries that could not be read.
 */
export type ImportOutcome = Omit<Extract<LibraryImportResult, { status: 'imported' }>, 'status'>;

interface StoredEntry {
  entry: LibraryEntry;
  file: string;
  doc: PMNode;
}

interface Scan {
  entries: Map<string, StoredEntry>;
  notices: LibraryNotice[];
  /**
   * Every file name in the folder, lower-cased (whether or not it is an entry that could be read:
   * a newer version, a damaged or foreign file is never written over). Lower-cased because the
   * file systems of Windows and macOS do not tell `A.json` from `a.json`.
   */
  files: Set<string>;
}

/** What the session trash keeps: a deleted entry, or the content an import replaced (`replaced`). */
interface TrashItem {
  entry: LibraryEntry;
  replaced?: boolean;
}

/** What the store needs: the folder, the file system, and (for tests) the clock, ids and templates. */
export interface LibraryStoreOptions {
  folder: string;
  fs: FileSystem;
  now?: () => Date;
  newId?: () => string;
  /** The built-in templates; the bundled ones by default. */
  templates?: readonly LibraryEntry[];
}

function headingCount(doc: PMNode): number {
  let n = 0;
  doc.forEach((block) => {
    if (headingLevel(block)) n++;
  });
  return n;
}

function summaryOf(entry: LibraryEntry, doc: PMNode): LibrarySummary {
  const summary: LibrarySummary = {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    builtIn: isBuiltinId(entry.id),
    headings: headingCount(doc),
  };
  if (entry.occasion) summary.occasion = entry.occasion;
  if (entry.year !== undefined) summary.year = entry.year;
  if (entry.description) summary.description = entry.description;
  if (entry.createdAt) summary.createdAt = entry.createdAt;
  if (entry.modifiedAt) summary.modifiedAt = entry.modifiedAt;
  return summary;
}

/** A file-system error as a `LibraryError` with the renderer's failure code and an English detail (no path). */
function fsError(error: unknown, action: 'reading' | 'saving'): LibraryError {
  if (error instanceof LibraryError) return error;
  const errno = error instanceof AtomicWriteError ? error.code : errorCode(error);
  return new LibraryError(failureCode(errno), failureDetail(errno, action).replace('The file on disk', 'The library'));
}

const collator = new Intl.Collator('zh-CN');

/**
 * The library folder and the built-in templates. Every read rescans the folder (a few hundred small
 * files at most), so entries added by the command line or another window appear; writes are made
 * one after another.
 */
export class LibraryStore {
  private readonly trash = new Map<string, TrashItem>();
  private writing: Promise<unknown> = Promise.resolve();
  private readonly templates: ReadonlyMap<string, { entry: LibraryEntry; doc: PMNode }>;

  constructor(private readonly options: LibraryStoreOptions) {
    const templates = new Map<string, { entry: LibraryEntry; doc: PMNode }>();
    for (const entry of options.templates ?? builtinTemplates().entries) {
      try {
        templates.set(entry.id, { entry, doc: docFromJSON(entry.doc) });
      } catch {
        // builtin-templates.test.ts keeps every template valid; a bad one is left out, never thrown.
      }
    }
    this.templates = templates;
  }

  /** The folder the entries are kept in. */
  get folder(): string {
    return this.options.folder;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private newId(): string {
    return this.options.newId?.() ?? randomUUID();
  }

  /** Runs `change` after every earlier change, so two at once never overwrite each other's file. */
  private serial<T>(change: () => Promise<T>): Promise<T> {
    const next = this.writing.catch(() => undefined).then(change);
    this.writing = next;
    return next;
  }

  /**
   * Reads every entry file. A file that is not a valid entry (not JSON, another format, a newer
   * version, invalid content, too large, unreadable) is skipped with a notice; so is a second file
   * with the id of another (a copied file): the one named after its id wins, else the first by name.
   */
  private async scan(): Promise<Scan> {
    const notices: LibraryNotice[] = [];
    const entries = new Map<string, StoredEntry>();
    const taken = new Set<string>();
    let names: string[];
    try {
      names = await this.options.fs.readdir(this.folder);
    } catch (error) {
      const errno = errorCode(error);
      // No folder yet (a first run) is an empty library; an unreadable one is a notice, and the templates still list.
      if (errno !== 'ENOENT')
        notices.push({
          file: path.basename(this.folder),
          code: failureCode(errno),
          message: failureDetail(errno, 'reading'),
        });
      return { entries, notices, files: taken };
    }
    for (const name of names) taken.add(name.toLowerCase());
    const files = names.filter((name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.')).sort();
    const read: Array<{ name: string; file: string; entry: LibraryEntry; doc: PMNode }> = [];
    for (const name of files) {
      const file = path.join(this.folder, name);
      try {
        const { size } = await this.options.fs.stat(file);
        if (size > MAX_LIBRARY_ENTRY_BYTES)
          throw new LibraryEntryError(
            'too-large',
            `The entry is ${size} bytes; an entry is never over ${MAX_LIBRARY_ENTRY_BYTES}.`,
          );
        const { entry, doc } = parseLibraryEntry((await this.options.fs.readFile(file)).toString('utf8'));
        read.push({ name, file, entry, doc });
      } catch (error) {
        if (error instanceof LibraryEntryError) notices.push({ file: name, code: error.code, message: error.message });
        else
          notices.push({
            file: name,
            code: failureCode(errorCode(error)),
            message: failureDetail(errorCode(error), 'reading'),
          });
      }
    }
    // Files named after their id first, so that a copy never displaces the original.
    const own = (item: (typeof read)[number]) => item.name === `${item.entry.id}.json`;
    read.sort((a, b) => Number(own(b)) - Number(own(a)));
    for (const { name, file, entry, doc } of read) {
      if (isBuiltinId(entry.id)) {
        notices.push({
          file: name,
          code: 'duplicate',
          message: `The entry uses the id of a built-in template (${entry.id}) and was skipped.`,
        });
        continue;
      }
      const first = entries.get(entry.id);
      if (first) {
        notices.push({
          file: name,
          code: 'duplicate',
          message: `The entry has the same id as ${path.basename(first.file)} (${entry.id}) and was skipped.`,
        });
        continue;
      }
      entries.set(entry.id, { entry, file, doc });
    }
    return { entries, notices, files: taken };
  }

  /**
   * The built-in templates, then the user's entries by name, filtered; and a notice for each file
   * skipped (or for the folder, when it cannot be read). Never throws.
   */
  async list(filter: LibraryFilter = {}): Promise<{ entries: LibrarySummary[]; notices: LibraryNotice[] }> {
    const { entries, notices } = await this.scan();
    const matches = (entry: LibraryEntry) =>
      (!filter.occasion || entry.occasion === filter.occasion) &&
      (filter.year === undefined || entry.year === filter.year) &&
      matchesQuery(entry, filter.query ?? '');
    const builtIn = [...this.templates.values()]
      .filter(({ entry }) => matches(entry))
      .map(({ entry, doc }) => summaryOf(entry, doc));
    const own = [...entries.values()]
      .filter(({ entry }) => matches(entry))
      .sort((a, b) => collator.compare(a.entry.name, b.entry.name) || a.entry.id.localeCompare(b.entry.id))
      .map(({ entry, doc }) => summaryOf(entry, doc));
    return { entries: [...builtIn, ...own], notices };
  }

  /** One entry, built-in or the user's, with its summary; undefined when there is none with that id. */
  async read(id: string): Promise<{ entry: LibraryEntry; summary: LibrarySummary } | undefined> {
    const template = this.templates.get(id);
    if (template) return { entry: template.entry, summary: summaryOf(template.entry, template.doc) };
    if (!entryIdSchema.safeParse(id).success) return undefined;
    const stored = (await this.scan()).entries.get(id);
    return stored && { entry: stored.entry, summary: summaryOf(stored.entry, stored.doc) };
  }

  /** Validates `entry` as a file would be read back, then writes it atomically as `<id>.json` (or `file`). */
  private async write(
    entry: LibraryEntry,
    file = path.join(this.folder, `${entry.id}.json`),
  ): Promise<{ entry: LibraryEntry; doc: PMNode }> {
    let text: string;
    let parsed;
    try {
      text = serializeLibraryEntry(entry);
      parsed = parseLibraryEntry(text);
    } catch (error) {
      if (error instanceof LibraryEntryError)
        throw new LibraryError(error.code === 'too-large' ? 'too-large' : 'invalid', error.message);
      throw error;
    }
    try {
      await this.options.fs.mkdir(this.folder, { recursive: true });
      await writeFileAtomic(file, text, { fs: this.options.fs });
    } catch (error) {
      throw fsError(error, 'saving');
    }
    return parsed;
  }

  /** The user's entry `id`, or a `LibraryError`: `read-only` for a built-in template, `not-found` otherwise. */
  private async own(id: string): Promise<StoredEntry> {
    if (this.templates.has(id) || isBuiltinId(id))
      throw new LibraryError(
        'read-only',
        'Built-in templates cannot be changed; duplicate one to your library to edit it.',
      );
    const stored = entryIdSchema.safeParse(id).success ? (await this.scan()).entries.get(id) : undefined;
    if (!stored) throw new LibraryError('not-found', 'The library has no such entry (it may have been deleted).');
    return stored;
  }

  /**
   * Saves a new entry: the whole speech or the section headed by block `section`, as an outline or
   * in full (`shared/library/extract.ts`). Throws `LibraryError`: `invalid` (a bad name, tag or
   * document), `not-a-heading` (the section block is not a heading), or a file-system code.
   */
  async create(input: NewEntry): Promise<LibrarySummary> {
    let doc: PMNode;
    try {
      doc = docFromJSON(input.doc);
    } catch (error) {
      throw new LibraryError('invalid', error instanceof SpeechFileError ? error.message : String(error));
    }
    const content = entryContent(
      doc,
      input.section === undefined ? { kind: input.kind } : { kind: input.kind, section: input.section },
    );
    if (!content)
      throw new LibraryError('not-a-heading', `Block ${input.section} is not a heading, so it heads no section.`);
    const now = this.now().toISOString();
    const entry = this.entryOf({ ...input, doc: content }, this.newId(), now);
    return this.serial(async () => {
      const written = await this.write(entry);
      return summaryOf(written.entry, written.doc);
    });
  }

  private entryOf(input: Omit<NewEntry, 'section'>, id: string, now: string): LibraryEntry {
    const name = entryNameSchema.safeParse(input.name);
    if (!name.success) throw new LibraryError('invalid', `name: ${name.error.issues[0]?.message ?? 'not a name'}`);
    const entry: LibraryEntry = {
      format: LIBRARY_ENTRY_FORMAT,
      version: LIBRARY_ENTRY_VERSION,
      id,
      name: name.data,
      kind: input.kind,
      createdAt: now,
      modifiedAt: now,
      doc: input.doc,
    };
    if (input.occasion?.trim()) entry.occasion = input.occasion.trim();
    if (input.year !== undefined) entry.year = input.year;
    if (input.description?.trim()) entry.description = input.description.trim();
    return entry;
  }

  /** Renames or retags the user's entry `id`; `null` clears a tag. Built-in templates are `read-only`. */
  async update(id: string, patch: EntryPatch): Promise<LibrarySummary> {
    return this.serial(async () => {
      const { entry, file } = await this.own(id);
      const next: LibraryEntry = { ...entry, modifiedAt: this.now().toISOString() };
      if (patch.name !== undefined) {
        const name = entryNameSchema.safeParse(patch.name);
        if (!name.success) throw new LibraryError('invalid', `name: ${name.error.issues[0]?.message ?? 'not a name'}`);
        next.name = name.data;
      }
      if (patch.occasion === null || patch.occasion?.trim() === '') delete next.occasion;
      else if (patch.occasion !== undefined) {
        const occasion = occasionSchema.safeParse(patch.occasion);
        if (!occasion.success) throw new LibraryError('invalid', `occasion: ${occasion.error.issues[0]?.message}`);
        next.occasion = occasion.data;
      }
      if (patch.year === null) delete next.year;
      else if (patch.year !== undefined) {
        if (!yearSchema.safeParse(patch.year).success)
          throw new LibraryError('invalid', `year: ${patch.year} is not a year from 1949 to 2200.`);
        next.year = patch.year;
      }
      if (patch.description === null || patch.description?.trim() === '') delete next.description;
      else if (patch.description !== undefined) next.description = patch.description.trim();
      const written = await this.write(next, file);
      return summaryOf(written.entry, written.doc);
    });
  }

  /** A copy of entry `id` (a built-in template or the user's) in the user's library, named `name` or "<name>（副本）". */
  async duplicate(id: string, name?: string): Promise<LibrarySummary> {
    const source = await this.read(id);
    if (!source) throw new LibraryError('not-found', 'The library has no such entry (it may have been deleted).');
    const { entry } = source;
    const copyName = name ?? (await this.uniqueName(`${entry.name.slice(0, 96)}（副本）`));
    const copy = this.entryOf({ ...entry, name: copyName }, this.newId(), this.now().toISOString());
    return this.serial(async () => {
      const written = await this.write(copy);
      return summaryOf(written.entry, written.doc);
    });
  }

  /** `name`, or `name（2）`, `name（3）`… : the first that no user entry has. */
  private async uniqueName(name: string, taken?: Set<string>): Promise<string> {
    const names = taken ?? new Set([...(await this.scan()).entries.values()].map((s) => s.entry.name));
    if (!names.has(name)) return name;
    for (let n = 2; ; n++) {
      const candidate = `${name.slice(0, 90)}（${n}）`;
      if (!names.has(candidate)) return candidate;
    }
  }

  /** Deletes the user's entry `id`; `restore(id)` brings it back for as long as this store lives. */
  async remove(id: string): Promise<LibrarySummary> {
    return this.serial(async () => {
      const { entry, file, doc } = await this.own(id);
      try {
        await this.options.fs.unlink(file);
      } catch (error) {
        throw fsError(error, 'saving');
      }
      this.trash.set(id, { entry });
      return summaryOf(entry, doc);
    });
  }

  /**
   * Undoes a delete or a replacing import of this session. A deleted entry comes back as it was,
   * in a file of its own: never over an existing file (any file of the folder, compared without
   * case), under a fresh id when its own is taken meanwhile. An entry whose content an import
   * replaced gets its previous content back in its file (its id kept); when it is no longer
   * there, it comes back like a deleted one. `not-found` when there is nothing to restore.
   */
  async restore(id: string): Promise<LibrarySummary> {
    return this.serial(async () => {
      const item = this.trash.get(id);
      if (!item) throw new LibraryError('not-found', 'There is no deleted entry to restore.');
      const scan = await this.scan();
      const current = item.replaced ? scan.entries.get(id) : undefined;
      let written;
      if (current) written = await this.write(item.entry, current.file);
      else {
        const fresh = this.freeId(item.entry.id, scan);
        written = await this.write({ ...item.entry, id: fresh });
      }
      this.trash.delete(id);
      return summaryOf(written.entry, written.doc);
    });
  }

  /**
   * Whether `id` is taken in the folder: by a readable entry or by any file named `<id>.json`, compared without case.
   */
  private isTaken(id: string, scan: Scan, extra?: ReadonlySet<string>): boolean {
    const key = id.toLowerCase();
    if (isBuiltinId(id) || scan.files.has(`${key}.json`) || extra?.has(key)) return true;
    for (const known of scan.entries.keys()) if (known.toLowerCase() === key) return true;
    return false;
  }

  /** `id` when it is free (see `isTaken`), else a fresh one that is. */
  private freeId(id: string, scan: Scan, extra?: ReadonlySet<string>): string {
    if (entryIdSchema.safeParse(id).success && !this.isTaken(id, scan, extra)) return id;
    for (let attempt = 0; attempt < 100; attempt++) {
      const fresh = this.newId();
      if (!this.isTaken(fresh, scan, extra)) return fresh;
    }
    return randomUUID();
  }

  /**
   * The bundle text of entries `ids` (built-in or the user's), in that order; `not-found` names an id that is not
   * there.
   */
  async exportBundle(ids: readonly string[]): Promise<{ text: string; count: number }> {
    const entries: LibraryEntry[] = [];
    const { entries: own } = await this.scan();
    for (const id of new Set(ids)) {
      const entry = this.templates.get(id)?.entry ?? own.get(id)?.entry;
      if (!entry) throw new LibraryError('not-found', `The library has no entry ${id}.`);
      entries.push(entry);
    }
    return { text: serializeLibraryBundle(entries, this.now()), count: entries.length };
  }

  /** Every entry of the user's library (for a backup of all of it). */
  async ownIds(): Promise<string[]> {
    return [...(await this.scan()).entries.keys()];
  }

  /**
   * Reads a bundle (or a single entry file) and answers the names of its entries that user entries
   * already have. Throws `LibraryError` with the bundle's error code when the file is not one.
   */
  async conflicts(text: string): Promise<string[]> {
    const bundle = this.parseBundle(text);
    const names = new Set([...(await this.scan()).entries.values()].map((s) => s.entry.name));
    return [...new Set(bundle.entries.map((e) => e.entry.name).filter((name) => names.has(name)))];
  }

  private parseBundle(text: string) {
    try {
      return parseLibraryBundle(text);
    } catch (error) {
      if (error instanceof LibraryEntryError) throw new LibraryError(error.code, error.message);
      throw error;
    }
  }

  /**
   * Imports a bundle. An entry whose name a user entry has is, by `policy`, kept beside it under the
   * next free name (`keep-both`: name（2）) or written over that entry's content, keeping its id
   * (`replace`): the user entry of that name with the imported entry's id if there is one, else the
   * first of that name; each user entry is replaced at most once (a second entry of the same name
   * is kept beside it, renamed), and its previous content goes to the session trash, so
   * `restore(id)` of an id in `replacedIds` undoes it. Imported ids are kept unless one is a
   * built-in's or taken by any file of the folder (compared without case). Entries of the file that
   * cannot be read are `skipped`; the others are imported.
   */
  async importBundle(text: string, policy: ConflictPolicy): Promise<ImportOutcome> {
    const bundle = this.parseBundle(text);
    return this.serial(async () => {
      const scan = await this.scan();
      // The user entries of each name, first by file order: what an import of that name may replace.
      const byName = new Map<string, StoredEntry[]>();
      for (const stored of scan.entries.values()) {
        const list = byName.get(stored.entry.name);
        if (list) list.push(stored);
        else byName.set(stored.entry.name, [stored]);
      }
      const names = new Set(byName.keys());
      const added = new Set<string>();
      const outcome: ImportOutcome = {
        added: [],
        replaced: [],
        replacedIds: [],
        renamed: [],
        skipped: [...bundle.problems],
      };
      const now = this.now().toISOString();
      for (const { entry } of bundle.entries) {
        const candidates = byName.get(entry.name);
        if (candidates?.length && policy === 'replace') {
          const at = Math.max(
            0,
            candidates.findIndex((stored) => stored.entry.id === entry.id),
          );
          const [existing] = candidates.splice(at, 1) as [StoredEntry];
          const replacement: LibraryEntry = { ...entry, id: existing.entry.id, modifiedAt: now };
          if (existing.entry.createdAt) replacement.createdAt = existing.entry.createdAt;
          await this.write(replacement, existing.file);
          this.trash.set(existing.entry.id, { entry: existing.entry, replaced: true });
          outcome.replaced.push(entry.name);
          outcome.replacedIds.push(existing.entry.id);
          continue;
        }
        const id = this.freeId(entry.id, scan, added);
        const name = names.has(entry.name) ? await this.uniqueName(entry.name, names) : entry.name;
        await this.write({ ...entry, id, name, modifiedAt: now });
        added.add(id.toLowerCase());
        names.add(name);
        if (name !== entry.name) outcome.renamed.push({ from: entry.name, to: name });
        outcome.added.push(name);
      }
      return outcome;
    });
  }
}

/** A failure as the contract answers it. */
export type LibraryFailure = Failure;

function failureOf(error: unknown): LibraryFailure {
  if (error instanceof LibraryError) return { code: error.code, message: error.message };
  return { code: 'unknown', message: error instanceof Error ? error.message : String(error) };
}

/** What answering an entry change looks like over the contract. */
export type ChangeResult = LibraryChangeResult;

/** The answer of the import call: done, a question about conflicts, the user's cancel, or a failure. */
export type ImportResult = LibraryImportResult;

/** What the library service needs: the store and the host's dialogs. */
export interface LibraryServiceOptions {
  store: LibraryStore;
  dialogs: Dialogs;
  fs: FileSystem;
}

/**
 * The library as the app uses it: each store operation answered as `{ status, … }` (never thrown),
 * and the export and import dialogs. An import whose file has entries named like user entries
 * answers `conflicts` with a `pendingId`; the renderer asks the user and calls again with the
 * `pendingId` and `keep-both` or `replace` (the file is not read again).
 */
export class LibraryService {
  private readonly pending = new Map<string, string>();

  constructor(private readonly options: LibraryServiceOptions) {}

  get store(): LibraryStore {
    return this.options.store;
  }

  /** Runs a store change and answers `saved` with the entry's summary, or `failed`. */
  async change(run: (store: LibraryStore) => Promise<LibrarySummary>): Promise<ChangeResult> {
    try {
      return { status: 'saved', entry: await run(this.store) };
    } catch (error) {
      return { status: 'failed', error: failureOf(error) };
    }
  }

  /** Asks where, then writes entries `ids` as one bundle file (adding `.speechlib` when no extension was typed). */
  async exportToFile(
    windowId: number,
    ids: readonly string[],
  ): Promise<
    | { status: 'exported'; name: string; count: number }
    | { status: 'canceled' }
    | { status: 'failed'; error: LibraryFailure }
  > {
    let bundle: { text: string; count: number };
    try {
      bundle = await this.store.exportBundle(ids);
    } catch (error) {
      return { status: 'failed', error: failureOf(error) };
    }
    const chosen = await this.options.dialogs.showSave(windowId, {
      title: '导出素材',
      defaultName: LIBRARY_EXPORT_NAME,
      filters: LIBRARY_FILTERS,
    });
    if (!chosen) return { status: 'canceled' };
    const target = path.extname(chosen) ? chosen : `${chosen}.${LIBRARY_EXTENSION}`;
    try {
      await writeFileAtomic(target, bundle.text, { fs: this.options.fs });
    } catch (error) {
      return { status: 'failed', error: failureOf(fsError(error, 'saving')) };
    }
    return { status: 'exported', name: path.basename(target), count: bundle.count };
  }

  /**
   * Imports a bundle file. Without `pendingId`, shows the open dialog and reads the file; when some
   * of its entries are named like user entries and no `onConflict` is given, answers `conflicts`
   * and keeps the file's text under a `pendingId` until asked again. With `pendingId` and
   * `onConflict`, imports that file. An unknown `pendingId` fails as `not-found`.
   */
  async importFromFile(
    windowId: number,
    request: { pendingId?: string; onConflict?: ConflictPolicy },
  ): Promise<ImportResult> {
    let text: string;
    if (request.pendingId !== undefined) {
      const kept = this.pending.get(request.pendingId);
      if (kept === undefined)
        return {
          status: 'failed',
          error: { code: 'not-found', message: 'That import is no longer pending; choose the file again.' },
        };
      this.pending.delete(request.pendingId);
      text = kept;
    } else {
      const chosen = await this.options.dialogs.showOpen(windowId, { title: '导入素材', filters: LIBRARY_FILTERS });
      if (!chosen) return { status: 'canceled' };
      try {
        const { size } = await this.options.fs.stat(chosen);
        if (size > MAX_LIBRARY_BUNDLE_BYTES)
          return {
            status: 'failed',
            error: {
              code: 'too-large',
              message: `The file is ${size} bytes; a library file is never over ${MAX_LIBRARY_BUNDLE_BYTES}.`,
            },
          };
        text = (await this.options.fs.readFile(chosen)).toString('utf8');
      } catch (error) {
        return { status: 'failed', error: failureOf(fsError(error, 'reading')) };
      }
    }
    try {
      if (!request.onConflict) {
        const names = await this.store.conflicts(text);
        if (names.length) {
          const pendingId = randomUUID();
          // Only the latest question is kept: a new import forgets an unanswered one.
          this.pending.clear();
          this.pending.set(pendingId, text);
          return { status: 'conflicts', pendingId, names, count: names.length };
        }
      }
      return { status: 'imported', ...(await this.store.importBundle(text, request.onConflict ?? 'keep-both')) };
    } catch (error) {
      return { status: 'failed', error: failureOf(error) };
    }
  }
}
