// Export benchmark (part of `npm run bench`): the 300,000-character benchmark speech to DOCX and
// to PDF, against peers in the same run on the same content — pandoc (Markdown → DOCX) for DOCX,
// LibreOffice headless (our DOCX → PDF) for PDF. Prints the times and ratios and adds them to
// bench-results/export.json.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const load = (file) => tsImport(file, import.meta.url);
const { generateSpeech } = await load('../bench/generate-speech.ts');
const { docFromJSON } = await load('../shared/document/file-format.ts');
const { exportDocx } = await load('../shared/export/docx.ts');
const { exportMarkdown } = await load('../shared/export/text.ts');
const { printHtml } = await load('../shared/export/print-html.ts');
const { PROFILES } = await load('../shared/export/profiles.ts');
const { renderPdf } = await load('../cli/pdf.ts');

const dir = await mkdtemp(path.join(tmpdir(), 'lectern-bench-export-'));
const time = async (fn) => {
  const start = performance.now();
  await fn();
  return Math.round(performance.now() - start);
};
try {
  const speech = generateSpeech();
  const doc = docFromJSON(speech.doc);
  const profile = PROFILES.gbt9704;
  const docxFile = path.join(dir, 'speech.docx');
  const mdFile = path.join(dir, 'speech.md');
  await writeFile(mdFile, exportMarkdown(doc));
  // Warm up once (module loading, JIT), then time.
  await exportDocx(doc, profile);
  const docxMs = await time(async () => writeFile(docxFile, await exportDocx(doc, profile)));
  const pandocMs = await time(async () => execFileSync('pandoc', [mdFile, '-o', path.join(dir, 'pandoc.docx')]));
  const pdfMs = await time(async () =>
    writeFile(path.join(dir, 'speech.pdf'), await renderPdf(printHtml(doc, profile, 'bench'))),
  );
  const libreOfficeMs = await time(async () =>
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/lo`,
        '--convert-to',
        'pdf',
        '--outdir',
        path.join(dir, 'lo-out'),
        docxFile,
      ],
      { stdio: 'ignore' },
    ),
  );
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(dir, 'speech.pdf')]).toString())?.[1]);
  const result = {
    date: new Date().toISOString(),
    characters: speech.characters,
    docxMs,
    pandocMs,
    docxRatio: +(docxMs / pandocMs).toFixed(2),
    pdfMs,
    libreOfficeMs,
    pdfRatio: +(pdfMs / libreOfficeMs).toFixed(2),
    pdfPages: pages,
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/export.json', `${JSON.stringify(result, null, 2)}\n`);
  const mark = (ok) => (ok ? 'ok' : 'SLOWER THAN PEER');
  console.log(`Export benchmark — ${speech.characters} characters`);
  console.log(
    `  DOCX: ${docxMs} ms; pandoc (Markdown → DOCX) ${pandocMs} ms; ratio ${result.docxRatio} (target < 1: ${mark(docxMs < pandocMs)})`,
  );
  console.log(
    `  PDF:  ${pdfMs} ms (${pages} pages, Chromium incl. start); LibreOffice (our DOCX → PDF) ${libreOfficeMs} ms; ratio ${result.pdfRatio} (target < 1: ${mark(pdfMs < libreOfficeMs)})`,
  );
  console.log('  written to bench-results/export.json');
} finally {
  await rm(dir, { recursive: true, force: true });
}
