/**
 * Crash recovery: backups of unsaved work, one JSON file per document under
 * `<userData>/recovery/`, never beside or over the user's own file. The renderer sends the
 * document about a second after typing pauses; after a crash, the next start lists what is left
 * (name, time, a preview of the text) and the user restores, compares or discards each. A backup
 * is removed when its document is saved or deliberately closed without saving.
 *
 * Backups are written atomically (a crash mid-backup leaves the previous backup), validated with
 * the `.speech` parser when read (a damaged or foreign backup is skipped, never thrown), and keep
 * the path of the document's file here in main: the renderer sees only a `hasFile` flag.
 */
import path from 'node:path';
import { z } from 'zod';
import {
  MAX_SPEECH_FILE_BYTES,
  checkedSpeechText,
  parseSpeechFile,
  type SpeechFile,
} from '../../shared/document/file-format';
import { writeFileAtomic } from './atomic-write';
import { errorCode, type FileSystem } from './file-system';
import type { Fingerprint } from './file-watch';
import { KeyedQueue } from './keyed-queue';
import type { RecoveryEntry } from '../../shared/ipc/contract';

/** The `format` of a backup record. */
export const RECOVERY_FORMAT = 'lectern.recovery';
/** How many characters of text a recovery entry previews. */
export const PREVIEW_CHARS = 120;
/** Leftover temporary files of a backup interrupted this long ago are removed when listing. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** Document ids are UUIDs; anything else is refused as a recovery id (no path can be smuggled in). */
const ID = /^[A-Za-z0-9-]{1,100}$/;

/** Whether `id` can name a backup: letters, digits and dashes only. */
export function isRecoveryId(id: string): boolean {
  return ID.test(id);
}

const recordSchema = z.object({
  format: z.literal(RECOVERY_FORMAT),
  version: z.literal(1),
  docId: z.string().regex(ID),
  name: z.string().max(300),
  path: z.string().optional(),
  /** The document's file as it was opened or last saved, so a restore can tell if it changed since. */
  base: z.object({ size: z.number(), mtimeMs: z.number(), sha256: z.string() }).optional(),
  savedAt: z.string(),
  /** The document as `.speech` text, validated by `parseSpeechFile` on read. */
  content: z.string(),
});

/** A backup as main keeps it: the path (if any) never leaves main. */
export interface RecoveryRecord {
  docId: string;
  name: string;
  path?: string;
  /** The fingerprint of the file when the document was opened or last saved (before the crash). */
  base?: Fingerprint;
  savedAt: string;
  file: SpeechFile;
}

/**
 * A backup as the renderer lists it (the contract's type): `preview` is the start of the text,
 * blocks joined by spaces, at most `PREVIEW_CHARS` characters; `hasFile` says whether the
 * document had a file (restore can then compare with it).
 */
export type { RecoveryEntry };

/** What `RecoveryStore` needs: its folder, the file system and, in tests, a clock. */
export interface RecoveryStoreOptions {
  /** `<userData>/recovery`. */
  dir: string;
  fs: FileSystem;
  now?: () => Date;
}

/**
 * The backups of one user-data folder. Operations on one document run one after another, so a
 * backup that arrives just before a save cannot land after the save removed the backup. Backups
 * written or restored by this process belong to documents open now and are not listed as
 * recoverable (a second window starting up must not offer the first window's work).
 */
export class RecoveryStore {
  /** Each document's backup writes and removals, one at a time. */
  private readonly queues = new KeyedQueue();
  private readonly live = new Set<string>();

  constructor(private readonly options: RecoveryStoreOptions) {}

  /** The backup file of a document. */
  fileOf(docId: string): string {
    return path.join(this.options.dir, `${docId}.json`);
  }

