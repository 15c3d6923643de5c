import { fileErrorStrings } from '../i18n/file-errors';

/**
 * Why a file or text cannot be imported: each code has its sentence in shared/i18n/file-errors.ts
 * (as `import-<code>`), which the app shows in the UI's language and the command line prints.
 */
export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-docx'
  | 'not-word'
  | 'damaged'
  | 'bad-structure'
  | 'zip-bomb'
  | 'not-text'
  | 'unsupported'
  | 'unreadable';

/**
 * The one error the importer throws: a file or text that cannot be imported, with its code, its
 * Chinese sentence as the message, and the reader's own words (a parser's or zip library's
 * message) as a detail for bug reports, which never goes into the sentence a user reads (issue 21).
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  /**
   * The message is one line, `文件名：sentence` in Chinese (the UI's default language), in the user's
   * words; the reader's own text stays in `detail`.
   *
   * @param code what went wrong, for programs and translations
   * @param detail the reader's own account in English (for logs and bug reports, never the sentence)
   * @param fileName the file's name (never a path), when a file was being read
   */
  constructor(
    readonly code: ImportErrorCode,
    readonly detail: string,
    readonly fileName?: string,
  ) {
    super(`${fileName ? `${fileName}：` : ''}${fileErrorStrings['zh-CN'][`import-${code}`]}`);
  }
}

/** Files (and pasted texts) larger than this are refused before anything is read into a document. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
