/**
 * Documents: which file each open document belongs to (the renderer holds only opaque ids), and
 * opening and saving them. Opening validates the whole file before anything is shown and never
 * writes to it; saving validates the document first, then writes atomically, so an invalid
 * document is never written and a failed save leaves the file on disk as it was.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  MAX_SPEECH_FILE_BYTES,
  SpeechFileError,
  checkedSpeechText,
  emptySpeechFile,
  parseSpeechFile,
  type SpeechFile,
} from '../../shared/document/file-format';
import { salvageSpeechFile } from '../../shared/document/salvage';
import type { Failure, OpenResult, SaveResult } from '../../shared/ipc/contract';
import { AtomicWriteError, writeFileAtomic } from './atomic-write';
import { errorCode, type FileSystem } from './file-system';
import { FileWatch, fingerprintOf, sha256, type ExternalState, type Fingerprint } from './file-watch';
import { KeyedQueue } from './keyed-queue';
import type { RecentFiles } from './recent';
import type { Dialogs, FileFilter } from './types';

/** The file-type filter of the open and save dialogs. */
export const SPEECH_FILTERS: FileFilter[] = [{ name: '讲稿文件 (*.speech)', extensions: ['speech'] }];
/** The name of a document that has no file yet (the renderer shows its own translation). */
export const UNTITLED = '未命名';
/** The file name the Save dialog suggests for an untitled document without a title. */
export const UNTITLED_FILE = '未命名讲稿.speech';

/**
 * Turns an errno code into the failure codes the renderer translates (renderer/i18n:
 * error.code.*): `disk-full`, `read-only`, `permission-denied`, `locked`, `not-found`, else `io`.
 */
export function failureCode(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EROFS':
      return 'read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'locked';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not-found';
    default:
      return 'io';
  }
}

const DETAILS: Record<string, string> = {
  'disk-full': 'There is not enough space on the disk',
  'read-only': 'The file or its folder is read-only',
  'permission-denied': 'Permission to use the file was denied (or another program, such as an antivirus, kept it open)',
  locked: 'Another program is using the file',
  'not-found': 'The file or its folder does not exist',
  io: 'The file system reported an error',
};

/**
 * The English detail of a file-system failure, for the "details" line under the translated
 * message. It names the errno code but never the path: the renderer is never given paths
 * (DESIGN.md, decision 5), and the dialog already names the file.
 */
export function failureDetail(errno: string | undefined, action: 'reading' | 'saving'): string {
  const what = DETAILS[failureCode(errno)] ?? DETAILS.io;
  const tail = action === 'saving' ? ' The file on disk was not changed.' : '';
  return `${what} (${errno ?? 'unknown error'}) while ${action}.${tail}`;
}

interface OpenDocument {
  path?: string;
  name: string;
}

/** What the document service needs: the file system, the host's dialogs, the recent list, a clock. */
export interface DocumentServiceOptions {
  fs: FileSystem;
  dialogs: Dialogs;
  recent: RecentFiles;
  /** The time saves stamp as `meta.modifiedAt`; tests fix it. */
  now?: () => Date;
  /** What is remembered of each document's file, for external changes; one over `fs` by default. */
  watch?: FileWatch;
}

/** Options of a save. */
export interface SaveOptions {
  /** Save even though the file changed on disk since it was opened or last saved (the user chose "keep mine"). */
  force?: boolean;
  /** Given a version of the file someone else wrote (see `KeepTheirs`) before a forced save overwrites it. */
  keepTheirs?: KeepTheirs;
}

/**
 * Keeps a version of a document's file that differs from the one the app last opened, saved or
 * reloaded (someone else's), before it becomes the base or is overwritten: the handlers store it
 * as a snapshot, so it can be restored from History. Its failure never fails the reload or save.
 */
export type KeepTheirs = (filePath: string, theirs: SpeechFile) => Promise<unknown>;

/**
 * The open documents of the app, by opaque id, and their files. Opening never writes to the file
 * it reads; saving validates the document, then writes it atomically; every failure is answered
 * as `{ status: 'failed', error: { code, message, fileName } }`, never thrown.
 *
 * Saves, reloads and external checks of one document run one after another (a queue per
 * document id): a check that arrives while a save is between its rename and remembering what it
 * wrote waits for it, so the app never reports its own save as someone else's change, and a
 * second save (Ctrl+S during an autosave) is checked against the first one's file, not the
 * file before it. The save dialog is shown outside the queue.
 */
export class DocumentService {
  private readonly documents = new Map<string, OpenDocument>();
  /** The window showing each document, as last told by the renderer (setDocumentState). */
  private readonly windows = new Map<string, number>();
  /** Each document's saves, reloads and checks, one at a time. */
  private readonly queues = new KeyedQueue();
  /** The fingerprints of the documents' files as opened or last saved. */
  readonly watch: FileWatch;

