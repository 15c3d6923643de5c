/* global window, requestAnimationFrame -- these names are used only inside page.evaluate callbacks, which run in
 * Chromium. */
// `npm run bench`: builds the benchmark page, serves it on 127.0.0.1, and measures in Debian
// Chromium (CHROMIUM_PATH, else /usr/bin/chromium): time to open a 300,000-character speech,
// keystroke latency (input event to next frame) p50/p95 over 500 keystrokes typed mid-document in
// Lectern and in a plain TipTap StarterKit editor in the same run, the time from a keystroke to
// the outline sidebar's update, and a 20-paragraph section move. Prints the numbers and writes
// them to bench-results/outline.json. Targets are printed beside each number; nothing here fails
// a build (benchmarks are not timed tests).
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';

const { CHROMIUM_ARGS } = await tsImport('../cli/pdf.ts', import.meta.url);

const root = path.resolve('dist/bench');
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 500);

await build({ configFile: 'vite.bench.config.ts' });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const file = path.join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    ...CHROMIUM_ARGS,
    // Frames are produced as soon as the main thread is free, so latency measures work, not vsync waits.
    '--disable-gpu-vsync',
    '--disable-frame-rate-limit',
  ],
});

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const round = (n) => Math.round(n * 100) / 100;

async function measure(mode, query = '') {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}?editor=${mode}${query}`);
  await page.waitForFunction(() => window.benchReady === true);
  await page.waitForTimeout(300);
  const openMs = await page.evaluate(() => window.bench.open());
  await page.evaluate(() => window.bench.placeCursorMidDocument());
  await page.waitForTimeout(200);
  // Warm up, then measure.
  for (let i = 0; i < 20; i++) await page.keyboard.insertText('字');
  await page.waitForTimeout(200);
  await page.evaluate(() => window.bench.reset());
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.insertText(i % 10 === 9 ? '，' : '字');
    // Let the frame land before the next key, as a typist's ~100 ms gaps would.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  await page.waitForTimeout(300);
  const { samples, outlineSamples } = await page.evaluate(() => window.bench.results());
  const move = mode === 'lectern' ? await page.evaluate(() => window.bench.moveSection()) : undefined;
  const info = await page.evaluate(() => ({
    characters: window.bench.characters,
    paragraphs: window.bench.paragraphs,
    highlighted: window.bench.placeholders(),
  }));
  await page.close();
  return {
    mode,
    ...info,
    openMs: round(openMs),
    keystrokes: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    outlineP50: outlineSamples.length ? round(percentile(outlineSamples, 50)) : undefined,
    outlineP95: outlineSamples.length ? round(percentile(outlineSamples, 95)) : undefined,
    outlineSamples: outlineSamples.length,
    move: move ? { ms: round(move.ms), blocks: move.blocks } : undefined,
  };
}

try {
  if (process.env.BENCH_MODES) {
    // Chosen modes only, one JSON line each (for investigating one number).
    for (const mode of process.env.BENCH_MODES.split(',')) console.log(JSON.stringify(await measure(mode)));
  } else {
    await fullRun();
  }
} finally {
  await browser.close();
  server.close();
}

async function fullRun() {
  const lectern = await measure('lectern');
  const plain = await measure('plain');
  const ratio = round(lectern.p95 / plain.p95);
  // Placeholders: the same 2,000-blank speech with the plugin on and off, in this same run.
  const withPlaceholders = await measure('lectern', '&placeholders=on');
  const withoutPlaceholders = await measure('lectern', '&placeholders=off');
  const placeholderRatio = round(withPlaceholders.p95 / withoutPlaceholders.p95);
  const result = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    lectern,
    plain,
    ratioP95: ratio,
    ratioP50: round(lectern.p50 / plain.p50),
    placeholders: {
      on: withPlaceholders,
      off: withoutPlaceholders,
      ratioP95: placeholderRatio,
      ratioP50: round(withPlaceholders.p50 / withoutPlaceholders.p50),
    },
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/outline.json', `${JSON.stringify(result, null, 2)}\n`);
  const mark = (ok) => (ok ? 'ok' : 'OVER TARGET');
  console.log(
    `Outline benchmark — ${lectern.characters} characters, ${lectern.paragraphs} paragraphs, ${lectern.keystrokes} keystrokes (Chromium ${result.chromium})`,
  );
  console.log(
    `  open:                    ${lectern.openMs} ms   (target < 1500: ${mark(lectern.openMs < 1500)}; plain TipTap ${plain.openMs} ms)`,
  );
  console.log(
    `  keystroke p50 / p95:     ${lectern.p50} / ${lectern.p95} ms   (target p95 < 16: ${mark(lectern.p95 < 16)})`,
  );
  console.log(`  plain TipTap p50 / p95:  ${plain.p50} / ${plain.p95} ms`);
  console.log(`  ratio p95 (p50):         ${ratio} (${result.ratioP50})   (target ≤ 1.3: ${mark(ratio <= 1.3)})`);
  console.log(
    `  outline current p50/p95: ${lectern.outlineP50} / ${lectern.outlineP95} ms over ${lectern.outlineSamples} updates   (target < 50: ${mark((lectern.outlineP95 ?? Infinity) < 50)})`,
  );
  console.log(`  move ${lectern.move.blocks}-block section:  ${lectern.move.ms} ms`);
  console.log(
    `Placeholder benchmark — the same speech with 2,000 blanks (${withPlaceholders.highlighted} highlighted on screen), plugin on vs off`,
  );
  console.log(
    `  on  p50 / p95:           ${withPlaceholders.p50} / ${withPlaceholders.p95} ms   (target p95 < 16: ${mark(withPlaceholders.p95 < 16)})`,
  );
  console.log(`  off p50 / p95:           ${withoutPlaceholders.p50} / ${withoutPlaceholders.p95} ms`);
  console.log(
    `  ratio p95 (p50):         ${placeholderRatio} (${result.placeholders.ratioP50})   (target ≤ 1.15: ${mark(placeholderRatio <= 1.15)})`,
  );
  console.log('  written to bench-results/outline.json');
}
