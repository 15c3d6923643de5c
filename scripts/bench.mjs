/* global window, requestAnimationFrame -- these names are used only inside page.evaluate callbacks, which
 * run in Chromium. */
// `npm run bench`: builds the benchmark page, serves it on 127.0.0.1, and measures the real Lectern
// window (every plugin on) against a plain TipTap StarterKit editor in the same run, in Debian Chromium
// (CHROMIUM_PATH, else /usr/bin/chromium), at 30,000 characters (a long real speech) and 300,000. Typing
// is real input: `keyboard.press` for Latin letters and digits, and for Chinese an IME composition as a
// pinyin IME sends it (the pinyin letters one update at a time, then the chosen character committed).
// Each input event's latency runs from the event to the next frame (whose clock ticks at 60 Hz here, so at
// 30,000 characters the main thread's work for each input is measured too, from a trace: workPerInput); the
// two editors type in turns,
// side by side, so both meet the same load. Also measured: time to open, the JS
// heap after opening, a section move, whether the outline is current in the keystroke's own frame,
// typing after a 200,000-character paste, typing among 2,000 placeholders, and Lectern with its page view on against
// off (issue 14; that row's 'plain' column is Lectern with the page view off). Prints one table with
// Lectern, plain TipTap, their ratio and the target beside each figure, and writes the numbers to
// bench-results/editor.json. Nothing here fails a build (benchmarks are not timed tests).
//
// BENCH_KEYSTROKES sets the input events a row types (300). BENCH_PROFILE=1 instead profiles 100 input
// events at 300,000 characters in both editors (CDP Tracing and Profiler) and prints the main thread's
// split into script, layout, paint and commit, and the functions with the most self time.
// BENCH_PROFILE=paste does the same after a 200,000-character paste into 30,000; BENCH_PROFILE_CHARS=30000
// profiles a speech of that length instead of 300,000 characters.
// BENCH_PROFILE=move profiles ten section moves in Lectern (each moved back, unprofiled), and
// BENCH_PROFILE=open traces one open and profiles two; BENCH_INCLUSIVE=1 adds the functions with the most
// inclusive time to any of them. With BENCH_PROFILE=1, BENCH_PROFILE_OUT=/tmp/x also writes each editor's CPU
// profile (/tmp/x-lectern.cpuprofile, for DevTools) and trace events (/tmp/x-lectern.trace.json), and
// BENCH_TRACE_CATS adds trace categories, comma-separated (as
// disabled-by-default-devtools.timeline.invalidationTracking).
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';

const { CHROMIUM_ARGS } = await tsImport('../cli/pdf.ts', import.meta.url);

const root = path.resolve('dist/bench');
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 300);
const LONG = 300_000;
const SPEECH = 30_000;
const PASTE = 200_000;

// Unminified when profiling, so that the profile names the functions.
await build({ configFile: 'vite.bench.config.ts', build: { minify: !process.env.BENCH_PROFILE } });

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
    '--enable-precise-memory-info',
  ],
});

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const round = (n) => Math.round(n * 100) / 100;

/**
 * What a typist sends, in order, repeated: Chinese syllables through the IME (each pinyin letter one
 * composition update, then the character committed), full-width punctuation committed at once as a
 * Chinese IME does, and Latin letters and digits as plain key presses.
 */
const TYPING = [
  { ime: 'gong', text: '工' },
  { ime: 'zuo', text: '作' },
  { key: 'A' },
  { ime: 'ji', text: '机' },
  { key: '2' },
  { key: '0' },
  { ime: 'hui', text: '会' },
  { ime: '', text: '，' },
  { key: 'x' },
  { ime: 'shi', text: '是' },
];

/** Waits until the frame after the last input has been drawn, as a typist's gaps between keys would. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

/** Types until `count` input events have been sent (keys and IME steps alike). */
async function type(page, cdp, count) {
  let sent = 0;
  for (let i = 0; sent < count; i++) {
    const unit = TYPING[i % TYPING.length];
    if (unit.key) {
      await page.keyboard.press(unit.key);
      sent++;
      await settle(page);
      continue;
    }
    for (let n = 1; n <= unit.ime.length && sent < count; n++) {
      const text = unit.ime.slice(0, n);
      await cdp.send('Input.imeSetComposition', { text, selectionStart: n, selectionEnd: n });
      sent++;
      await settle(page);
    }
    await cdp.send('Input.insertText', { text: unit.text });
    sent++;
    await settle(page);
  }
}

