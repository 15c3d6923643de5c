/**
 * PDF from the print HTML in Chromium, read back with poppler: A4, page count, every font
 * embedded, the text in order with its numbers and "— N —" footers. Page 1 of the GB/T and the
 * large-print PDF is kept as a PNG in test-results/artifacts for people to look at.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromJSON } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import { printHtml } from '../shared/export/print-html';
import { PROFILES, type ProfileId } from '../shared/export/profiles';
import { dashRowMm, facesOf, fullLineUnits, readPdfPages } from '../e2e/pdf-pages';
import { LONG_TITLE, LONG_TITLE_LINES } from '../e2e/proof-speeches';
import { sampleDocJSON } from '../e2e/sample-speech';
import { renderPdf } from './pdf';

let dir: string;
const pdfs = new Map<ProfileId, string>();
const ARTIFACTS = path.resolve('test-results/artifacts');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-pdf-'));
  await mkdir(ARTIFACTS, { recursive: true });
  for (const id of ['gbt9704', 'large'] as const) {
    const file = path.join(dir, `${id}.pdf`);
    await writeFile(file, await renderPdf(printHtml(docFromJSON(sampleDocJSON() as never), PROFILES[id], '讲话')));
    pdfs.set(id, file);
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      file,
      path.join(ARTIFACTS, `pdf-page1-${id}`),
    ]);
  }
  // Large print, 20 characters a line: a level-1 heading of 2 + 17 characters with its 2-character indent would
  // leave its last character alone on the second line (issue 14, item 10).
  const lone = path.join(dir, 'lone.pdf');
  await writeFile(
    lone,
    await renderPdf(printHtml(docOf([1, '统一思想认识切实增强做好工作的责任'], [0, '正文。']), PROFILES.large, '讲话')),
  );
  pdfs.set('lone' as ProfileId, lone);
  const url = path.join(dir, 'url.pdf');
  await writeFile(
    url,
    await renderPdf(
      printHtml(docOf(['title', LONG_TITLE], [0, `详见${LONG_URL}。`], [0, '正文。'], [0, '正文。']), PROFILES.gbt9704),
    ),
  );
  pdfs.set('url' as ProfileId, url);
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

/** A URL of 400 characters and no break opportunity (issue 14, item 6). */
const LONG_URL = `https://www.example.gov.cn/${'abcdefghij'.repeat(37)}.html`;

const info = (id: ProfileId) => execFileSync('pdfinfo', [pdfs.get(id)!]).toString();
const text = (id: ProfileId, layout = false) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), pdfs.get(id)!, '-']).toString();

describe('PDF of the sample speech', () => {
  // Large print took five pages while the title stood 1.5 lines high with a blank line under it; four now, as the
  // DOCX takes in LibreOffice.
  it('is A4, three pages in the GB/T profile and four in large print', () => {
    expect(info('gbt9704')).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info('gbt9704'))![1])).toBe(3);
    expect(Number(/Pages:\s+(\d+)/.exec(info('large'))![1])).toBe(4);
  });

  it('embeds every font', () => {
    const rows = execFileSync('pdffonts', [pdfs.get('gbt9704')!])
      .toString()
      .trim()
      .split('\n')
      .slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
  });

  it('has the text in order, with its numbers, searchable', () => {
    const flat = text('gbt9704').replace(/\s/g, '');
    const order = [
      '在全市XX工作推进会上的讲话',
      '同志们：',
      '一、统一思想认识',
      '（一）充分认识',
      '（二）清醒认识',
      '二、突出工作重点',
      '三、强化组织保障',
      '1.加强组织领导',
      '3.营造良好氛围',
      '谢谢大家！',
    ];
    const at = order.map((needle) => flat.indexOf(needle));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('numbers pages "— N —", odd right and even left in GB/T, centred in large print', () => {
    const feet = (id: ProfileId) =>
      text(id, true)
        .split('\f')
        .filter((p) => p.trim())
        .map((p) => p.trimEnd().split('\n').at(-1)!);
    const gbt = feet('gbt9704');
    expect(gbt.map((l) => l.replace(/\s/g, ''))).toEqual(['—1—', '—2—', '—3—']);
    expect(gbt[0]!.indexOf('—')).toBeGreaterThan(gbt[1]!.indexOf('—') + 10);
    const large = feet('large');
    expect(large.map((l) => l.replace(/\s/g, ''))).toEqual(['—1—', '—2—', '—3—', '—4—']);
    expect(Math.abs(large[0]!.indexOf('—') - large[1]!.indexOf('—'))).toBeLessThan(6);
  });
});