  /**
   * Backs up a document: its name, its file's path (if it has one) with the fingerprint of that
   * file as the document was opened or last saved, and its content, stamped now.
   * Replaces the document's previous backup atomically. Throws (`SpeechFileError` for a document
   * that would not open again, `AtomicWriteError` for a failed write); the old backup then stays.
   */
  async backup(record: {
    docId: string;
    name: string;
    path?: string;
    base?: Fingerprint;
    file: SpeechFile;
  }): Promise<{ savedAt: string }> {
    if (!isRecoveryId(record.docId)) throw new Error(`Not a document id: ${JSON.stringify(record.docId)}`);
    // The same check as saving: a backup that would not open again is useless.
    const content = checkedSpeechText(record.file);
    const savedAt = this.now().toISOString();
    const stored: z.infer<typeof recordSchema> = {
      format: RECOVERY_FORMAT,
      version: 1,
      docId: record.docId,
      name: record.name,
      savedAt,
      content,
    };
    if (record.path) stored.path = record.path;
    if (record.path && record.base)
      stored.base = { size: record.base.size, mtimeMs: record.base.mtimeMs, sha256: record.base.sha256 };
    this.live.add(record.docId);
    return this.queues.run(record.docId, async () => {
      await this.options.fs.mkdir(this.options.dir, { recursive: true });
      await writeFileAtomic(this.fileOf(record.docId), JSON.stringify(stored), { fs: this.options.fs });
      return { savedAt };
    });
  }

  /**
   * The backups left by earlier runs (not those of documents open now), newest first. A backup
   * that is unreadable, not valid JSON, not a backup, or holds a document that does not open is
   * skipped (and left on disk); listing never throws.
   */
  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await this.options.fs.readdir(this.options.dir);
    } catch {
      return [];
    }
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        await this.removeStaleTemp(name);
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      if (!isRecoveryId(id) || this.live.has(id)) continue;
      const found = await this.load(id);
      if (!found) continue;
      entries.push({
        recoveryId: id,
        name: found.record.name,
        savedAt: found.record.savedAt,
        preview: found.preview,
        hasFile: Boolean(found.record.path),
      });
    }
    return entries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }

  /** A backup with its document and the path of its file (main only); undefined when there is none or it is damaged. */
  async read(recoveryId: string): Promise<RecoveryRecord | undefined> {
    if (!isRecoveryId(recoveryId)) return undefined;
    return (await this.load(recoveryId))?.record;
  }

  /**
   * Marks a backup as belonging to a document open now (restored under the same id): it is no
   * longer listed, and the document's later backups replace it.
   */
  claim(docId: string): void {
    if (isRecoveryId(docId)) this.live.add(docId);
  }

  /**
   * Gives a document's backup back to recovery without removing it (the window showing the
   * document died, or closed without anyone giving up its unsaved work): it is listed again, so
   * File → 恢复未保存的文稿… in another window can offer it in this same run.
   */
  release(docId: string): void {
    this.live.delete(docId);
  }

  /**
   * Removes a document's backup (saved, or deliberately discarded). Answers whether none is left:
   * false only when one exists and could not be removed (it is then offered again next start).
   */
  async remove(docId: string): Promise<boolean> {
    if (!isRecoveryId(docId)) return true;
    this.live.delete(docId);
    return this.queues.run(docId, async () => {
      try {
        await this.options.fs.unlink(this.fileOf(docId));
        return true;
      } catch (error) {
        return errorCode(error) === 'ENOENT';
      }
    });
  }

  private async load(id: string): Promise<{ record: RecoveryRecord; preview: string } | undefined> {
    const file = this.fileOf(id);
    try {
      // A backup holds one speech plus a little JSON around it (escaping can double it).
      if ((await this.options.fs.stat(file)).size > 2 * MAX_SPEECH_FILE_BYTES) return undefined;
      const json: unknown = JSON.parse((await this.options.fs.readFile(file)).toString('utf8'));
      const stored = recordSchema.safeParse(json);
      if (!stored.success || stored.data.docId !== id || Number.isNaN(Date.parse(stored.data.savedAt)))
        return undefined;
      const parsed = parseSpeechFile(stored.data.content);
      const text = parsed.doc.textBetween(0, parsed.doc.content.size, ' ', ' ').replace(/\s+/g, ' ').trim();
      const record: RecoveryRecord = {
        docId: id,
        name: stored.data.name,
        savedAt: stored.data.savedAt,
        file: parsed.file,
      };
      if (stored.data.path) record.path = stored.data.path;
      if (stored.data.path && stored.data.base) record.base = stored.data.base;
      return { record, preview: [...text].slice(0, PREVIEW_CHARS).join('') };
    } catch {
      // Unreadable, not JSON, or a document that does not open: skipped, never thrown.
      return undefined;
    }
  }

  private async removeStaleTemp(name: string): Promise<void> {
    const file = path.join(this.options.dir, name);
    try {
      const { mtimeMs } = await this.options.fs.stat(file);
      if (this.now().getTime() - mtimeMs > STALE_TEMP_MS) await this.options.fs.unlink(file);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