/** Opens the bench page for one editor and one speech; answers the page, its CDP session and the open time. */
async function openPage(mode, query) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${base}?editor=${mode}${query}`);
  await page.waitForFunction(() => window.benchReady === true);
  await page.waitForTimeout(300);
  const openMs = await page.evaluate(() => window.bench.open());
  await page.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await page.evaluate(() => window.bench.placeCursorMidDocument());
  await page.waitForTimeout(200);
  return { page, cdp, openMs, heapMB: usedSize / 2 ** 20 };
}

/**
 * The main thread's work for each input event, in ms, from a trace of typing: the renderer's busy time (the union
 * of its main thread's complete events, idle left out) from the task holding one input's mark (bench/main.tsx:
 * a key's keydown, an IME step's composition event) to the next input's, garbage collection included. The
 * latency also waits for the frame clock, which ticks at 60 Hz here whatever the flags, headless or not (plain
 * TipTap at 5,000 characters shows a latency p95 of 18 ms): the work is what says whether an input fits in a
 * frame. The last input's window has no end and is left out.
 */
function workPerInput(events) {
  const marks = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench-input');
  if (marks.length < 2) return [];
  const { pid, tid } = marks[0];
  const spans = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && e.dur)
    .map((e) => [e.ts, e.ts + e.dur])
    .sort((a, b) => a[0] - b[0]);
  const busy = [];
  for (const [start, end] of spans) {
    const last = busy[busy.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else busy.push([start, end]);
  }
  const taskStart = (ts) => busy.find(([start, end]) => start <= ts && ts <= end)?.[0] ?? ts;
  const starts = marks.map((mark) => taskStart(mark.ts)).sort((a, b) => a - b);
  return starts.slice(0, -1).map((from, i) => {
    const to = starts[i + 1];
    let us = 0;
    for (const [start, end] of busy) if (end > from && start < to) us += Math.min(end, to) - Math.max(start, from);
    return us / 1000;
  });
}

/** Types `count` input events into `page` under a trace; answers each one's main-thread work (workPerInput). */
async function traceWork(page, cdp, count) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] },
  });
  await type(page, cdp, count + 1);
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return workPerInput(events);
}

/** Input events typed into one editor before the other takes its turn. */
const TURN = 20;

/**
 * One row of measurements, Lectern and plain TipTap side by side: both pages are open at once and
 * take turns of TURN input events, so that both meet the same load from whatever else the machine
 * runs (the ratio is the figure). Then open time, heap, typing latency, and for Lectern the outline
 * and a section move.
 */
async function measurePair({ chars, placeholders = false, paste = 0, pageViewOff = false, work = false }) {
  const query = `&chars=${chars}${placeholders ? '&placeholders=on' : ''}`;
  const pages = [];
  // The page-view row compares Lectern with itself, the page view off in the second page ('plain' in the row).
  for (const mode of ['lectern', 'plain']) {
    const opened =
      pageViewOff && mode === 'plain'
        ? await openPage('lectern', `${query}&pageview=off`)
        : await openPage(mode, query);
    const pasteMs = paste ? await opened.page.evaluate((n) => window.bench.paste(n), paste) : undefined;
    pages.push({ mode, ...opened, pasteMs });
  }
  // Warm up, then measure, in turns.
  for (const { page, cdp } of pages) {
    await page.bringToFront();
    await type(page, cdp, TURN);
    await page.waitForTimeout(200);
    await page.evaluate(() => window.bench.reset());
  }
  for (let sent = 0; sent < KEYSTROKES; sent += TURN)
    for (const { page, cdp } of pages) {
      await page.bringToFront();
      await type(page, cdp, Math.min(TURN, KEYSTROKES - sent));
    }
  const row = {};
  for (const { mode, page, cdp, openMs, heapMB, pasteMs } of pages) {
    await page.bringToFront();
    await page.waitForTimeout(300);
    const { samples, outlineSamples, outlineLate } = await page.evaluate(() => window.bench.results());
    // The work is typed and traced after the latency's turns, so that the trace's cost is in no latency.
    const workSamples = work ? await traceWork(page, cdp, KEYSTROKES) : [];
    const move = mode === 'lectern' && !paste ? await page.evaluate(() => window.bench.moveSection()) : undefined;
    const info = await page.evaluate(() => ({
      characters: window.bench.characters,
      paragraphs: window.bench.paragraphs,
      highlighted: window.bench.placeholders(),
    }));
    await page.close();
    row[mode] = {
      mode,
      ...info,
      openMs: round(openMs),
      heapMB: round(heapMB),
      pasteMs: pasteMs === undefined ? undefined : round(pasteMs),
      keystrokes: samples.length,
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      workP50: workSamples.length ? round(percentile(workSamples, 50)) : undefined,
      workP95: workSamples.length ? round(percentile(workSamples, 95)) : undefined,
      outlineP95: outlineSamples.length ? round(percentile(outlineSamples, 95)) : undefined,
      outlineLate: mode === 'lectern' ? outlineLate : undefined,
      move: move ? { ms: round(move.ms), blocks: move.blocks } : undefined,
    };
  }
  return row;
}

async function fullRun() {
  const rows = {};
  for (const [name, options] of [
    ['speech', { chars: SPEECH, work: true }],
    ['long', { chars: LONG }],
    ['paste', { chars: SPEECH, paste: PASTE }],
    ['placeholders', { chars: LONG, placeholders: true }],
    ['pageView', { chars: LONG, pageViewOff: true }],
  ])
    rows[name] = await measurePair(options);
  const result = { date: new Date().toISOString(), chromium: browser.version(), keystrokes: KEYSTROKES, rows };
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/editor.json', `${JSON.stringify(result, null, 2)}\n`);

  const { speech, long, paste, placeholders, pageView } = rows;
  const table = [];
  /** One line: the figure for both editors, their ratio, and the target with whether it is met. */
  const line = (label, lectern, plain, target, ok) =>
    table.push([
      label,
      String(lectern ?? '–'),
      String(plain ?? '–'),
      plain ? String(round(lectern / plain)) : '–',
      target,
      ok === undefined ? '' : ok ? 'ok' : 'OVER TARGET',
    ]);
  const k = (n) => `${Math.round(n / 1000)}k`;
  line(`${k(SPEECH)} keystroke p50 ms`, speech.lectern.p50, speech.plain.p50, '', undefined);
  line(`${k(SPEECH)} keystroke p95 ms`, speech.lectern.p95, speech.plain.p95, '60 Hz clock');
  line(`${k(SPEECH)} work a keystroke p50 ms`, speech.lectern.workP50, speech.plain.workP50, '');
  line(
    `${k(SPEECH)} work a keystroke p95 ms`,
    speech.lectern.workP95,
    speech.plain.workP95,
    '< 16',
    speech.lectern.workP95 < 16,
  );
  line(`${k(LONG)} keystroke p50 ms`, long.lectern.p50, long.plain.p50, '', undefined);
  line(
    `${k(LONG)} keystroke p95 ms`,
    long.lectern.p95,
    long.plain.p95,
    'ratio ≤ 1',
    long.lectern.p95 <= long.plain.p95,
  );
  line(`${k(LONG)} open ms`, long.lectern.openMs, long.plain.openMs, '< 500', long.lectern.openMs < 500);
  line(
    `${k(LONG)} JS heap after open MB`,
    long.lectern.heapMB,
    long.plain.heapMB,
    'ratio ≤ 2',
    long.lectern.heapMB <= 2 * long.plain.heapMB,
  );
  line(
    `${k(LONG)} move ${long.lectern.move.blocks}-block section ms`,
    long.lectern.move.ms,
    undefined,
    '< 30',
    long.lectern.move.ms < 30,
  );
  line(
    `${k(LONG)} outline late frames`,
    `${long.lectern.outlineLate}/${long.lectern.keystrokes}`,
    undefined,
    '0',
    long.lectern.outlineLate === 0,
  );
  line(`${k(SPEECH)}+${k(PASTE)} paste ms`, paste.lectern.pasteMs, paste.plain.pasteMs, '', undefined);
  line(`${k(SPEECH)}+${k(PASTE)} pasted, p95 ms`, paste.lectern.p95, paste.plain.p95, '< 33', paste.lectern.p95 < 33);
  line(
    `${k(LONG)} 2,000 placeholders p95 ms`,
    placeholders.lectern.p95,
    placeholders.plain.p95,
    'ratio ≤ 1',
    placeholders.lectern.p95 <= placeholders.plain.p95,
  );
  line(
    `${k(LONG)} page view on / off p95 ms`,
    pageView.lectern.p95,
    pageView.plain.p95,
    'ratio ≤ 1.1',
    pageView.lectern.p95 <= 1.1 * pageView.plain.p95,
  );
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length), 8));
  const header = ['', 'Lectern', 'plain', 'ratio', 'target', ''];
  console.log(
    `Editor benchmark — ${KEYSTROKES} input events a row (keys and IME steps), ${speech.lectern.characters} and ` +
      `${long.lectern.characters} characters (${long.lectern.paragraphs} paragraphs), ` +
      `${placeholders.lectern.highlighted} placeholders highlighted on screen, Chromium ${result.chromium}`,
  );
  for (const row of [header, ...table])
    console.log(`  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`);
  console.log('  written to bench-results/editor.json');
}

/** Chromium's timeline events, sorted into the four parts of a frame's main-thread work. */
const PARTS = {
  script:
    /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|EvaluateScript|v8\.|V8\.|MajorGC|MinorGC|BlinkGC|GCEvent|FireIdleCallback)/,
  layout:
    /^(Layout|UpdateLayoutTree|RecalculateStyles|HitTest|PrePaint|UpdateLayerTree|Layerize|InvalidateLayout|ScheduleStyle|IntersectionObserver)/,
  paint: /^(Paint|PaintImage|RasterTask|CompositeLayers|UpdateLayer$|Decode|PaintSetup)/,
  commit: /^(Commit|ProxyMain::BeginMainFrame::commit)/,
};
const partOf = (name) => Object.keys(PARTS).find((part) => PARTS[part].test(name));

/** Self time of each part on the renderer's main thread, from complete ('X') trace events. */
function split(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const spans = events
    .filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = { script: 0, layout: 0, paint: 0, commit: 0 };
  const stack = [];
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const done = stack.pop();
      if (done.part) totals[done.part] += done.self;
    }
  };
  for (const event of spans) {
    close(event.ts);
    const parent = stack[stack.length - 1];
    const part = partOf(event.name) ?? parent?.part;
    if (parent) parent.self -= event.dur;
    stack.push({ end: event.ts + event.dur, self: event.dur, part });
  }
  close(Infinity);
  return Object.fromEntries(Object.entries(totals).map(([part, us]) => [part, Math.round(us / 1000)]));
}

/** A profile's call frame as the tables name it: function, file and line. */
const frameName = ({ functionName, url, lineNumber }) =>
  `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber + 1}`;

/** The functions with the most self time in a CPU profile, in milliseconds. */
function topSelf(profile, count) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { callFrame } = byId.get(id);
    if (!callFrame.url && /^\((idle|program|garbage collector)\)$/.test(callFrame.functionName)) return;
    const name = frameName(callFrame);
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** BENCH_PROFILE=move: profiles ten section moves (each moved back, unprofiled) at 300,000 characters in Lectern. */
async function profileMoves() {
  const { page, cdp } = await openPage('lectern', `&chars=${LONG}`);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const times = [];
  let total = null;
  for (let i = 0; i < 10; i++) {
    const move = await page.evaluate(() => window.bench.findMove());
    await cdp.send('Profiler.start');
    const ms = await page.evaluate(({ index, target }) => window.bench.moveSectionAt(index, target), move);
    const { profile } = await cdp.send('Profiler.stop');
    times.push(round(ms));
    total = total ? mergeProfiles(total, profile) : profile;
    // The section goes back where it was: before the block that followed it.
    await page.evaluate((m) => window.bench.moveSectionAt(m.target, m.index + m.blocks), move);
    await page.waitForTimeout(100);
  }
  console.log(`lectern — 10 section moves at ${LONG} characters, ms: ${times.join(' ')}`);
  for (const [name, ms] of topSelf(total, 25)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  if (process.env.BENCH_INCLUSIVE)
    for (const [name, ms] of topInclusive(total, 60)) console.log(`  incl ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  await page.close();
}

