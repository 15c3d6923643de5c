/**
 * The one error the importer throws: a file or text that cannot be imported, with a code the
 * renderer translates (renderer/i18n: import.error.*) and an English detail for the CLI and logs.
 */
export type ImportErrorCode = 'too-large' | 'empty' | 'not-docx' | 'not-word' | 'zip-bomb' | 'not-text' | 'unsupported' | 'unreadable';

/** What each code means, in the words the CLI prints (the app translates the code itself). */
const SAYS: Record<ImportErrorCode, string> = {
  'too-large': '文件过大',
  empty: '文件是空的',
  'not-docx': '不是有效的 DOCX 文件',
  'not-word': '不是可读的 Word 文档',
  'zip-bomb': '解压后过大',
  'not-text': '不是文本文件',
  unsupported: '不支持的文件类型',
  unreadable: '无法读取',
};

export class ImportError extends Error {
  override readonly name = 'ImportError';
  /**
   * @param code what went wrong, for programs and translations
   * @param detail the English detail
   * @param fileName the file's name (never a path), when a file was being read
   */
  constructor(
    readonly code: ImportErrorCode,
    readonly detail: string,
    readonly fileName?: string,
  ) {
    super(`${fileName ? `${fileName}: ` : ''}${SAYS[code]} (${detail})`);
  }
}

/** Files (and pasted texts) larger than this are refused before anything is read into a document. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
