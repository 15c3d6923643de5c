/**
 * How the command line says what went wrong: one line naming the file and the problem in the
 * user's words and the app's UI language, the same sentences the app's failure dialog shows. What a
 * parser or library said is a detail, printed only when LECTERN_DEBUG is set (issue 21); an error
 * nobody foresaw is one line too, never a stack trace.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { SpeechFileError } from '../shared/document/file-format';
import { fileErrorStrings, isFileErrorKey } from '../shared/i18n/file-errors';
import { ImportError } from '../shared/import/errors';
import { LibraryEntryError } from '../shared/library/entry';
import { resources } from '../renderer/i18n/resources';
import { AtomicWriteError } from '../electron/services/atomic-write';
import { failureCode } from '../electron/services/documents';
import { errorCode } from '../electron/services/file-system';
import { LibraryError } from '../electron/services/library';
import { readSettings } from '../electron/services/settings';
import { cliString, type CliLanguage } from './strings';

/**
 * The language the command line speaks: the UI language the user chose in the app (its
 * settings.json in `userData`), else Chinese, the app's default. Never fails.
 */
export async function cliLanguage(userData: string): Promise<CliLanguage> {
  try {
    return readSettings((await readFile(path.join(userData, 'settings.json'))).toString('utf8')).language;
  } catch {
    return 'zh-CN';
  }
}

/**
 * The app's sentence for a failure code in `language`: a library code first when `library` is set,
 * then the file errors, then file-system ones; undefined for a code the app has no words for.
 */
export function sentence(language: CliLanguage, code: string, library = false): string | undefined {
  const strings = resources[language].translation;
  const libraryCodes = strings.library.code as Record<string, string>;
  if (library && Object.hasOwn(libraryCodes, code)) return libraryCodes[code];
  if (isFileErrorKey(code)) return fileErrorStrings[language][code];
  const codes = strings.error.code as Record<string, string>;
  return Object.hasOwn(codes, code) ? codes[code] : undefined;
}

/** The reader's or library's own account of `error`, for LECTERN_DEBUG and bug reports. */
export function refusalDetail(error: unknown): string {
  if (error instanceof ImportError) return error.detail;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/**
 * One line (without the `lectern: ` prefix) saying what is wrong, for anything a command threw.
 * `file` is the file being read, or the target being written for a write failure; it names the
 * file when the error itself does not.
 */
export function refusalLine(error: unknown, language: CliLanguage, file?: string): string {
  const name = file ? path.basename(file) : '';
  const refusal = (fileName: string, problem: string) =>
    fileName ? cliString(language, 'refusal', { file: fileName, problem }) : problem;
  if (error instanceof ImportError) return refusal(error.fileName ?? name, sentence(language, `import-${error.code}`)!);
  if (error instanceof SpeechFileError) return refusal(name, sentence(language, error.code)!);
  if (error instanceof LibraryEntryError || error instanceof LibraryError) {
    const problem = sentence(language, error.code, true);
    if (problem) return refusal(name, problem);
  }
  if (error instanceof AtomicWriteError) {
    const failure = failureCode(error.code);
    const problem = failure === 'not-found' ? cliString(language, 'folderMissing') : sentence(language, failure)!;
    return cliString(language, 'writeFailed', { target: file ?? '', problem });
  }
  // A file that could not be read (missing, a folder, no permission): the app's own words for it.
  const errno = errorCode(error);
  if (errno && /^E[A-Z]+$/.test(errno)) return refusal(name, sentence(language, failureCode(errno))!);
  return cliString(language, 'unexpected', { name: error instanceof Error ? error.name : typeof error });
}
