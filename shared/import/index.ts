/**
 * Importing into a speech: a source (plain text, Markdown or HTML) is read into lines, cleaned
 * (each step reported with its count, each one can be switched off) and then given its structure.
 * File formats are turned into sources by read.ts (Node) or the clipboard (renderer).
 *
 * The importer throws nothing but ImportError, whatever it is given.
 */
import type { ReviewMarks } from './review-marks';
import { emptySpeechFile, type SpeechFile } from '../document/file-format';
import { cleanUp, traditionalShare, type CleanupReport, type CleanupStep } from './cleanup';
import { detectStructure, hintLine, isBrokenTitle, stripHints, type LineHint } from './detect';
import { ImportError, MAX_IMPORT_BYTES } from './errors';
import { htmlToText } from './html';

export { ImportError, MAX_IMPORT_BYTES };

/** What is imported: the text as it came, and how to read it. */
export interface ImportSource {
  kind: 'text' | 'markdown' | 'html';
  content: string;
  /** A DOCX's tracked changes and comments, which the content has accepted and dropped (./review.ts). */
  review?: ReviewMarks;
}

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
  /**
   * The share of the text's Chinese characters that are Traditional forms (0–1): the report offers conversion when
   * high.
   */
  traditional: number;
  /** The source's tracked changes and comments, when it had any: the report says they were not kept. */
  review?: ReviewMarks;
}

/** Markdown to the lines detection reads: ATX headings become hinted lines; emphasis and escapes go. */
export function markdownToText(markdown: string): string {
  return stripHints(markdown)
    .split(/\r\n?|\n/)
    .map((line) => {
      const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
      // A list item's bullet (- 要强化考核。) is Markdown, not text.
      const text = (heading ? heading[2]! : line.replace(/^\s*[-*+]\s+(?=\S)/u, ''))
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/\\([\\`*_[\]#<>|.+-])/g, '$1');
      return heading && text ? hintLine(heading[1]!.length as LineHint, text) : text;
    })
    .join('\n');
}

/** The lines of a source, with the reader's hint markers. */
function linesOf(source: ImportSource): string {
  switch (source.kind) {
    case 'html':
      return htmlToText(source.content);
    case 'markdown':
      return markdownToText(source.content);
    default:
      return stripHints(source.content).replace(/\r\n?/g, '\n');
  }
}

/** A source → a speech file and the cleanup report. */
export function importSource(source: ImportSource, options: ImportOptions = {}): ImportResult {
  if (source.content.length > MAX_IMPORT_BYTES)
    throw new ImportError('too-large', `the text is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  try {
    const lines = linesOf(source);
    const traditional = traditionalShare(lines);
    const cleaned =
      options.clean === false
        ? { text: lines, steps: [] }
        : cleanUp(lines, {
            ...(options.t2s !== undefined ? { t2s: options.t2s } : {}),
            ...(options.skip ? { skip: options.skip } : {}),
          });
    const doc = detectStructure(cleaned.text);
    // A title broken over two lines is one title; a main title's second line and a subtitle are not part of it.
    const titleLine = (index: number) =>
      doc.content?.[index]?.type === 'title' ? (doc.content[index].content?.[0]?.text ?? '') : '';
    const title = isBrokenTitle(titleLine(0), titleLine(1)) ? titleLine(0) + titleLine(1) : titleLine(0);
    const file: SpeechFile = {
      ...emptySpeechFile(),
      meta: { ...(title ? { title } : {}), createdAt: new Date().toISOString() },
      doc,
    };
    return { file, report: cleaned.steps, traditional, ...(source.review ? { review: source.review } : {}) };
  } catch (error) {
    // Nothing above is expected to throw; should a library still do so on some input, the caller
    // gets the importer's own error, never a crash.
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      'unreadable',
      `the text could not be imported (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Plain text → a speech file and the cleanup report. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  return importSource({ kind: 'text', content: text }, options);
}
