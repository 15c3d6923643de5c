/**
 * A real third-party reader of our DOCX: LibreOffice (headless) turns it into a PDF, and poppler reads that back.
 * Needs `soffice` and poppler-utils (.ci/run installs them). One conversion for all four files (the sample and
 * the heading-dense speech, in the GB/T and the large-print profile), shared by every assertion (issue 14).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashRowMm, fullLineUnits, readPdfPages, type PdfPage } from '../../e2e/pdf-pages';
import { libreOfficePdfs } from '../../e2e/page-parity';
import { LONG_TITLE_LINES, headingDenseSpeech, sampleSpeech } from '../../e2e/proof-speeches';
import { exportDocx } from './docx';
import { PROFILES, type ProfileId } from './profiles';

const SPEECHES = { sample: sampleSpeech, dense: headingDenseSpeech } as const;
type SpeechName = keyof typeof SPEECHES;
const CASES = [
  ['sample', 'gbt9704'],
  ['dense', 'gbt9704'],
  ['sample', 'large'],
  ['dense', 'large'],
] as const satisfies ReadonlyArray<readonly [SpeechName, ProfileId]>;

let dir: string;
let info: string;
let text: string;
let layout: string;
const pdfs = new Map<string, { file: string; pages: PdfPage[] }>();
const key = (speech: SpeechName, profile: ProfileId) => `${speech}-${profile}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-lo-'));
  const docxs: string[] = [];
  for (const [speech, profile] of CASES) {
    const docx = path.join(dir, `${key(speech, profile)}.docx`);
    await writeFile(docx, await exportDocx(SPEECHES[speech](), PROFILES[profile], { title: '讲话' }));
    docxs.push(docx);
  }
  const files = libreOfficePdfs(docxs, dir);
  CASES.forEach(([speech, profile], i) =>
    pdfs.set(key(speech, profile), { file: files[i]!, pages: readPdfPages(files[i]!) }),
  );
  const pdf = pdfs.get(key('sample', 'gbt9704'))!.file;
  info = execFileSync('pdfinfo', [pdf]).toString();
  text = execFileSync('pdftotext', [pdf, '-'])
    .toString()
    .replace(/[ \t\u3000]/g, '');
  layout = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
}, 300_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

/** The lines a full page of the profile holds: the text block's height over the fixed line spacing. */
const linesPerPage = (profile: ProfileId) => {
  const { margins, lineSpacingPt } = PROFILES[profile];
  return Math.floor((297 - margins.top - margins.bottom) / ((lineSpacingPt * 25.4) / 72));
};
const HEADING_START = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/;

