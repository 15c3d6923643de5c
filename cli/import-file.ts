/**
 * Reads a file a speechwriter starts from — .speech, .docx, .txt, .md or .html — as a speech.
 * A file that cannot be imported (empty, over 50 MB, not a zip, damaged, a zip bomb, binary) is
 * refused with an ImportError naming the file, one that is no speech with a SpeechFileError, one
 * that cannot be read at all with the file system's error; nothing is written.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseSpeechFile, type SpeechFile } from '../shared/document/file-format';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  importSource,
  type ImportOptions,
  type ImportResult,
} from '../shared/import/index';
import { readImportBytes } from '../shared/import/read';

export { ImportError };

/** Reads FILE as a speech: a .speech file as it is, anything else imported. */
export async function readSpeechOrImport(
  file: string,
  options: ImportOptions = {},
): Promise<{ file: SpeechFile; report?: ImportResult['report']; review?: ImportResult['review'] }> {
  const name = path.basename(file);
  // A missing file, a folder or no permission is the file system's error: refusalLine names it.
  const { size } = await stat(file);
  // Refused before reading, so a huge file is never loaded.
  if (size > MAX_IMPORT_BYTES)
    throw new ImportError('too-large', `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, name);
  const bytes = await readFile(file);
  if (path.extname(file).toLowerCase() === '.speech') return { file: parseSpeechFile(bytes.toString('utf8')).file };
  const result = importSource(await readImportBytes(bytes, name), options);
  return { file: result.file, report: result.report, ...(result.review ? { review: result.review } : {}) };
}
