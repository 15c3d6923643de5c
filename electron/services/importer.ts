/**
 * File → Import and files dropped on the window: the chosen file is read here (the renderer never
 * sees its path) and turned into a source — plain text, Markdown or HTML (DOCX through mammoth) —
 * that the renderer imports with the cleanup the user chooses in the import report. Nothing is
 * ever written, and the file is only read: a file that cannot be imported answers `failed` with a
 * code the renderer translates.
 */
import path from 'node:path';
import { ImportError, MAX_IMPORT_BYTES } from '../../shared/import/errors';
import { IMPORT_EXTENSIONS, readImportBytes } from '../../shared/import/read';
import type { ImportReader } from './import-reader';
import type { ImportFileResult } from '../../shared/ipc/contract';
import { failureCode, failureDetail } from './documents';
import { errorCode, type FileSystem } from './file-system';
import type { Dialogs, FileFilter } from './types';

/** The file-type filter of the import dialog. */
export const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Word、文本、Markdown、网页 (*.docx, *.txt, *.md, *.html)', extensions: [...IMPORT_EXTENSIONS] },
];

function failed(error: unknown, fileName: string): ImportFileResult {
  if (error instanceof ImportError)
    return { status: 'failed', error: { code: `import-${error.code}`, message: error.detail, fileName } };
  const errno = errorCode(error);
  return { status: 'failed', error: { code: failureCode(errno), message: failureDetail(errno, 'reading'), fileName } };
}

export class ImportService {
  private readonly read: ImportReader;

  /** `read` turns bytes into a source: a worker in the app (import-reader.ts), in-thread by default. */
  constructor(private readonly options: { fs: FileSystem; dialogs: Dialogs; read?: ImportReader }) {
    this.read = options.read ?? readImportBytes;
  }

  /** Shows the import dialog and reads the chosen file. */
  async pick(windowId: number): Promise<ImportFileResult> {
    const file = await this.options.dialogs.showOpen(windowId, { title: '导入', filters: IMPORT_FILTERS });
    if (!file) return { status: 'canceled' };
    return this.readPath(file);
  }

  /** Reads a file from disk as an import source; the size is checked before anything is read. */
  async readPath(file: string): Promise<ImportFileResult> {
    const name = path.basename(file);
    try {
      const { size } = await this.options.fs.stat(file);
      if (size > MAX_IMPORT_BYTES)
        throw new ImportError('too-large', `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, name);
      const source = await this.read(await this.options.fs.readFile(file), name);
      return { status: 'read', name, ...source };
    } catch (error) {
      return failed(error, name);
    }
  }

  /** Reads a file the user dropped on the window, whose bytes the renderer sent (base64). */
  async readDropped(name: string, base64: string): Promise<ImportFileResult> {
    const fileName = path.basename(name.replace(/\\/g, '/'));
    try {
      if (base64.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4)
        throw new ImportError('too-large', `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, fileName);
      const source = await this.read(Buffer.from(base64, 'base64'), fileName);
      return { status: 'read', name: fileName, ...source };
    } catch (error) {
      return failed(error, fileName);
    }
  }
}
