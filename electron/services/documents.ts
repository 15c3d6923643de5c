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
  emptySpeechFile,
  parseSpeechFile,
  serializeSpeechFile,
  type SpeechFile,
} from '../../shared/document/file-format';
import type { Failure, OpenResult, SaveResult } from '../../shared/ipc/contract';
import { AtomicWriteError, writeFileAtomic } from './atomic-write';
import { errorCode, type FileSystem } from './file-system';
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
}

/**
 * The open documents of the app, by opaque id, and their files. Opening never writes to the file
 * it reads; saving validates the document, then writes it atomically; every failure is answered
 * as `{ status: 'failed', error: { code, message, fileName } }`, never thrown.
 */
export class DocumentService {
  private readonly documents = new Map<string, OpenDocument>();

  constructor(private readonly options: DocumentServiceOptions) {}

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
    if (!file) return { status: 'failed', error: { code: 'not-found', message: 'That file is no longer on the recent list.' } };
    const result = await this.openPath(file);
    if (result.status === 'failed' && result.error.code === 'not-found') await this.options.recent.remove(file);
    return result;
  }

  /**
   * Reads, validates and registers a file, and puts it first on the recent list. Never writes to
   * it: a file that fails validation stays byte-identical. A file over the size limit is refused
   * from its size alone, before any of it is read. Opening a file that is already open answers
   * the same document id.
   */
  async openPath(file: string): Promise<OpenResult> {
    const fileName = path.basename(file);
    const fail = (error: Failure): OpenResult => ({ status: 'failed', error: { ...error, fileName } });
    let text: string;
    try {
      const { size } = await this.options.fs.stat(file);
      if (size > MAX_SPEECH_FILE_BYTES) return fail({ code: 'too-large', message: `The file is ${size} bytes; a speech file is never over ${MAX_SPEECH_FILE_BYTES}.` });
      text = (await this.options.fs.readFile(file)).toString('utf8');
    } catch (error) {
      const errno = errorCode(error);
      return fail({ code: failureCode(errno), message: failureDetail(errno, 'reading') });
    }
    let parsed;
    try {
      parsed = parseSpeechFile(text);
    } catch (error) {
      if (error instanceof SpeechFileError) return fail({ code: error.code, message: error.message });
      return fail({ code: 'unknown', message: (error as Error).message });
    }
    const existing = [...this.documents].find(([, doc]) => doc.path === file)?.[0];
    const docId = existing ?? randomUUID();
    this.documents.set(docId, { path: file, name: fileName });
    await this.options.recent.add(file).catch(() => undefined);
    return { status: 'opened', docId, name: fileName, file: parsed.file };
  }

  /** Saves to the document's file; an untitled document asks where first (as `saveAs`). */
  async save(windowId: number, docId: string, file: SpeechFile): Promise<SaveResult> {
    const doc = this.documents.get(docId);
    if (!doc) return { status: 'failed', error: { code: 'unknown', message: `Unknown document ${docId}.` } };
    if (!doc.path) return this.saveAs(windowId, docId, file);
    return this.write(docId, doc.path, file);
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
    const chosen = await this.options.dialogs.showSave(windowId, { title: '保存讲稿', defaultName: suggested, filters: SPEECH_FILTERS });
    if (!chosen) return { status: 'canceled' };
    const target = path.extname(chosen).toLowerCase() === '.speech' ? chosen : `${chosen}.speech`;
    return this.write(docId, target, file);
  }

  /** Forgets a document the renderer no longer shows; its file is not touched. */
  close(docId: string): void {
    this.documents.delete(docId);
  }

  private async write(docId: string, target: string, file: SpeechFile): Promise<SaveResult> {
    const fileName = path.basename(target);
    const stamped: SpeechFile = { ...file, meta: { ...file.meta, modifiedAt: this.now().toISOString() } };
    let text: string;
    try {
      // The same check as opening: a document that would not open is never written.
      text = serializeSpeechFile(parseSpeechFile(serializeSpeechFile(stamped)).file);
    } catch (error) {
      return { status: 'failed', error: { code: error instanceof SpeechFileError ? error.code : 'unknown', message: (error as Error).message, fileName } };
    }
    try {
      await writeFileAtomic(target, text, { fs: this.options.fs });
    } catch (error) {
      const errno = error instanceof AtomicWriteError ? error.code : errorCode(error);
      return { status: 'failed', error: { code: failureCode(errno), message: failureDetail(errno, 'saving'), fileName } };
    }
    this.documents.set(docId, { path: target, name: fileName });
    await this.options.recent.add(target).catch(() => undefined);
    return { status: 'saved', docId, name: fileName };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/**
 * A title made safe as a file name on every platform: no backslash, / : * ? " < > | or control
 * characters, no leading or trailing dots and spaces (Windows drops them), at most 80 characters.
 * Empty when nothing is left.
 */
export function sanitizeName(title: string | undefined): string {
  return (title ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go.
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .slice(0, 80)
    .replace(/^[\s.]+|[\s.]+$/g, '');
}
