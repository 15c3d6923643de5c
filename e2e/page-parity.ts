/**
 * Page parity (issue 14): whether the layout (shared/layout/page-layout.ts), LibreOffice's pages of our DOCX and
 * Chromium's PDF break pages at the same places. Each page is known by the first ten characters of its text, the
 * page number's line left out and whitespace ignored; two page lists agree on a page when the page of the same
 * number starts with the same ten characters in both. Needs `soffice` and poppler-utils for the readers' pages.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Node as PMNode } from '@tiptap/pm/model';
import { layoutSpeech } from '../shared/layout/page-layout';
import type { ExportProfile } from '../shared/export/profiles';
import type { PdfPage } from './pdf-pages';

/** How many characters of a page's text name the page. */
export const PAGE_START_CHARS = 10;

const start = (text: string) => [...text.replace(/\s/g, '')].slice(0, PAGE_START_CHARS).join('');

/**
 * The first ten characters of each page `layoutSpeech` lays `doc` out on in `profile`, a heading's number label
 * included (every exporter writes it as text or Word numbering, and the readers show it).
 */
export function layoutPageStarts(doc: PMNode, profile: ExportProfile): string[] {
  return layoutSpeech(doc, profile).pages.map((page) =>
    start(
      page.lines
        .slice(0, PAGE_START_CHARS)
        .map((line) => (line.label ?? '') + doc.child(line.block).textBetween(line.from, line.to, undefined, '\n'))
        .join(''),
    ),
  );
}

/**
 * The text of every line `layoutSpeech` lays `doc` out on in `profile`, page by page, whitespace left out and empty
 * lines too (a reader of a PDF sees no text on them), a heading's label included.
 */
export function layoutLineTexts(doc: PMNode, profile: ExportProfile): string[][] {
  return layoutSpeech(doc, profile).pages.map((page) =>
    page.lines
      .map((line) => (line.label ?? '') + doc.child(line.block).textBetween(line.from, line.to, undefined, '\n'))
      .map((text) => text.replace(/\s/g, ''))
      .filter(Boolean),
  );
}

/** The text of every line of a PDF read by ./pdf-pages.ts, page by page, as layoutLineTexts gives the layout's. */
export function pdfLineTexts(pages: readonly PdfPage[]): string[][] {
  return pages.map((page) => page.lines.map((line) => line.text.replace(/\s/g, '')).filter(Boolean));
}

/** The first ten characters of each page of a PDF read by ./pdf-pages.ts (its page-number line is apart). */
export function pdfPageStarts(pages: readonly PdfPage[]): string[] {
  return pages.map((page) => start(page.lines.map((line) => line.text).join('')));
}

/** Two page lists compared: how many pages agree, out of how many, and the first pages that do not. */
export interface Parity {
  agree: number;
  pages: number;
  /** agree / pages: 1 when both lists have the same pages, starting with the same text. */
  share: number;
  /** Up to five pages (1-based) that differ, with each list's start, for a test's message. */
  differ: Array<{ page: number; a?: string; b?: string }>;
}

/**
 * Compares page lists `a` and `b` page by page: page i agrees when both have it and it starts with the same ten
 * characters. The share is over the longer list, so a reader that adds or drops a page loses every page after it
 * until the two fall back into step (they rarely do: a page out of step stays out of step).
 */
export function pageParity(a: readonly string[], b: readonly string[]): Parity {
  const pages = Math.max(a.length, b.length);
  let agree = 0;
  const differ: Parity['differ'] = [];
  for (let i = 0; i < pages; i++) {
    if (a[i] !== undefined && a[i] === b[i]) agree += 1;
    else if (differ.length < 5) differ.push({ page: i + 1, a: a[i], b: b[i] });
  }
  return { agree, pages, share: pages ? agree / pages : 1, differ };
}

/** A parity as a test's message reads it: 「571/583 (97.9 %); first differing pages: …」. */
export function describeParity(parity: Parity): string {
  const percent = (parity.share * 100).toFixed(1);
  const differ = parity.differ.map(({ page, a, b }) => `p${page} ${a ?? '∅'} ≠ ${b ?? '∅'}`).join('; ');
  return `${parity.agree}/${parity.pages} (${percent} %)${differ ? `; first differing pages: ${differ}` : ''}`;
}

/**
 * Converts `docxs` to PDFs in `dir` with headless LibreOffice, in one run (its start-up is most of the time for a
 * small file), with a user profile of its own under `dir` so that it never meets a running LibreOffice. Returns the
 * PDFs' paths, in the same order.
 */
export function libreOfficePdfs(docxs: readonly string[], dir: string, timeoutMs = 240_000): string[] {
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...docxs],
    { stdio: 'ignore', timeout: timeoutMs },
  );
  return docxs.map((docx) => path.join(dir, `${path.basename(docx, '.docx')}.pdf`));
}
