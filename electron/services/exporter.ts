/**
 * Exporting: asks where, builds the bytes with shared/export (DOCX, print HTML → PDF, Markdown,
 * text) and writes them atomically. PDF printing is the host's: Electron prints in a hidden
 * window, the web host and the CLI through Chromium. Placeholders are the renderer's to show
 * before it asks; exporting is never blocked by them.
 */
import path from 'node:path';
import { SpeechFileError, reopenSpeechFile, type SpeechFile } from '../../shared/document/file-format';
import { exportBytes, exportMeta, type RenderPdf } from '../../shared/export/bytes';
import { printHtml, type PdfFaces } from '../../shared/export/print-html';
import {
  PROFILES,
  adjustProfile,
  type ExportProfile,
  type ProfileAdjustment,
  type ProfileId,
} from '../../shared/export/profiles';
import type { ExportFormat, ExportResult } from '../../shared/ipc/contract';
import { AtomicWriteError, writeFileAtomic } from './atomic-write';
import { failureCode, sanitizeName, type DocumentService } from './documents';
import { errorCode, type FileSystem } from './file-system';
import { pdfFaces, type FontProbe } from './fonts';
import type { Desktop, Dialogs } from './types';

const FILTER_NAMES: Record<ExportFormat, string> = {
  docx: 'Word 文档 (*.docx)',
  pdf: 'PDF (*.pdf)',
  md: 'Markdown (*.md)',
  txt: '纯文本 (*.txt)',
};

export interface ExportServiceOptions {
  fs: FileSystem;
  dialogs: Dialogs;
  documents: DocumentService;
  /** Prints HTML to PDF bytes (A4 and margins from the HTML's @page rules). */
  renderPdf: RenderPdf;
  desktop: Desktop;
  /** This machine's fonts, for a PDF's TrueType faces (fonts.ts pdfFaces); without it the chains print as they are. */
  fonts?: FontProbe;
}

/**
 * The failure for a speech with no blocks, which the schema refuses: a code the renderer words in the UI's
 * language (renderer/i18n/resources.ts, error.code.empty-speech), not ProseMirror's English (issue 14, item 11).
 */
function emptySpeech(file: SpeechFile): { code: 'empty-speech'; message: string } | undefined {
  return file.doc.content?.length ? undefined : { code: 'empty-speech', message: 'The speech has no blocks.' };
}

export class ExportService {
  /** The last file each window exported, for "show in folder". */
  private readonly lastExport = new Map<number, string>();

  constructor(private readonly options: ExportServiceOptions) {}

  /** Prints through the system dialog, laid out by the profile. */
  async print(
    windowId: number,
    request: { file: SpeechFile; profile: ProfileId; adjustment?: ProfileAdjustment },
  ): Promise<{ status: 'printed' | 'canceled' | 'failed'; message?: string; code?: string }> {
    const empty = emptySpeech(request.file);
    if (empty) return { status: 'failed', ...empty };
    try {
      const { doc } = reopenSpeechFile(request.file);
      const profile = adjustProfile(PROFILES[request.profile], request.adjustment);
      const html = printHtml(doc, profile, request.file.meta.title ?? '', await this.pdfFaces(profile));
      return { status: (await this.options.desktop.print(windowId, html)) ? 'printed' : 'canceled' };
    } catch (error) {
      return { status: 'failed', message: (error as Error).message };
    }
  }

  /** The families a PDF of `profile` sets first here: none when the service was given no fonts to look at. */
  private async pdfFaces(profile: ExportProfile): Promise<PdfFaces> {
    return this.options.fonts ? pdfFaces(this.options.fonts, profile) : {};
  }

  /** Shows the window's last exported file in the file manager. */
  reveal(windowId: number): boolean {
    const file = this.lastExport.get(windowId);
    if (file) this.options.desktop.showInFolder(file);
    return Boolean(file);
  }

  async export(
    windowId: number,
    request: {
      docId: string;
      file: SpeechFile;
      format: ExportFormat;
      profile: ProfileId;
      adjustment?: ProfileAdjustment;
    },
  ): Promise<ExportResult> {
    const { file, format } = request;
    const profile = adjustProfile(PROFILES[request.profile], request.adjustment);
    const empty = emptySpeech(file);
    if (empty) return { status: 'failed', error: empty };
    let doc;
    try {
      doc = reopenSpeechFile(file).doc;
    } catch (error) {
      return {
        status: 'failed',
        error: { code: error instanceof SpeechFileError ? error.code : 'unknown', message: (error as Error).message },
      };
    }
    const source = this.options.documents.pathOf(request.docId);
    const base = source ? path.basename(source, path.extname(source)) : sanitizeName(file.meta.title) || '讲稿';
    const chosen = await this.options.dialogs.showSave(windowId, {
      title: '导出',
      defaultName: `${base}.${format}`,
      filters: [{ name: FILTER_NAMES[format], extensions: [format] }],
    });
    if (!chosen) return { status: 'canceled' };
    const target = path.extname(chosen).toLowerCase() === `.${format}` ? chosen : `${chosen}.${format}`;
    const fileName = path.basename(target);
    try {
      const bytes = await exportBytes(doc, format, profile, {
        meta: exportMeta(file.meta),
        renderPdf: this.options.renderPdf,
        ...(format === 'pdf' ? { pdfFaces: await this.pdfFaces(profile) } : {}),
      });
      await writeFileAtomic(target, bytes, { fs: this.options.fs });
    } catch (error) {
      const code = error instanceof AtomicWriteError ? error.code : errorCode(error);
      return {
        status: 'failed',
        error: { code: code ? failureCode(code) : 'unknown', message: (error as Error).message, fileName },
      };
    }
    this.lastExport.set(windowId, target);
    return { status: 'exported', name: fileName };
  }
}