describe('our GB/T 9704 DOCX read by LibreOffice', () => {
  it('is A4, three pages for the sample speech', () => {
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(3);
  });

  it('shows the numbers 一、 （一） 1. from Word numbering, in the speech’s order', () => {
    const flat = text.replace(/\n/g, '');
    const order = [
      '在全市XX工作推进会上的讲话',
      '同志们：',
      '一、统一思想认识',
      '（一）充分认识',
      '（二）清醒认识',
      '二、突出工作重点',
      '一要抓好项目建设',
      '三、强化组织保障',
      '1.加强组织领导',
      '2.强化督查考核',
      '3.营造良好氛围',
      '谢谢大家！',
    ];
    const positions = order.map((needle) => flat.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts "— N —" page numbers at the foot, odd pages right and even pages left', () => {
    const pages = layout.split('\f').filter((page) => page.trim());
    const numbers = pages.map((page) => page.trimEnd().split('\n').at(-1)!);
    expect(numbers.map((line) => line.trim())).toEqual(['— 1 —', '— 2 —', '— 3 —']);
    // Odd pages: the number stands far to the right; even pages: at the left edge.
    expect(numbers[0]!.indexOf('—')).toBeGreaterThan(20);
    expect(numbers[1]!.indexOf('—')).toBeLessThan(5);
  });
});

describe.each(CASES)('the %s speech in the %s profile, read by LibreOffice (issue 14)', (speech, profileId) => {
  const profile = PROFILES[profileId];
  const read = () => pdfs.get(key(speech, profileId))!;

  // Three lines is what the keep rules can leave empty: a heading that keeps with a three-line paragraph, which may
  // neither leave one line at the foot nor one at the top. Chained run-in headings left 8 to 12.
  it('fills every page but the last to within three lines of a full page (run-in headings do not chain)', () => {
    const { pages } = read();
    const counts = pages.map((page) => page.lines.length);
    const short = counts.slice(0, -1).filter((n) => n < linesPerPage(profileId) - 3 || n > linesPerPage(profileId));
    expect(short, `lines a page: ${counts.join(', ')}`).toEqual([]);
    expect(counts.length).toBeGreaterThan(1);
  });

  it('indents headings two characters on the first line, as body text is, and keeps the left margin', () => {
    const { pages } = read();
    const bodyIndent = profile.margins.left + ((2 * profile.body.sizePt) / 72) * 25.4;
    const lines = pages.flatMap((page) => page.lines);
    const headings = lines.filter((line) => HEADING_START.test(line.text));
    expect(headings.length).toBeGreaterThan(3);
    for (const line of headings) expect(Math.abs(line.x0 - bodyIndent), line.text).toBeLessThan(0.5);
    const leftmost = Math.min(...lines.map((line) => line.x0));
    expect(Math.abs(leftmost - profile.margins.left)).toBeLessThan(0.5);
    // LibreOffice hangs a line-end comma or full stop into the margin (its glyph is in the left half of its
    // box, so the ink stays inside); every other line ends within the block.
    const oneChar = (profile.body.sizePt / 72) * 25.4;
    for (const line of lines) {
      const hanging = /[，。、；：？！”’）》」』】]$/.test(line.text) ? oneChar : 0;
      expect(line.x1 - hanging, line.text).toBeLessThan(210 - profile.margins.right + 0.5);
    }
  });

  it('draws the page number’s dashes 7 mm below the text block (±1 mm), odd right and even left in GB/T', () => {
    const { file, pages } = read();
    const blockBottom = 297 - profile.margins.bottom;
    for (const page of [1, 2]) {
      const dashes = dashRowMm(file, page, blockBottom + 0.5, 296, 210) - blockBottom;
      expect(Math.abs(dashes - 7), `page ${page}: ${dashes.toFixed(2)} mm`).toBeLessThanOrEqual(1);
    }
    const [odd, even] = [pages[0]!.pageNumber!, pages[1]!.pageNumber!];
    if (profile.pageNumbers.placement === 'odd-even') {
      expect(odd.x1).toBeGreaterThan(210 - profile.margins.right - 20);
      expect(even.x0).toBeLessThan(profile.margins.left + 20);
    } else {
      expect(Math.abs((odd.x0 + odd.x1) / 2 - (profile.margins.left + (210 - profile.margins.right)) / 2)).toBeLessThan(
        2,
      );
    }
  });
});

describe('the long title in the DOCX, read by LibreOffice', () => {
  it('breaks where the layout breaks it, in both profiles', () => {
    for (const profile of ['gbt9704', 'large'] as const) {
      const lines = pdfs
        .get(key('dense', profile))!
        .pages[0]!.lines.slice(0, 2)
        .map((line) => line.text);
      expect(lines).toEqual(LONG_TITLE_LINES);
    }
  });
});

describe.each(['sample', 'dense'] as const)('the %s speech on the GB/T grid, read by LibreOffice', (speech) => {
  it('holds 28 characters on its full all-Chinese lines, never more (it held 27)', () => {
    const { margins, body } = PROFILES.gbt9704;
    const units = fullLineUnits(
      pdfs.get(key(speech, 'gbt9704'))!.pages,
      margins.left,
      210 - margins.right,
      ((body.sizePt - 0.25) * 25.4) / 72,
    );
    expect(units.length).toBeGreaterThan(10);
    expect(units.filter((n) => n > 28)).toEqual([]);
    expect(units.filter((n) => n === 28).length / units.length).toBeGreaterThanOrEqual(0.9);
  });
});