  constructor(private readonly options: DocumentServiceOptions) {
    this.watch = options.watch ?? new FileWatch({ fs: options.fs });
  }

  /** The path behind a document id (for main's own use: never sent to the renderer). */
  pathOf(docId: string): string | undefined {
    return this.documents.get(docId)?.path;
  }

  /** Registers a new untitled document (no file until its first save) and answers its content. */
  newDocument(): { docId: string; name: string; file: SpeechFile } {
    const docId = randomUUID();
    this.documents.set(docId, { name: UNTITLED });
    return { docId, name: UNTITLED, file: emptySpeechFile(this.now()) };
  }

  /** Shows the open dialog (讲稿文件 *.speech) and opens the chosen file; cancel answers `canceled`. */
  async open(windowId: number): Promise<OpenResult> {
    const chosen = await this.options.dialogs.showOpen(windowId, { title: '打开讲稿', filters: SPEECH_FILTERS });
    return chosen ? this.openPath(chosen) : { status: 'canceled' };
  }

  /** Opens a file from the recent list; a file that is gone leaves the list. */
  async openRecent(recentId: string): Promise<OpenResult> {
    const file = await this.options.recent.resolve(recentId);
    if (!file)
      return { status: 'failed', error: { code: 'not-found', message: 'That file is no longer on the recent list.' } };
    const result = await this.openPath(file);
    if (result.status === 'failed' && result.error.code === 'not-found') await this.options.recent.remove(file);
    return result;
  }

  /**
   * Reads, validates and registers a file, and puts it first on the recent list. Never writes to
   * it: a file that fails validation stays byte-identical. A file over the size limit is refused
   * from its size alone, before any of it is read. Opening a file that is already open answers
   * the same document id.
   *
   * A damaged file (not JSON, cut short, invalid content, a newer version) whose blocks can be
   * partly read answers `salvaged`: what could be read, as a new untitled document (so saving it
   * never overwrites the damaged file), with the failure and counts of what was kept and lost.
   */
  async openPath(file: string): Promise<OpenResult> {
    const fileName = path.basename(file);
    const read = await this.readBytes(file);
    if (!read.ok) return { status: 'failed', error: read.error };
    const { bytes, mtimeMs } = read;
    const text = bytes.toString('utf8');
    let parsed;
    try {
      parsed = parseSpeechFile(text);
    } catch (error) {
      const failure: Failure =
        error instanceof SpeechFileError
          ? { code: error.code, message: error.message, fileName }
          : { code: 'unknown', message: (error as Error).message, fileName };
      const salvage = failure.code === 'too-large' ? undefined : salvageSpeechFile(text);
      if (!salvage) return { status: 'failed', error: failure };
      const docId = randomUUID();
      this.documents.set(docId, { name: UNTITLED });
      return { status: 'salvaged', docId, name: UNTITLED, file: salvage.file, report: salvage.report, error: failure };
    }
    const existing = [...this.documents].find(([, doc]) => doc.path === file)?.[0];
    const docId = existing ?? randomUUID();
    this.documents.set(docId, { path: file, name: fileName });
    this.watch.remember(docId, file, fingerprintOf(bytes, mtimeMs));
    await this.options.recent.add(file).catch(() => undefined);
    return { status: 'opened', docId, name: fileName, file: parsed.file };
  }

  /**
   * Whether the document's file changed on disk since it was opened or last saved (or reloaded):
   * `unchanged`, `changed`, `deleted`, or `untitled` for a document with no file. A quick check
   * (size and mtime, hashing only when they differ): cheap enough to poll.
   */
  async checkExternal(docId: string): Promise<ExternalState | 'untitled' | 'unknown'> {
    return this.queues.run(docId, async () => {
      if (!this.documents.has(docId)) return 'unknown';
      return (await this.watch.check(docId)) ?? 'untitled';
    });
  }

  /**
   * Reads the document's file as it is on disk now ("take theirs", or the other side of a
   * compare) and makes it the version later saves are checked against. Answers like opening;
   * the document keeps its id. A file that is gone or broken answers `failed` and leaves what
   * was remembered as it was, so a later save still reports the conflict.
   */
  async reload(docId: string, options: { keepTheirs?: KeepTheirs } = {}): Promise<OpenResult> {
    return this.queues.run(docId, () => this.reloadNow(docId, options.keepTheirs));
  }

