/**
 * A real third-party reader of our DOCX: LibreOffice (headless) turns it into a PDF, and poppler
 * reads that back. Needs `soffice`, `pdfinfo` and `pdftotext` (.ci/run installs them).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromJSON } from '../document/file-format';
import { sampleDocJSON } from '../../e2e/sample-speech';
import { exportDocx } from './docx';
import { PROFILES } from './profiles';

let dir: string;
let info: string;
let text: string;
let layout: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-lo-'));
  const docx = path.join(dir, 'speech.docx');
  await writeFile(
    docx,
    await exportDocx(docFromJSON(sampleDocJSON() as never), PROFILES.gbt9704, { title: '在全市XX工作推进会上的讲话' }),
  );
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = path.join(dir, 'speech.pdf');
  info = execFileSync('pdfinfo', [pdf]).toString();
  text = execFileSync('pdftotext', [pdf, '-'])
    .toString()
    .replace(/[ \t\u3000]/g, '');
  layout = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
}, 180_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

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
