// Import benchmark (part of `npm run bench`): 1 MB (UTF-8) of text scraped from a web page — the
// sample speech's scraped copy, repeated — imported with every cleanup step including
// Traditional → Simplified, as plain text and as the same text in HTML paragraphs. Prints the
// median of 5 runs after a warm-up against the 0.5 s target, and writes bench-results/import.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const { importSource } = await tsImport('../shared/import/index.ts', import.meta.url);

const scraped = await readFile(path.resolve('../shared/fixtures/push-meeting.scraped.txt'), 'utf8');
const MB = 1024 * 1024;
let text = '';
while (Buffer.byteLength(text) < MB) text += `${scraped}\n`;
const html = `<html><body>${text
  .split('\n')
  .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
  .join('')}</body></html>`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time(source) {
  importSource(source, { t2s: true });
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const result = importSource(source, { t2s: true });
    runs.push(performance.now() - start);
    if (!result.file.doc.content?.length) throw new Error('nothing imported');
  }
  return Math.round(median(runs));
}

const results = {
  bytes: Buffer.byteLength(text),
  characters: text.length,
  textMs: time({ kind: 'text', content: text }),
  htmlBytes: Buffer.byteLength(html),
  htmlMs: time({ kind: 'html', content: html }),
  targetMs: 500,
};
console.log(
  `import: ${(results.bytes / MB).toFixed(2)} MB of scraped text (${results.characters} characters), all cleanup steps: ${results.textMs} ms (target < ${results.targetMs} ms)`,
);
console.log(`import: the same as HTML (${(results.htmlBytes / MB).toFixed(2)} MB): ${results.htmlMs} ms`);
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/import.json', `${JSON.stringify(results, null, 2)}\n`);
