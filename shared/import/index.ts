/**
 * Importing text into a speech: cleanup (each step reported with its count) then structure
 * detection. The file formats' readers (DOCX through mammoth, Markdown) turn their files into this
 * plain text first; see cli/import-file.ts.
 */
import { emptySpeechFile, type SpeechFile } from '../document/file-format';
import { cleanUp, type CleanupReport, type CleanupStep } from './cleanup';
import { detectStructure } from './detect';

export interface ImportOptions {
  /** Skip every cleanup step. */
  clean?: boolean;
  /** Force Traditional → Simplified on or off (default: on when the text is mostly Traditional). */
  t2s?: boolean;
  skip?: ReadonlyArray<CleanupStep['id']>;
}

export interface ImportResult {
  file: SpeechFile;
  report: CleanupReport['steps'];
}

/** Markdown to the plain lines detection reads: heading marks, emphasis and escapes removed. */
export function markdownToText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((line) => line.replace(/^#{1,6}\s+/, '').replace(/\*\*(.+?)\*\*/g, '$1').replace(/\\([\\`*_[\]#<>|.+-])/g, '$1'))
    .join('\n');
}

export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const cleaned = options.clean === false ? { text, steps: [] } : cleanUp(text, { ...(options.t2s !== undefined ? { t2s: options.t2s } : {}), ...(options.skip ? { skip: options.skip } : {}) });
  const doc = detectStructure(cleaned.text);
  const title = doc.content?.[0]?.type === 'title' ? (doc.content[0].content?.[0]?.text ?? '') : '';
  return { file: { ...emptySpeechFile(), meta: { ...(title ? { title } : {}), createdAt: new Date().toISOString() }, doc }, report: cleaned.steps };
}
