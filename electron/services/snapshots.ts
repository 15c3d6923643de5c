/**
 * Version snapshots: every explicit save keeps one, and the user can keep named ones (送审稿,
 * 定稿). They live under `<userData>/snapshots/<hash of the file's path>/`, never beside the
 * user's file, and are listed in the History panel with time, name and size.
 *
 * Storage is deduplicated by block and gzip-compressed, so hundreds of snapshots of a long speech
 * cost little more than the paragraphs that changed between them:
 *
 * - `<id>.snap.gz`: one snapshot: its entry, the envelope (meta, placeholders) and its blocks in
 *   order, as copies of runs of a base list of block hashes plus the hashes that are new;
 * - `<id>.base.gz`: a full list of block hashes that later snapshots are described against; a
 *   new base is written when describing a snapshot against the old one stops paying;
 * - `<id>.pack.gz`: the blocks that snapshot introduced (no earlier live pack held them intact: a pack
 *   found missing or damaged on add has its blocks stored again), by hash;
 * - `index.json`: the entries, and which block hashes each live pack holds.
 *
 * A snapshot that changed one paragraph of a long speech thus costs a few hundred bytes.
 *
 * Old automatic snapshots are thinned on every add (`thinSnapshots`: all of today, one a day for
 * a month, one a week before that; named ones always kept), and packs and bases no remaining
 * snapshot needs are deleted (a pack some of whose blocks are still needed stays whole). Every file is written
 * atomically, pack and snapshot before the index, so a crash leaves at most unreferenced files, swept on the next add;
 * a missing or damaged index is rebuilt from the snapshot files, which each carry their own entry.
 */
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Node as PMNode } from '@tiptap/pm/model';
import { buildOutline } from '../../shared/document/outline';
import {
  MAX_SPEECH_FILE_BYTES,
  SPEECH_FORMAT,
  SPEECH_VERSION,
  parseSpeechFile,
  placeholderStateSchema,
  reopenSpeechFile,
  serializeSpeechFile,
  speechMetaSchema,
  type NodeJSON,
  type ParsedSpeech,
  type SpeechFile,
} from '../../shared/document/file-format';
import { writeFileAtomic } from './atomic-write';
import { errorCode, type FileSystem } from './file-system';
import { sha256 } from './file-watch';
import { snapshotKinds } from '../../shared/ipc/contract';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** How long automatic snapshots are kept one a day (before that: one a week), in days. */
export const DAILY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const ID = /^[a-z0-9]{1,20}-[0-9a-f]{8}$/;
/**
 * Block hashes: the first 64 bits of SHA-256, hex (a collision within one file's history is ~1e-9 likely even at
 * 100,000 blocks).
 */
const HASH = /^[0-9a-f]{16}$/;
const blockHash = (block: unknown) => sha256(JSON.stringify(block)).slice(0, 16);
/** The longest name of a named snapshot. */
export const MAX_SNAPSHOT_NAME = 100;

/** How a snapshot was taken (the contract's kinds). */
export type SnapshotKind = (typeof snapshotKinds)[number];

const entrySchema = z.object({
  snapshotId: z.string().regex(ID),
  kind: z.enum(snapshotKinds),
  name: z.string().max(MAX_SNAPSHOT_NAME).optional(),
  savedAt: z.string(),
  /** Bytes of the speech as a `.speech` file. */
  size: z.number().int().nonnegative(),
  /**
   * Characters of text, spaces and punctuation included (`textContent.length`): what snapshots stored before `length`.
   */
  characters: z.number().int().nonnegative(),
  /**
   * The speech's length as the status bar counts it (`buildOutline(doc).total`: Han characters,
   * runs of letters or digits, heading numbers; punctuation 0). Absent in snapshots kept before it
   * was stored: `list` and `read` measure those from their text.
   */
  length: z.number().int().nonnegative().optional(),
  /** SHA-256 of the speech's `.speech` text, so an unchanged save adds nothing. */
  sha256: z.string(),
});
type StoredEntry = z.infer<typeof entrySchema>;
/**
 * One snapshot as listed: id, kind, name (named ones), time, size in bytes, and `characters`: the
 * length the status bar shows for the same text (the stored `length`), so History and the status
 * bar never disagree (issue 12, item 7).
 */