  private async reloadNow(docId: string, keepTheirs?: KeepTheirs): Promise<OpenResult> {
    const doc = this.documents.get(docId);
    if (!doc) return { status: 'failed', error: { code: 'unknown', message: `Unknown document ${docId}.` } };
    if (!doc.path)
      return { status: 'failed', error: { code: 'untitled', message: 'The document has no file to reload.' } };
    const read = await this.readBytes(doc.path);
    if (!read.ok) return { status: 'failed', error: read.error };
    const parsed = parseOrFailure(read.bytes, path.basename(doc.path));
    if (!parsed.ok) return { status: 'failed', error: parsed.error };
    // Someone else's version, about to become the base a later "keep mine" save overwrites: kept first.
    if (keepTheirs && this.watch.fingerprint(docId)?.sha256 !== sha256(read.bytes))
      await keepTheirs(doc.path, parsed.file).catch(() => undefined);
    this.watch.remember(docId, doc.path, fingerprintOf(read.bytes, read.mtimeMs));
    return { status: 'opened', docId, name: doc.name, file: parsed.file };
  }

  /**
   * Reads and validates a file without opening it as a document or remembering anything (the
   * file side of comparing a recovered backup). Never writes to it.
   */
  async peek(file: string): Promise<{ status: 'read'; file: SpeechFile } | { status: 'failed'; error: Failure }> {
    const read = await this.readBytes(file);
    if (!read.ok) return { status: 'failed', error: read.error };
    const parsed = parseOrFailure(read.bytes, path.basename(file));
    return parsed.ok ? { status: 'read', file: parsed.file } : { status: 'failed', error: parsed.error };
  }

  /** A file's bytes and mtime; refused from its size alone when over the limit. Never writes. */
  private async readBytes(
    file: string,
  ): Promise<{ ok: true; bytes: Buffer; mtimeMs: number } | { ok: false; error: Failure }> {
    const fileName = path.basename(file);
    try {
      const stats = await this.options.fs.stat(file);
      if (stats.size > MAX_SPEECH_FILE_BYTES)
        return {
          ok: false,
          error: {
            code: 'too-large',
            message: `The file is ${stats.size} bytes; a speech file is never over ${MAX_SPEECH_FILE_BYTES}.`,
            fileName,
          },
        };
      return { ok: true, bytes: await this.options.fs.readFile(file), mtimeMs: stats.mtimeMs };
    } catch (error) {
      const errno = errorCode(error);
      return { ok: false, error: { code: failureCode(errno), message: failureDetail(errno, 'reading'), fileName } };
    }
  }

  /**
   * Registers a document under a given id (a restored backup keeps its id, so its backup is the
   * one later backups replace and a save removes). With a path, later saves are checked against
   * `base` (the file as the document was opened or last saved before the crash: if someone changed
   * it since, the first save answers `conflict`), or without one against the file as it is now.
   * Answers the name the document is shown by.
   */
  async adopt(docId: string, options: { path?: string; name: string; base?: Fingerprint }): Promise<string> {
    const name = options.path ? path.basename(options.path) : options.name || UNTITLED;
    this.documents.set(docId, options.path ? { path: options.path, name } : { name });
    this.watch.forget(docId);
    if (options.path && options.base) this.watch.remember(docId, options.path, options.base);
    else if (options.path) await this.watch.rememberFromDisk(docId, options.path);
    return name;
  }

  /** The name a document is shown by (its file's name, or 未命名); undefined for an unknown id. */
  nameOf(docId: string): string | undefined {
    return this.documents.get(docId)?.name;
  }

  /** Whether a document id is one this service knows. */
  has(docId: string): boolean {
    return this.documents.has(docId);
  }

  /**
   * Saves to the document's file; an untitled document asks where first (as `saveAs`). Unless
   * `force`, the file is checked first (size, mtime and SHA-256): if it changed on disk since it
   * was opened, saved or reloaded, nothing is written and the answer is `conflict`, so nobody's
   * edits are overwritten unknowingly. A file deleted meanwhile is written again.
   */
  async save(windowId: number, docId: string, file: SpeechFile, options: SaveOptions = {}): Promise<SaveResult> {
    const doc = this.documents.get(docId);
    if (!doc) return { status: 'failed', error: { code: 'unknown', message: `Unknown document ${docId}.` } };
    if (!doc.path) return this.saveAs(windowId, docId, file);
    return this.queues.run(docId, async () => {
      // Read again after waiting: an earlier save in the queue may have moved it (Save As) or it was closed.
      const now = this.documents.get(docId);
      if (!now?.path) return { status: 'failed', error: { code: 'unknown', message: `Unknown document ${docId}.` } };
      if (!options.force && (await this.watch.check(docId, { deep: true })) === 'changed')
        return { status: 'conflict', docId, name: now.name };
      if (options.force && options.keepTheirs) await this.keepIfTheirs(docId, now.path, options.keepTheirs);
      return this.write(docId, now.path, file);
    });
  }

