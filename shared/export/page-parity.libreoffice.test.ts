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
import { readPdfPages } from '../../e2e/pdf-pages';
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
    starts.set(key(speech, profile), {
      layout: layoutPageStarts(docs.get(speech)!, PROFILES[profile]),
      docx: pdfPageStarts(readPdfPages(read[i]!)),
      pdf: pdfPageStarts(pdfPages),
    });
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
