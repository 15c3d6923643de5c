/**
 * Page parity (issue 14, Proof): the layout's pages, LibreOffice's pages of our DOCX and Chromium's pages of our
 * PDF, compared by the first ten characters of each page (e2e/page-parity.ts), for the sample speech, the
 * heading-dense speech and the 300,000-character benchmark speech, in the GB/T 9704 grid (公文 and 讲话稿 share
 * it) and in large print. One LibreOffice run converts all six DOCX files; Chromium prints the six PDFs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node as PMNode } from '@tiptap/pm/model';
import { generateSpeech } from '../../bench/generate-speech';
import { renderPdf } from '../../cli/pdf';
import {
  describeParity,
  layoutLineTexts,
  layoutPageStarts,
  libreOfficePdfs,
  pageParity,
  pdfLineTexts,
  pdfPageStarts,
} from '../../e2e/page-parity';
import { fullLineUnits, readPdfPages, type PdfPage } from '../../e2e/pdf-pages';
import { headingDenseSpeech, sampleSpeech } from '../../e2e/proof-speeches';
import { docFromJSON } from '../document/file-format';
import { exportDocx } from './docx';
import { printHtml } from './print-html';
import { PROFILES, type ProfileId } from './profiles';

const SPEECHES: Record<string, () => PMNode> = {
  sample: sampleSpeech,
  dense: headingDenseSpeech,
  long: () => docFromJSON(generateSpeech().doc),
};
const CASES = Object.keys(SPEECHES).flatMap((speech) =>
  (['gbt9704', 'large'] as const).map((profile) => [speech, profile] as const),
);
/** The goal: at least 95 % of pages start with the same ten characters. */
const GOAL = 0.95;

let dir: string;
const starts = new Map<string, { layout: string[]; docx: string[]; pdf: string[] }>();
const lineTexts = new Map<string, { layout: string[][]; pdf: string[][] }>();
/** The GB/T cases' pages as each reader set them: LibreOffice's of our DOCX, Chromium's of our PDF. */
const readPages = new Map<string, { docx: PdfPage[]; pdf: PdfPage[] }>();
const key = (speech: string, profile: ProfileId) => `${speech}-${profile}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-parity-'));
  const docs = new Map(Object.entries(SPEECHES).map(([name, make]) => [name, make()]));
  const docxs: string[] = [];
  const pdfs: string[] = [];
  for (const [speech, profile] of CASES) {
    const doc = docs.get(speech)!;
    const docx = path.join(dir, `${key(speech, profile)}.docx`);
    await writeFile(docx, await exportDocx(doc, PROFILES[profile], { title: '讲话' }));
    docxs.push(docx);
    const pdf = path.join(dir, `${key(speech, profile)}.chromium.pdf`);
    await writeFile(pdf, await renderPdf(printHtml(doc, PROFILES[profile], '讲话')));
    pdfs.push(pdf);
  }
  const read = libreOfficePdfs(docxs, dir);
  CASES.forEach(([speech, profile], i) => {
    const pdfPages = readPdfPages(pdfs[i]!);
    const docxPages = readPdfPages(read[i]!);
    starts.set(key(speech, profile), {
      layout: layoutPageStarts(docs.get(speech)!, PROFILES[profile]),
      docx: pdfPageStarts(docxPages),
      pdf: pdfPageStarts(pdfPages),
    });
    if (profile === 'gbt9704') readPages.set(speech, { docx: docxPages, pdf: pdfPages });
    lineTexts.set(key(speech, profile), {
      layout: layoutLineTexts(docs.get(speech)!, PROFILES[profile]),
      pdf: pdfLineTexts(pdfPages),
    });
  });
}, 300_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(CASES)('page parity of the %s speech in the %s profile', (speech, profile) => {
  const lists = () => starts.get(key(speech, profile))!;

  it('LibreOffice breaks our DOCX into the layout’s pages', () => {
    const { layout, docx } = lists();
    const parity = pageParity(layout, docx);
    console.log(`${speech} ${profile} layout/docx ${describeParity(parity)}`);
    expect(parity.share, describeParity(parity)).toBeGreaterThanOrEqual(GOAL);
  });

  it('the PDF has the layout’s pages', () => {
    const { layout, pdf } = lists();
    const parity = pageParity(layout, pdf);
    console.log(`${speech} ${profile} layout/pdf ${describeParity(parity)}`);
    expect(parity.share, describeParity(parity)).toBeGreaterThanOrEqual(GOAL);
  });

  it('the PDF’s lines are the layout’s, page by page, every one', () => {
    const { layout, pdf } = lineTexts.get(key(speech, profile))!;
    const first = pdf.findIndex((lines, p) => lines.join('\n') !== layout[p]?.join('\n'));
    expect(first, `page ${first + 1}`).toBe(-1);
    expect(pdf.length).toBe(layout.length);
  });

  it('the PDF and LibreOffice’s DOCX start their pages with the same text', () => {
    const { docx, pdf } = lists();
    const parity = pageParity(pdf, docx);
    console.log(`${speech} ${profile} pdf/docx ${describeParity(parity)}`);
    expect(parity.share, describeParity(parity)).toBeGreaterThanOrEqual(GOAL);
  });
});

// GB/T 9704 line by line (issue 14, Proof), on every page of the three speeches, as LibreOffice sets our DOCX and as
// Chromium sets our PDF: 22 lines a full page, 28 characters a full line, the text block's edges within 0.5 mm, and no
// page ending early (under 20 lines) but the last.
describe.each(Object.keys(SPEECHES).flatMap((speech) => (['docx', 'pdf'] as const).map((reader) => [speech, reader])))(
  'GB/T 9704 line by line: the %s speech, %s',
  (speech, reader) => {
    const { margins, body } = PROFILES.gbt9704;
    const left = margins.left;
    const right = 210 - margins.right;
    const charMm = ((body.sizePt - 0.25) * 25.4) / 72;
    const pages = () => readPages.get(speech)![reader as 'docx' | 'pdf'];

    it('holds 22 lines on a page and ends no page but the last under 20', () => {
      const counts = pages().map((page) => page.lines.length);
      expect(Math.max(...counts)).toBeLessThanOrEqual(22);
      const short = counts.slice(0, -1).flatMap((n, i) => (n < 20 ? [`page ${i + 1}: ${n} lines`] : []));
      expect(short).toEqual([]);
    });

    it('holds 28 characters on every full all-Chinese line', () => {
      const units = fullLineUnits(pages(), left, right, charMm);
      expect(units.length).toBeGreaterThan(10);
      expect(units.filter((n) => n !== 28)).toEqual([]);
    });

    it('keeps the text inside the block: lines start at the left margin (±0.5 mm) and full lines end at the right', () => {
      for (const [p, page] of pages().entries()) {
        const starts = page.lines.map((line) => line.x0);
        expect(Math.abs(Math.min(...starts) - left), `page ${p + 1}`).toBeLessThanOrEqual(0.5);
        // A mark hung past a full line stands in the margin by design; anything else stays within half a millimetre.
        const over = page.lines.filter((line) => line.x1 > right + 0.5 && !/[，。、；：？！]$/.test(line.text));
        expect(
          over.map((line) => line.text),
          `page ${p + 1}`,
        ).toEqual([]);
      }
    });
  },
);
