/**
 * One speech → one file's bytes, for every export format: the main process's export service and
 * the command line both call `exportBytes`, so a format means the same bytes wherever it is made.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import type { SpeechMeta } from '../document/file-format';
import type { ExportFormat } from '../ipc/contract';
import { exportDocx, type DocxMeta } from './docx';
import { printHtml, type PdfFaces } from './print-html';
import type { ExportProfile } from './profiles';
import { exportMarkdown, exportText } from './text';

/** Where the bytes of a PDF come from: Chromium printing the print HTML (Electron's window, or a headless one). */
export type RenderPdf = (html: string) => Promise<Uint8Array>;

/** The speech's title, speaker and date as the exporters take them: only those the speech has. */
export function exportMeta(meta: SpeechMeta): DocxMeta {
  return {
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.speaker ? { speaker: meta.speaker } : {}),
    ...(meta.date ? { date: meta.date } : {}),
  };
}

/**
 * The bytes of `doc` exported as `format` in `profile`: DOCX bytes, PDF bytes from `renderPdf`
 * (printing the print HTML, titled by `meta.title`), or Markdown or plain text as a string. What
 * the exporters or `renderPdf` throw is thrown as it is, for the caller to word. A PDF sets each face first in
 * `pdfFaces`'s family (the TrueType one of its chain where the machine's first is CFF).
 */
export async function exportBytes(
  doc: PMNode,
  format: ExportFormat,
  profile: ExportProfile,
  { meta, renderPdf, pdfFaces = {} }: { meta: DocxMeta; renderPdf: RenderPdf; pdfFaces?: PdfFaces },
): Promise<Uint8Array | string> {
  switch (format) {
    case 'docx':
      return exportDocx(doc, profile, meta);
    case 'pdf':
      return renderPdf(printHtml(doc, profile, meta.title ?? '', pdfFaces));
    case 'md':
      return exportMarkdown(doc);
    case 'txt':
      return exportText(doc);
  }
}