describe('PDF fixes measured with poppler (issue 14)', () => {
  it('draws the page number’s dashes 7 mm below the text block (±1 mm), its digits in 宋体', () => {
    for (const id of ['gbt9704', 'large'] as const) {
      const blockBottom = 297 - PROFILES[id].margins.bottom;
      const dashes = dashRowMm(pdfs.get(id)!, 1, blockBottom + 0.5, 296, 210) - blockBottom;
      expect(Math.abs(dashes - 7), `${id}: ${dashes.toFixed(2)} mm`).toBeLessThanOrEqual(1);
      // fonts.conf maps 宋体 to AR PL SungtiL GB (BousungEG-Light-GB); Times New Roman is Liberation Serif here.
      expect([...facesOf(pdfs.get(id)!, /^—\s*\d+\s*—$/)]).toEqual(['BousungEG-Light-GB']);
    }
  });

  it('sets Chinese quotation marks in the Chinese face, Latin letters and digits in the Latin one', () => {
    const file = pdfs.get('gbt9704')!;
    const quotes = facesOf(file, /[“”]/);
    expect(quotes.size).toBeGreaterThan(0);
    for (const face of quotes) expect(face).not.toMatch(/Liberation|Times/);
    expect([...facesOf(file, /^[A-Za-z0-9%]+$/)].some((face) => /LiberationSerif/.test(face))).toBe(true);
  });

  it('never leaves a heading’s last character alone on a line in large print', () => {
    const lines = readPdfPages(pdfs.get('lone' as ProfileId)!)[0]!.lines.map((line) => line.text);
    expect(lines[0]).toMatch(/^一、统一/);
    expect(lines.join('')).toContain('一、统一思想认识切实增强做好工作的责任正文。');
    const heading = lines.slice(
      0,
      lines.findIndex((line) => line.startsWith('正文')),
    );
    expect(heading.length).toBe(2);
    expect([...heading.at(-1)!].length).toBeGreaterThan(1);
  });

  it('breaks a long URL across lines instead of shrinking the page and cutting it off', () => {
    const file = pdfs.get('url' as ProfileId)!;
    expect(execFileSync('pdftotext', [file, '-']).toString().replace(/\s/g, '')).toContain(LONG_URL);
    const lines = readPdfPages(file)[0]!.lines;
    for (const line of lines) expect(line.x1).toBeLessThan(210 - 26 + 0.5);
    // The page is not scaled: consecutive lines stand about 28.95 pt apart (Chromium rounds them to 38 px, 28.5 pt);
    // a page shrunk to 67% put them 19.4 pt apart.
    const pitch = (lines.at(-1)!.y1 - lines.at(-2)!.y1) / (25.4 / 72);
    expect(Math.abs(pitch - 28.95)).toBeLessThan(1);
  });

  it('breaks a long title where the layout breaks it, as the DOCX does', () => {
    const lines = readPdfPages(pdfs.get('url' as ProfileId)!)[0]!
      .lines.slice(0, 2)
      .map((line) => line.text);
    expect(lines).toEqual(LONG_TITLE_LINES);
  });

  it('holds 28 characters on most full all-Chinese lines on the GB/T grid, never more (it held 27)', () => {
    const { margins, body } = PROFILES.gbt9704;
    const pages = readPdfPages(pdfs.get('gbt9704')!);
    const units = fullLineUnits(pages, margins.left, 210 - margins.right, ((body.sizePt - 0.25) * 25.4) / 72);
    expect(units.length).toBeGreaterThan(10);
    expect(units.filter((n) => n > 28)).toEqual([]);
    // A line whose next character may not start a line gives it up (推出) and holds 27; Chromium has no squeeze.
    expect(units.filter((n) => n === 28).length / units.length).toBeGreaterThanOrEqual(0.75);
  });
});
