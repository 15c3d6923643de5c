/**
 * Reads a file a speechwriter starts from — .speech, .txt, .md or .docx — as a speech. Files over
 * 50 MB, and DOCX files that are not valid zips or unpack to more than 200 MB, are refused with a
 * message naming the file; nothing is written.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseSpeechFile, type SpeechFile } from '../shared/document/file-format';
import { importText, markdownToText, type ImportOptions, type ImportResult } from '../shared/import/index';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** A file that cannot be imported, with the reason. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

async function docxText(bytes: Buffer, name: string): Promise<string> {
  const JSZip = (await import('jszip')).default;
  let zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportError(`${name}: 不是有效的 DOCX 文件 (not a valid DOCX: not a zip)`);
  }
  // A zip bomb is refused before anything is unpacked, by the sizes the archive's central
  // directory declares (JSZip keeps them on each entry's _data; it has no public accessor).
  let unpacked = 0;
  zip.forEach((_p, entry) => {
    unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  if (unpacked > MAX_UNPACKED_BYTES) throw new ImportError(`${name}: 解压后过大 (unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB)`);
  if (!zip.file('word/document.xml')) throw new ImportError(`${name}: 不是 Word 文档 (no word/document.xml)`);
  const mammoth = await import('mammoth');
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value;
}

/** Reads FILE as a speech: a .speech file as it is, anything else imported. */
export async function readSpeechOrImport(file: string, options: ImportOptions = {}): Promise<{ file: SpeechFile; report?: ImportResult['report'] }> {
  const name = path.basename(file);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ImportError(`${file}: 文件不存在 (no such file)`);
  }
  if (size > MAX_IMPORT_BYTES) throw new ImportError(`${name}: 文件过大 (larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`);
  if (size === 0) throw new ImportError(`${name}: 文件是空的 (empty file)`);
  const bytes = await readFile(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.speech') return { file: parseSpeechFile(bytes.toString('utf8')).file };
  let text: string;
  if (ext === '.docx') text = await docxText(bytes, name);
  else if (ext === '.txt' || ext === '.md' || ext === '.markdown') {
    text = bytes.toString('utf8');
    if (text.includes('\u0000') || text.includes('\ufffd')) throw new ImportError(`${name}: 不是 UTF-8 文本 (not UTF-8 text)`);
    if (ext !== '.txt') text = markdownToText(text);
  } else {
    throw new ImportError(`${name}: 不支持的文件类型 (import reads .speech, .txt, .md and .docx)`);
  }
  const result = importText(text, options);
  return { file: result.file, report: result.report };
}