export type SnapshotEntry = Omit<StoredEntry, 'sha256' | 'length'>;

const recordSchema = entrySchema.extend({ base: z.string().regex(ID) });
type SnapshotRecord = z.infer<typeof recordSchema>;

const indexSchema = z.object({
  format: z.literal('lectern.snapshots'),
  version: z.literal(1),
  path: z.string(),
  entries: z.array(recordSchema),
  /** Live pack id → the block hashes it holds. */
  packs: z.record(z.string().regex(ID), z.array(z.string().regex(HASH))),
});
type Index = z.infer<typeof indexSchema>;

/** A run `[start, length]` of the base list, or one block hash not in the base. */
const opSchema = z.union([
  z.tuple([z.number().int().nonnegative(), z.number().int().positive()]),
  z.string().regex(HASH),
]);
export type HashOp = z.infer<typeof opSchema>;

/**
 * Describes `hashes` against `base` as copies of runs of `base` (`[start, length]`) and literal
 * hashes, preferring to continue from where the last run ended. `applyHashOps(base, ops)` gives
 * `hashes` back.
 */
export function diffHashes(base: readonly string[], hashes: readonly string[]): HashOp[] {
  const first = new Map<string, number>();
  base.forEach((hash, i) => {
    if (!first.has(hash)) first.set(hash, i);
  });
  const ops: HashOp[] = [];
  let next = 0;
  for (let i = 0; i < hashes.length;) {
    const hash = hashes[i]!;
    const start = base[next] === hash ? next : first.get(hash);
    if (start === undefined) {
      ops.push(hash);
      i++;
      continue;
    }
    let length = 1;
    while (i + length < hashes.length && start + length < base.length && base[start + length] === hashes[i + length])
      length++;
    ops.push([start, length]);
    i += length;
    next = start + length;
  }
  return ops;
}

/** The hash list `ops` describe against `base`; undefined when a run falls outside it. */
export function applyHashOps(base: readonly string[], ops: readonly HashOp[]): string[] | undefined {
  const hashes: string[] = [];
  for (const op of ops) {
    if (typeof op === 'string') hashes.push(op);
    else if (op[0] + op[1] > base.length) return undefined;
    else hashes.push(...base.slice(op[0], op[0] + op[1]));
  }
  return hashes;
}

/**
 * A speech's length as the status bar counts it: the outline's total, the one count every view reads (DESIGN.md,
 * decision 8).
 */
const speechTotal = (doc: PMNode) => buildOutline(doc).total;

const baseSchema = z.array(z.string().regex(HASH));

const snapSchema = z.object({
  format: z.literal('lectern.snapshot'),
  version: z.literal(1),
  path: z.string(),
  entry: recordSchema,
  meta: speechMetaSchema,
  placeholders: placeholderStateSchema,
  ops: z.array(opSchema),
});

const packSchema = z.record(z.string().regex(HASH), z.unknown());

/** A snapshot that could not be added or read; `code` for the renderer (`not-found`, `damaged`, `io`). */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What `thinSnapshots` looks at of each snapshot. */
export interface ThinnableEntry {
  snapshotId: string;
  kind: SnapshotKind;
  savedAt: string;
}

/**
 * The thinning policy, as a pure function of the entries and the time: answers the ids to KEEP.
 * Named snapshots are always kept. Automatic ones: all from today (and any dated in the future,
 * a clock set wrong); from the last `DAILY_DAYS` days before today, the newest of each day;
 * older, the newest of each week (Monday to Sunday). Days are calendar days at
 * `utcOffsetMinutes` (the machine's own zone by default). Buckets are fixed calendar days and
 * weeks, so thinning again later never removes more than the policy says. An entry whose time
 * does not parse is kept.
 */
export function thinSnapshots(
  entries: readonly ThinnableEntry[],
  now: Date,
  utcOffsetMinutes = -now.getTimezoneOffset(),
): Set<string> {
  const dayOf = (ms: number) => Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS);
  const today = dayOf(now.getTime());
  const keep = new Set<string>();
  const newest = new Map<string, { id: string; ms: number }>();
  for (const entry of entries) {
    const ms = Date.parse(entry.savedAt);
    if (entry.kind === 'named' || Number.isNaN(ms)) {
      keep.add(entry.snapshotId);
      continue;
    }
    const day = dayOf(ms);
    if (day >= today) {
      keep.add(entry.snapshotId);
      continue;
    }
    // Epoch day 0 was a Thursday: +3 starts weeks on Monday.
    const bucket = today - day <= DAILY_DAYS ? `d${day}` : `w${Math.floor((day + 3) / 7)}`;
    const held = newest.get(bucket);
    if (!held || ms > held.ms || (ms === held.ms && entry.snapshotId > held.id))
      newest.set(bucket, { id: entry.snapshotId, ms });
  }
  for (const { id } of newest.values()) keep.add(id);
  return keep;
}