  /**
   * Asks where (suggesting the file's own name, else the title, else 未命名讲稿.speech), adds
   * `.speech` when the user typed no extension, then saves there; the document belongs to that
   * file from then on. A failed save leaves the document with its old file.
   */
  async saveAs(windowId: number, docId: string, file: SpeechFile): Promise<SaveResult> {
    const doc = this.documents.get(docId);
    if (!doc) return { status: 'failed', error: { code: 'unknown', message: `Unknown document ${docId}.` } };
    const title = sanitizeName(file.meta.title);
    const suggested = doc.path ? path.basename(doc.path) : title ? `${title}.speech` : UNTITLED_FILE;
    const chosen = await this.options.dialogs.showSave(windowId, {
      title: '保存讲稿',
      defaultName: suggested,
      filters: SPEECH_FILTERS,
    });
    if (!chosen) return { status: 'canceled' };
    const target = path.extname(chosen).toLowerCase() === '.speech' ? chosen : `${chosen}.speech`;
    return this.queues.run(docId, async () => {
      if (!this.documents.has(docId))
        return { status: 'failed', error: { code: 'unknown', message: `Unknown document ${docId}.` } };
      return this.write(docId, target, file);
    });
  }

  /**
   * Before a forced save: the file as it is on disk, when it reads, validates and differs from
   * what was last opened, saved or reloaded, is given to `keepTheirs`. Never fails the save.
   */
  private async keepIfTheirs(docId: string, file: string, keepTheirs: KeepTheirs): Promise<void> {
    const read = await this.readBytes(file);
    if (!read.ok || this.watch.fingerprint(docId)?.sha256 === sha256(read.bytes)) return;
    const parsed = parseOrFailure(read.bytes, path.basename(file));
    if (parsed.ok) await keepTheirs(file, parsed.file).catch(() => undefined);
  }

  /** Forgets a document the renderer no longer shows; its file is not touched. */
  close(docId: string): void {
    this.documents.delete(docId);
    this.windows.delete(docId);
    this.watch.forget(docId);
  }

  /** Records which window shows a document (known documents only). */
  attach(docId: string, windowId: number): void {
    if (this.documents.has(docId)) this.windows.set(docId, windowId);
  }

  /** The documents a window shows, as recorded by `attach`. */
  documentsOf(windowId: number): string[] {
    return [...this.windows].filter(([, id]) => id === windowId).map(([docId]) => docId);
  }

  private async write(docId: string, target: string, file: SpeechFile): Promise<SaveResult> {
    const fileName = path.basename(target);
    const stamped: SpeechFile = { ...file, meta: { ...file.meta, modifiedAt: this.now().toISOString() } };
    let text: string;
    try {
      // The same check as opening: a document that would not open is never written.
      text = checkedSpeechText(stamped);
    } catch (error) {
      return {
        status: 'failed',
        error: {
          code: error instanceof SpeechFileError ? error.code : 'unknown',
          message: (error as Error).message,
          fileName,
        },
      };
    }
    try {
      await writeFileAtomic(target, text, { fs: this.options.fs });
    } catch (error) {
      const errno = error instanceof AtomicWriteError ? error.code : errorCode(error);
      return {
        status: 'failed',
        error: { code: failureCode(errno), message: failureDetail(errno, 'saving'), fileName },
      };
    }
    // What is on disk now is ours: later saves are checked against it. Without an mtime (stat
    // failed) the next quick check hashes.
    const mtimeMs = await this.options.fs.stat(target).then(
      (stats) => stats.mtimeMs,
      () => -1,
    );
    this.watch.remember(docId, target, fingerprintOf(text, mtimeMs));
    this.documents.set(docId, { path: target, name: fileName });
    await this.options.recent.add(target).catch(() => undefined);
    return { status: 'saved', docId, name: fileName };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** Parses a file's bytes as a speech; a failure names the code, the problem and the file. */
function parseOrFailure(
  bytes: Buffer,
  fileName: string,
): { ok: true; file: SpeechFile } | { ok: false; error: Failure } {
  try {
    return { ok: true, file: parseSpeechFile(bytes.toString('utf8')).file };
  } catch (error) {
    const code = error instanceof SpeechFileError ? error.code : 'unknown';
    return { ok: false, error: { code, message: (error as Error).message, fileName } };
  }
}

/**
 * A title made safe as a file name on every platform: no backslash, / : * ? " < > | or control
 * characters, no leading or trailing dots and spaces (Windows drops them), at most 80 characters.
 * Empty when nothing is left.
 */
export function sanitizeName(title: string | undefined): string {
  return (
    (title ?? '')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go.
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
      .slice(0, 80)
      .replace(/^[\s.]+|[\s.]+$/g, '')
  );
}