/** BENCH_PROFILE=open: traces one open of 300,000 characters in Lectern and profiles two, each in a page of its own. */
async function profileOpens() {
  const times = [];
  let total = null;
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${base}?editor=lectern&chars=${LONG}`);
    await page.waitForFunction(() => window.benchReady === true);
    await page.waitForTimeout(300);
    // The first open is traced (the split of the main thread's work), the other two profiled.
    if (i === 0) {
      const events = [];
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] },
      });
      times.push(round(await page.evaluate(() => window.bench.open())));
      await cdp.send('Tracing.end');
      await complete;
      const parts = split(events);
      console.log(
        `lectern — one open of ${LONG} characters: script ${parts.script} ms, layout ${parts.layout} ms, ` +
          `paint ${parts.paint} ms, commit ${parts.commit} ms`,
      );
    } else {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      times.push(round(await page.evaluate(() => window.bench.open())));
      const { profile } = await cdp.send('Profiler.stop');
      total = total ? mergeProfiles(total, profile) : profile;
    }
    await page.close();
  }
  console.log(`lectern — 3 opens of ${LONG} characters (the first traced, two profiled), ms: ${times.join(' ')}`);
  for (const [name, ms] of topSelf(total, 25)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  if (process.env.BENCH_INCLUSIVE)
    for (const [name, ms] of topInclusive(total, 70)) console.log(`  incl ${ms.toFixed(1).padStart(7)} ms  ${name}`);
}

/** Two CPU profiles as one for topSelf: the nodes of both (the second's ids shifted) and their samples. */
function mergeProfiles(a, b) {
  const shift = Math.max(...a.nodes.map((node) => node.id));
  return {
    nodes: [
      ...a.nodes,
      ...b.nodes.map((node) => ({ ...node, id: node.id + shift, children: node.children?.map((c) => c + shift) })),
    ],
    samples: [...a.samples, ...b.samples.map((id) => id + shift)],
    timeDeltas: [...a.timeDeltas, ...b.timeDeltas],
  };
}

/**
 * The functions with the most inclusive time in a CPU profile, in milliseconds: a sample counts once for
 * each function on its stack (a recursive one once), so a caller shows what its whole call costs.
 */
function topInclusive(profile, count) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const name = frameName(byId.get(n).callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...incl].sort((a, b) => b[1] - a[1]).slice(0, count);
}

async function profileRun() {
  // BENCH_PROFILE=paste profiles the after-paste row instead: 30,000 characters with 200,000 pasted into them.
  const pasted = process.env.BENCH_PROFILE === 'paste';
  const chars = pasted ? SPEECH : Number(process.env.BENCH_PROFILE_CHARS ?? LONG);
  for (const mode of ['lectern', 'plain']) {
    const { page, cdp } = await openPage(mode, `&chars=${chars}`);
    if (pasted) await page.evaluate((n) => window.bench.paste(n), PASTE);
    await type(page, cdp, 20);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          ...(process.env.BENCH_TRACE_CATS ? process.env.BENCH_TRACE_CATS.split(',') : []),
        ],
      },
    });
    await cdp.send('Profiler.start');
    await type(page, cdp, 100);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await complete;
    const parts = split(events);
    console.log(
      `${mode} — 100 input events at ${chars}${pasted ? `+${PASTE}` : ''} characters: script ${parts.script} ms, layout ${parts.layout} ms, ` +
        `paint ${parts.paint} ms, commit ${parts.commit} ms`,
    );
    for (const [name, ms] of topSelf(profile, 12)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
    if (process.env.BENCH_INCLUSIVE)
      for (const [name, ms] of topInclusive(profile, 60))
        console.log(`  incl ${ms.toFixed(1).padStart(7)} ms  ${name}`);
    if (process.env.BENCH_PROFILE_OUT)
      await writeFile(`${process.env.BENCH_PROFILE_OUT}-${mode}.cpuprofile`, JSON.stringify(profile));
    if (process.env.BENCH_PROFILE_OUT)
      await writeFile(`${process.env.BENCH_PROFILE_OUT}-${mode}.trace.json`, JSON.stringify(events));
    await page.close();
  }
}

try {
  if (process.env.BENCH_PROFILE === 'move') await profileMoves();
  else if (process.env.BENCH_PROFILE === 'open') await profileOpens();
  else if (process.env.BENCH_PROFILE) await profileRun();
  else await fullRun();
} finally {
  await browser.close();
  server.close();
}