/** The folder name of a file's snapshots: a hash of its path (case-folded on Windows). */
export function folderNameFor(filePath: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = path.resolve(filePath);
  return sha256(platform === 'win32' || platform === 'darwin' ? resolved.toLowerCase() : resolved).slice(0, 32);
}

/** What `SnapshotStore` needs: its folder, the file system and, in tests, a clock and a time zone. */
export interface SnapshotStoreOptions {
  /** `<userData>/snapshots`. */
  dir: string;
  fs: FileSystem;
  now?: () => Date;
  /** The time zone thinning counts days in, as minutes east of UTC; the machine's own by default. */
  utcOffsetMinutes?: number;
}

/**
 * The snapshots of every document file, by the file's path (main only: the renderer names a
 * document by id, and the handlers look its path up). Operations run one after another.
 */
export class SnapshotStore {
  private chain: Promise<unknown> = Promise.resolve();
  /** Pack files checked by `add`, by path: their size and mtime then, and the hashes of the blocks they held intact. */
  private readonly checkedPacks = new Map<string, { stamp: string; hashes: Set<string> }>();
  /** The lengths of snapshots kept before `length` was stored, measured once, by folder and id. */
  private readonly measured = new Map<string, number>();

  constructor(private readonly options: SnapshotStoreOptions) {}

  /**
   * Keeps a snapshot of `file` for the document file at `filePath`: `auto` (a save) or `named`.
   * An automatic snapshot identical to the newest one adds nothing and answers that one. Thins
   * old automatic snapshots afterwards. Throws `SpeechFileError` for a document that would not
   * open, `SnapshotError` or `AtomicWriteError` when it cannot be stored.
   */
  add(filePath: string, file: SpeechFile, options: { kind: SnapshotKind; name?: string }): Promise<SnapshotEntry> {
    return this.serial(() => this.addNow(filePath, file, options));
  }

  /** The snapshots of a document file, newest first; none when there are none or they cannot be read. */
  list(filePath: string): Promise<SnapshotEntry[]> {
    return this.serial(async () => {
      const loaded = await this.loadIndex(filePath).catch(() => undefined);
      if (!loaded) return [];
      const entries: SnapshotEntry[] = [];
      let measured = false;
      for (const record of loaded.index.entries) {
        if (record.length === undefined) {
          const length = await this.measure(filePath, loaded.index, record);
          if (length !== undefined) {
            record.length = length;
            measured = true;
          }
        }
        // A snapshot that cannot be read has no other count than the characters it stored.
        entries.push(publicEntry(record, record.length ?? record.characters));
      }
      // Lengths measured for snapshots kept before they were stored are written to the index, so
      // they are measured once, not at every start. Not into an index rebuilt from the files (only
      // an add writes one of those), and a failure to write costs only measuring again.
      if (measured && !loaded.rebuilt) {
        const indexFile = path.join(this.folder(filePath), 'index.json');
        await writeFileAtomic(indexFile, JSON.stringify(loaded.index), { fs: this.options.fs }).catch(() => undefined);
      }
      return entries.sort(newestFirst);
    });
  }

  /** One snapshot's speech. Throws `SnapshotError` (`not-found`, `damaged`). */
  read(filePath: string, snapshotId: string): Promise<{ entry: SnapshotEntry; file: SpeechFile }> {
    return this.serial(async () => {
      if (!ID.test(snapshotId)) throw new SnapshotError('not-found', 'No such snapshot.');
      const index = (await this.loadIndex(filePath))?.index;
      const record = index?.entries.find((entry) => entry.snapshotId === snapshotId);
      if (!index || !record) throw new SnapshotError('not-found', 'No such snapshot.');
      const parsed = await this.assemble(filePath, index, record);
      return { entry: publicEntry(record, record.length ?? speechTotal(parsed.doc)), file: parsed.file };
    });
  }

  /** Deletes a snapshot (named or not); answers whether it existed. */
  remove(filePath: string, snapshotId: string): Promise<boolean> {
    return this.serial(async () => {
      const loaded = await this.loadIndex(filePath);
      if (!loaded || !loaded.index.entries.some((entry) => entry.snapshotId === snapshotId)) return false;
      const { index } = loaded;
      const before = sweepable(loaded);
      index.entries = index.entries.filter((entry) => entry.snapshotId !== snapshotId);
      await this.commit(filePath, index, true, before);
      return true;
    });
  }

  private async addNow(
    filePath: string,
    file: SpeechFile,
    options: { kind: SnapshotKind; name?: string },
  ): Promise<SnapshotEntry> {
    const parsed = reopenSpeechFile(file);
    const text = serializeSpeechFile(parsed.file);
    const digest = sha256(text);
    // An index that cannot be read (EBUSY, EACCES) fails the add rather than starting afresh over the old snapshots.
    const loaded = await this.loadIndex(filePath);
    const index: Index = loaded?.index ?? {
      format: 'lectern.snapshots',
      version: 1,
      path: filePath,
      entries: [],
      packs: {},
    };
    const before = sweepable(loaded);
    const newest = [...index.entries].sort(newestFirst)[0];
    if (options.kind === 'auto' && newest && newest.sha256 === digest)
      return publicEntry(newest, newest.length ?? speechTotal(parsed.doc));

    const now = this.now();
    const snapshotId = `${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
    const blocks = parsed.file.doc.content ?? [];
    const hashes = blocks.map(blockHash);
    const folder = this.folder(filePath);
    // Only blocks a live pack really holds (readable, hashing to their names) are left out of the
    // new pack: a pack that went missing or was damaged would otherwise make this snapshot, and
    // every later one with those paragraphs, unreadable.
    const stored = await this.storedBlocks(folder, index, hashes);
    const fresh: Record<string, NodeJSON> = {};
    blocks.forEach((block, i) => {
      if (!stored.has(hashes[i]!)) fresh[hashes[i]!] = block;
    });
    await this.options.fs.mkdir(folder, { recursive: true });
    // Describe the blocks against the newest snapshot's base while that stays short; else start a new base.
    let base = newest?.base;
    const baseHashes = base
      ? baseSchema.safeParse(await this.gunzipJson(path.join(folder, `${base}.base.gz`)).catch(() => undefined))
      : undefined;
    let ops = baseHashes?.success ? diffHashes(baseHashes.data, hashes) : undefined;
    if (!ops || ops.length > Math.max(8, hashes.length / 4)) {
      base = snapshotId;
      ops = [[0, hashes.length]];
      await writeFileAtomic(path.join(folder, `${base}.base.gz`), await gzipAsync(JSON.stringify(hashes)), {
        fs: this.options.fs,
      });
    }
    if (Object.keys(fresh).length) {
      const packFile = path.join(folder, `${snapshotId}.pack.gz`);
      await writeFileAtomic(packFile, await gzipAsync(JSON.stringify(fresh)), { fs: this.options.fs });
      index.packs[snapshotId] = Object.keys(fresh);
      // Written and synced just now: known intact, so the next add need not read it back.
      const written = await this.options.fs.stat(packFile).catch(() => undefined);
      if (written)
        this.checkedPacks.set(packFile, {
          stamp: `${written.size}:${written.mtimeMs}`,
          hashes: new Set(Object.keys(fresh)),
        });
    }
    const name = options.kind === 'named' ? options.name?.trim().slice(0, MAX_SNAPSHOT_NAME) || undefined : undefined;
    const record: SnapshotRecord = {
      snapshotId,
      kind: options.kind,
      ...(name ? { name } : {}),
      savedAt: now.toISOString(),
      size: Buffer.byteLength(text),
      characters: parsed.doc.textContent.length,
      length: speechTotal(parsed.doc),
      sha256: digest,
      base: base!,
    };
    const snap: z.infer<typeof snapSchema> = {
      format: 'lectern.snapshot',
      version: 1,
      path: filePath,
      entry: record,
      meta: parsed.file.meta,
      placeholders: parsed.file.placeholders,
      ops,
    };
    await writeFileAtomic(path.join(folder, `${snapshotId}.snap.gz`), await gzipAsync(JSON.stringify(snap)), {
      fs: this.options.fs,
    });
    index.entries.push(record);
    const keep = thinSnapshots(index.entries, now, this.options.utcOffsetMinutes);
    const thinned = index.entries.length - keep.size;
    index.entries = index.entries.filter((entry) => keep.has(entry.snapshotId));
    await this.commit(filePath, index, thinned > 0, before);
    return publicEntry(record, record.length!);
  }

  /**
   * Which of `hashes` the live packs of `index` really hold: each pack holding one of them is
   * checked to exist, read and hold blocks that hash to their names (a pack already checked and
   * unchanged since, by size and mtime, is not read again). A pack that is gone is dropped from
   * the index, so its blocks are stored again; a damaged or unreadable one stays listed (its
   * readable blocks may still serve older snapshots), but what it cannot give is stored again.
   */
  private async storedBlocks(folder: string, index: Index, hashes: readonly string[]): Promise<Set<string>> {
    const wanted = new Set(hashes);
    const stored = new Set<string>();
    const relied = Object.entries(index.packs).filter(([, held]) => held.some((hash) => wanted.has(hash)));
    const checked = await Promise.all(relied.map(([pack]) => this.packBlocks(path.join(folder, `${pack}.pack.gz`))));
    relied.forEach(([pack, held], i) => {
      const valid = checked[i]!;
      if (valid === 'missing') delete index.packs[pack];
      else for (const hash of held) if (wanted.has(hash) && valid.has(hash)) stored.add(hash);
    });
    return stored;
  }

  /**
   * The hashes of the blocks a pack file holds intact; `missing` when the file is gone; none when it cannot be read.
   */
  private async packBlocks(file: string): Promise<Set<string> | 'missing'> {
    let stamp: string;
    try {
      const stats = await this.options.fs.stat(file);
      stamp = `${stats.size}:${stats.mtimeMs}`;
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : new Set();
    }
    const known = this.checkedPacks.get(file);
    if (known?.stamp === stamp) return known.hashes;
    let read: unknown;
    try {
      read = await this.gunzipJson(file);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
      // A file that could not be read now (locked) is not remembered as damaged.
      if (code && !code.startsWith('Z_') && code !== 'ERR_BUFFER_TOO_LARGE') return new Set();
    }
    const pack = packSchema.safeParse(read);
    const hashes = new Set(
      pack.success
        ? Object.entries(pack.data).flatMap(([hash, block]) => (blockHash(block) === hash ? [hash] : []))
        : [],
    );
    this.checkedPacks.set(file, { stamp, hashes });
    return hashes;
  }

  /**
   * Writes the index, then deletes the files no longer needed: those the previous index named and
   * this one does not (thinned or deleted snapshots, unused bases and packs), and leftovers of an
   * add that failed after the previous index was written. With no trustworthy previous index
   * (`before` undefined: none, or rebuilt from the files) nothing is deleted. After snapshots were
   * removed (`removed`), first drops the packs no remaining snapshot has a block in; when a
   * remaining snapshot cannot be read, every pack is kept.
   */
  private async commit(filePath: string, index: Index, removed: boolean, before: Sweepable | undefined): Promise<void> {
    const folder = this.folder(filePath);
    const live = removed ? await this.liveHashes(folder, index.entries) : undefined;
    if (live)
      for (const [pack, held] of Object.entries(index.packs))
        if (!held.some((hash) => live.has(hash))) delete index.packs[pack];
    await writeFileAtomic(path.join(folder, 'index.json'), JSON.stringify(index), { fs: this.options.fs });
    if (!before) return;
    const named = namesOf(index);
    const files = await this.options.fs.readdir(folder).catch(() => [] as string[]);
    for (const file of files) {
      const id = /^([a-z0-9]+-[0-9a-f]{8})\.(snap|base|pack)\.gz$/.exec(file)?.[1];
      if (!id || named.has(file)) continue;
      if (before.names.has(file) || idTime(id) > before.newest)
        await this.options.fs.unlink(path.join(folder, file)).catch(() => undefined);
    }
  }

  /** Every block hash the snapshots use; undefined when one of them cannot be read. */
  private async liveHashes(folder: string, entries: readonly SnapshotRecord[]): Promise<Set<string> | undefined> {
    const live = new Set<string>();
    const bases = new Map<string, string[]>();
    for (const entry of entries) {
      const snap = snapSchema.safeParse(
        await this.gunzipJson(path.join(folder, `${entry.snapshotId}.snap.gz`)).catch(() => undefined),
      );
      if (!snap.success) return undefined;
      let base = bases.get(entry.base);
      if (!base) {
        const read = baseSchema.safeParse(
          await this.gunzipJson(path.join(folder, `${entry.base}.base.gz`)).catch(() => undefined),
        );
        if (!read.success) return undefined;
        base = read.data;
        bases.set(entry.base, base);
      }
      const hashes = applyHashOps(base, snap.data.ops);
      if (!hashes) return undefined;
      for (const hash of hashes) live.add(hash);
    }
    return live;
  }

  /**
   * The index of a file's snapshots; rebuilt from the snapshot files when missing or damaged
   * (`rebuilt`); undefined when there are none. Throws `SnapshotError('io')` when the index or the
   * folder exists but cannot be read.
   */
  private async loadIndex(filePath: string): Promise<{ index: Index; rebuilt: boolean } | undefined> {
    const folder = this.folder(filePath);
    try {
      const index = indexSchema.safeParse(
        JSON.parse((await this.options.fs.readFile(path.join(folder, 'index.json'))).toString('utf8')),
      );
      // The folder is named by a hash of the path, so an index found there is this file's.
      if (index.success) return { index: index.data, rebuilt: false };
    } catch (error) {
      if (errorCode(error) && errorCode(error) !== 'ENOENT')
        throw new SnapshotError('io', `The snapshots could not be read (${errorCode(error)}).`);
    }
    const rebuilt = await this.rebuildIndex(filePath);
    return rebuilt && { index: rebuilt, rebuilt: true };
  }

  /** An index from the snapshot, base and pack files themselves; snapshots whose base is gone are left out. */
  private async rebuildIndex(filePath: string): Promise<Index | undefined> {
    const folder = this.folder(filePath);
    const files = await this.options.fs.readdir(folder).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return [] as string[];
      throw new SnapshotError('io', `The snapshots could not be read (${errorCode(error) ?? 'unknown error'}).`);
    });
    const index: Index = { format: 'lectern.snapshots', version: 1, path: filePath, entries: [], packs: {} };
    for (const file of files.filter((name) => name.endsWith('.pack.gz'))) {
      const pack = packSchema.safeParse(await this.gunzipJson(path.join(folder, file)).catch(() => undefined));
      const id = file.slice(0, -'.pack.gz'.length);
      if (pack.success && ID.test(id)) index.packs[id] = Object.keys(pack.data);
    }
    for (const file of files.filter((name) => name.endsWith('.snap.gz'))) {
      const snap = snapSchema.safeParse(await this.gunzipJson(path.join(folder, file)).catch(() => undefined));
      if (!snap.success || `${snap.data.entry.snapshotId}.snap.gz` !== file) continue;
      if (files.includes(`${snap.data.entry.base}.base.gz`)) index.entries.push(snap.data.entry);
    }
    return index.entries.length ? index : undefined;
  }

  /**
   * The length, as the status bar counts it, of a snapshot kept before `length` was stored:
   * measured from its text, once per store and snapshot; undefined when it cannot be read.
   */
  private async measure(filePath: string, index: Index, record: SnapshotRecord): Promise<number | undefined> {
    const key = `${this.folder(filePath)}/${record.snapshotId}`;
    let length = this.measured.get(key);
    if (length === undefined) {
      length = await this.assemble(filePath, index, record).then(
        (parsed) => speechTotal(parsed.doc),
        () => undefined,
      );
      if (length !== undefined) this.measured.set(key, length);
    }
    return length;
  }

  private async assemble(filePath: string, index: Index, record: SnapshotRecord): Promise<ParsedSpeech> {
    const folder = this.folder(filePath);
    const damaged = (what: string) => new SnapshotError('damaged', `The snapshot is damaged: ${what}.`);
    const snap = snapSchema.safeParse(
      await this.gunzipJson(path.join(folder, `${record.snapshotId}.snap.gz`)).catch(() => undefined),
    );
    if (!snap.success) throw damaged('its file is missing or unreadable');
    const base = baseSchema.safeParse(
      await this.gunzipJson(path.join(folder, `${snap.data.entry.base}.base.gz`)).catch(() => undefined),
    );
    const hashes = base.success ? applyHashOps(base.data, snap.data.ops) : undefined;
    if (!hashes) throw damaged('the list of its paragraphs is missing or unreadable');
    // A block may be held by more than one pack (stored again after a pack was lost or damaged):
    // the newest holder is read first, an older one when that one cannot give it.
    const holders = new Map<string, string[]>();
    for (const [pack, held] of Object.entries(index.packs).reverse())
      for (const hash of held) holders.set(hash, [...(holders.get(hash) ?? []), pack]);
    if (hashes.some((hash) => !holders.has(hash))) throw damaged('a paragraph of it is missing');
    const blocks = new Map<string, unknown>();
    const tried = new Set<string>();
    let unreadable = false;
    for (const hash of hashes) {
      for (const pack of holders.get(hash)!) {
        if (blocks.has(hash)) break;
        if (tried.has(pack)) continue;
        tried.add(pack);
        const held = packSchema.safeParse(
          await this.gunzipJson(path.join(folder, `${pack}.pack.gz`)).catch(() => undefined),
        );
        if (!held.success) {
          unreadable = true;
          continue;
        }
        // A block that does not hash to its name was damaged on disk.
        for (const [name, block] of Object.entries(held.data)) if (blockHash(block) === name) blocks.set(name, block);
      }
    }
    const content = hashes.map((hash) => blocks.get(hash));
    if (content.some((block) => block === undefined))
      throw damaged(unreadable ? 'a part of it is missing or unreadable' : 'a paragraph of it is missing');
    const { meta, placeholders } = snap.data;
    const file = { format: SPEECH_FORMAT, version: SPEECH_VERSION, meta, placeholders, doc: { type: 'doc', content } };
    try {
      return parseSpeechFile(JSON.stringify(file));
    } catch {
      throw damaged('its content does not validate');
    }
  }

  private async gunzipJson(file: string): Promise<unknown> {
    const bytes = await this.options.fs.readFile(file);
    const text = (await gunzipAsync(bytes, { maxOutputLength: 4 * MAX_SPEECH_FILE_BYTES })).toString('utf8');
    return JSON.parse(text);
  }

  private folder(filePath: string): string {
    return path.join(this.options.dir, folderNameFor(filePath));
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** What a loaded index lets `commit` delete: the files it named, and the time of its newest snapshot. */
interface Sweepable {
  names: Set<string>;
  newest: number;
}

/** The time in an id (milliseconds, base 36, before the dash). */
const idTime = (id: string) => parseInt(id.slice(0, id.indexOf('-')), 36);

/** The files an index names: its snapshots, their bases and the live packs. */
function namesOf(index: Index): Set<string> {
  return new Set([
    ...index.entries.map((entry) => `${entry.snapshotId}.snap.gz`),
    ...index.entries.map((entry) => `${entry.base}.base.gz`),
    ...Object.keys(index.packs).map((pack) => `${pack}.pack.gz`),
  ]);
}

/** What may be swept after changing a loaded index: only one read as written, never one rebuilt. */
function sweepable(loaded: { index: Index; rebuilt: boolean } | undefined): Sweepable | undefined {
  if (!loaded || loaded.rebuilt) return undefined;
  return {
    names: namesOf(loaded.index),
    newest: Math.max(-Infinity, ...loaded.index.entries.map((entry) => idTime(entry.snapshotId))),
  };
}

/** The entry the renderer sees, `characters` being the snapshot's length as the status bar counts it. */
function publicEntry(record: SnapshotRecord, characters: number): SnapshotEntry {
  const { snapshotId, kind, name, savedAt, size } = record;
  return name === undefined
    ? { snapshotId, kind, savedAt, size, characters }
    : { snapshotId, kind, name, savedAt, size, characters };
}

function newestFirst(a: { savedAt: string; snapshotId: string }, b: { savedAt: string; snapshotId: string }): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? 1 : -1;
  return a.snapshotId < b.snapshotId ? 1 : a.snapshotId > b.snapshotId ? -1 : 0;
}
