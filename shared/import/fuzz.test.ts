/**
 * The mutation fuzz suite (issue 21): valid files of every kind the readers take — our own DOCX
 * export and a Word-styled DOCX, web pages, Markdown, the text fixtures, a `.speech` file and a
 * library bundle — damaged every way mutations.ts knows, then read three ways: in this thread, by
 * the command line, and (DOCX, HTML, Markdown, text) by the import worker the app uses. Each must
 * answer a valid speech or refuse with Lectern's own error: a one-line sentence in the user's
 * words naming the file, with the parser's text kept out of it; never a crash, a stack trace or a
 * hang.
 *
 * `npm test` runs one round of the random mutations (byte flips at four densities, random cuts)
 * beside the fixed ones; `npm run fuzz` runs LECTERN_FUZZ_ROUNDS rounds (LECTERN_FUZZ_SEED picks
 * the seed) and prints the counts and a sample of the refusal lines.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { sampleDocJSON } from '../../e2e/sample-speech';
import { main } from '../../cli/lectern';
import { workerImportReader, type ImportReader } from '../../electron/services/import-reader';
import { buildImportWorker } from '../../electron/services/test-import-worker';
import { resources } from '../../renderer/i18n/resources';
import {
  SpeechFileError,
  docFromJSON,
  emptySpeechFile,
  parseSpeechFile,
  reopenSpeechFile,
  serializeSpeechFile,
  type NodeJSON,
} from '../document/file-format';
import { exportDocx } from '../export/docx';
import { printHtml } from '../export/print-html';
import { PROFILES } from '../export/profiles';
import { exportMarkdown } from '../export/text';
import { fileErrorStrings } from '../i18n/file-errors';
import {
  LIBRARY_ENTRY_FORMAT,
  LIBRARY_ENTRY_VERSION,
  LibraryEntryError,
  parseLibraryBundle,
  serializeLibraryBundle,
  type LibraryEntry,
} from '../library/entry';
import { ImportError, importSource } from './index';
import {
  flipBytes,
  htmlDamage,
  jsonDamage,
  seeded,
  textTruncations,
  withPart,
  xmlDamage,
  zipHeaderDamage,
  zipTruncations,
  type Mutant,
  type Random,
} from './mutations';
import { readImportBytes } from './read';

const ROUNDS = Number(process.env.LECTERN_FUZZ_ROUNDS ?? 1);
const SEED = Number(process.env.LECTERN_FUZZ_SEED ?? 21);
/** Longer than this for one file is a hang (the worker's own limit is 60 s; nothing here comes near). */
const HANG_MS = 20_000;
/**
 * To keep `npm test` within its budget (about 25 s for this file), every mutant is read in this
 * thread but only one in CLI_EVERY by the command line and one in WORKER_EVERY by the worker (a
 * worker costs ~0.4 s to start); `npm run fuzz` sends every mutant every way.
 */
const FULL = process.env.LECTERN_FUZZ_ROUNDS !== undefined;
const CLI_EVERY = FULL ? 1 : 2;
const WORKER_EVERY = FULL ? 1 : 12;
/** How long one of the three ways may take in all. */
const TEST_MS = FULL ? 3_600_000 : 180_000;

type Kind = 'docx' | 'html' | 'md' | 'txt' | 'speech' | 'speechlib';
interface Case extends Mutant {
  kind: Kind;
  seed: string;
}

const SENTENCES = [
  ...Object.values(fileErrorStrings['zh-CN']),
  ...Object.values(resources['zh-CN'].translation.library.code as Record<string, string>),
];
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Random damage any file can take: bytes flipped at four densities and a cut at a random place. */
function randomDamage(bytes: Uint8Array, random: Random): Mutant[] {
  const out: Mutant[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const density of [0.0001, 0.001, 0.01, 0.1]) {
      out.push({
        mutation: `round ${round}: ${density * 100}% of bytes flipped`,
        bytes: flipBytes(bytes, density, random),
      });
    }
    const at = 1 + random.int(bytes.length - 1);
    out.push({ mutation: `round ${round}: cut at ${at}`, bytes: bytes.slice(0, at) });
  }
  return out;
}

async function docxCases(seed: string, docx: Uint8Array, random: Random): Promise<Case[]> {
  const zip = await JSZip.loadAsync(docx);
  const document = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')?.async('string');
  const mutants: Mutant[] = [
    ...zipTruncations(docx),
    ...zipHeaderDamage(docx, 'word/document.xml', random),
    ...zipHeaderDamage(docx, '[Content_Types].xml', random),
    ...randomDamage(docx, random),
  ];
  for (const { mutation, text } of xmlDamage(document, random)) {
    mutants.push({ mutation: `document.xml: ${mutation}`, bytes: await withPart(docx, 'word/document.xml', text) });
  }
  for (const { mutation, text } of styles ? xmlDamage(styles, random).slice(0, 3) : []) {
    mutants.push({ mutation: `styles.xml: ${mutation}`, bytes: await withPart(docx, 'word/styles.xml', text) });
  }
  for (const part of ['word/document.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/styles.xml']) {
    mutants.push({ mutation: `${part} removed`, bytes: await withPart(docx, part, undefined) });
  }
  return mutants.map((m) => ({ ...m, kind: 'docx', seed }));
}

function textCases(kind: 'html' | 'md' | 'txt', seed: string, bytes: Uint8Array, random: Random): Case[] {
  const mutants: Mutant[] = [...textTruncations(bytes), ...randomDamage(bytes, random)];
  if (kind === 'html')
    for (const { mutation, text } of htmlDamage(decode(bytes), random)) mutants.push({ mutation, bytes: encode(text) });
  // A UTF-16 file cut inside a character, and one with a BOM and an odd byte.
  const utf16 = new Uint8Array(new Uint16Array([...decode(bytes).slice(0, 200)].map((c) => c.charCodeAt(0))).buffer);
  mutants.push({ mutation: 'UTF-16 with an odd last byte', bytes: new Uint8Array([0xff, 0xfe, ...utf16, 0x41]) });
  mutants.push({
    mutation: 'NUL bytes in the middle',
    bytes: new Uint8Array([...bytes.slice(0, 20), 0, 0, 0, ...bytes.slice(20)]),
  });
  return mutants.map((m) => ({ ...m, kind, seed }));
}

function jsonCases(kind: 'speech' | 'speechlib', seed: string, text: string, random: Random): Case[] {
  const bytes = encode(text);
  const mutants: Mutant[] = [...textTruncations(bytes), ...randomDamage(bytes, random)];
  for (const { mutation, text: damaged } of jsonDamage(text, random))
    mutants.push({ mutation, bytes: encode(damaged) });
  return mutants.map((m) => ({ ...m, kind, seed }));
}

/** 同志们：\r\n讲话 as GB18030, as many Chinese offices still save text. */
const GB18030 = new Uint8Array([0xcd, 0xac, 0xd6, 0xbe, 0xc3, 0xc7, 0xa3, 0xba, 0x0d, 0x0a, 0xbd, 0xb2, 0xbb, 0xb0]);

async function allCases(): Promise<Case[]> {
  const random = seeded(SEED);
  const sample = docFromJSON(sampleDocJSON() as NodeJSON);
  const ours = await exportDocx(sample, PROFILES.gbt9704);
  const word = new Uint8Array(
    await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: '在全市工作会议上的讲话', heading: HeadingLevel.TITLE }),
              new Paragraph({ text: '同志们：' }),
              new Paragraph({ text: '统一思想', heading: HeadingLevel.HEADING_1 }),
              new Paragraph({ text: '正文。' }),
            ],
          },
        ],
      }),
    ),
  );
  const scraped = await readFile(path.resolve('../shared/fixtures/push-meeting.scraped.txt'));
  const plain = await readFile(path.resolve('../shared/fixtures/push-meeting.txt'));
  const page = `<html><body>${decode(scraped)
    .split('\n')
    .map((line) => `<p class="MsoNormal">${line}</p>`)
    .join('')}</body></html>`;
  const speech = serializeSpeechFile({ ...emptySpeechFile(), doc: sample.toJSON() as NodeJSON });
  const entry: LibraryEntry = {
    format: LIBRARY_ENTRY_FORMAT,
    version: LIBRARY_ENTRY_VERSION,
    id: 'a1b2c3',
    name: '推进会提纲',
    kind: 'full',
    createdAt: '2026-07-01T00:00:00.000Z',
    doc: sample.toJSON() as NodeJSON,
  };
  return [
    ...(await docxCases('our export', ours, random)),
    ...(await docxCases('Word styles', word, random)),
    ...textCases('html', 'web page', encode(page), random),
    ...textCases('html', 'print HTML', encode(printHtml(sample, PROFILES.gbt9704, '讲话')), random),
    ...textCases('md', 'Markdown export', encode(exportMarkdown(sample)), random),
    ...textCases('txt', 'push-meeting.txt', plain, random),
    ...textCases('txt', 'scraped text', scraped, random),
    ...textCases('txt', 'GB18030 text', GB18030, random),
    ...jsonCases('speech', '.speech', speech, random),
    ...jsonCases('speechlib', '.speechlib', serializeLibraryBundle([entry], new Date('2026-07-01T00:00:00Z')), random),
  ];
}

/**
 * Runs `run`, answering 'hang' when it takes longer than HANG_MS: by the clock when it blocks the
 * thread (a parser gone quadratic), by a timer when it waits on something that never comes.
 */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T } | { error: unknown } | 'hang'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), HANG_MS)));
  const started = Date.now();
  try {
    const outcome = await Promise.race([
      run().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      hang,
    ]);
    return Date.now() - started > HANG_MS ? 'hang' : outcome;
  } finally {
    clearTimeout(timer);
  }
}

const fileName = (c: Case, index: number) => `mutant-${index}.${c.kind}`;

/** Reads a mutant in this thread as the importer, or the .speech and library readers, would. */
async function readInThread(c: Case, name: string): Promise<unknown> {
  if (c.kind === 'speech') return parseSpeechFile(decode(c.bytes));
  if (c.kind === 'speechlib') return parseLibraryBundle(decode(c.bytes));
  const { file } = importSource(await readImportBytes(c.bytes, name));
  // What the importer answers is a speech that saves and opens again.
  return reopenSpeechFile(file);
}

interface Tally {
  files: number;
  read: number;
  refused: number;
  crashes: string[];
  hangs: string[];
}
const tallies = new Map<string, Tally>();
const samples = new Map<string, string>();
const tally = (key: string) => {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { files: 0, read: 0, refused: 0, crashes: [], hangs: [] }));
  return t;
};

let cases: Case[] = [];
let dir: string;
let worker: ImportReader;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-fuzz-'));
  worker = workerImportReader(await buildImportWorker(dir), { timeoutMs: HANG_MS });
  cases = await allCases();
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (FULL) {
    const n = (value: number) => String(value).padStart(5);
    const rows = [...tallies].map(([key, t]) => {
      const counts = `${n(t.files)} files ${n(t.read)} read ${n(t.refused)} refused`;
      return `${key.padEnd(18)} ${counts}  ${t.crashes.length} crashes  ${t.hangs.length} hangs`;
    });
    console.log(
      `fuzz (seed ${SEED}, ${ROUNDS} rounds):\n${rows.join('\n')}\nsample refusals:\n${[...samples.values()].join('\n')}`,
    );
  }
});

describe('damaged files of every kind', () => {
  it(
    'are read or refused with Lectern’s own error, in this thread, whatever was done to them',
    async () => {
      expect(cases.length).toBeGreaterThan(150);
      for (const [index, c] of cases.entries()) {
        const name = fileName(c, index);
        const t = tally(`thread ${c.kind}`);
        t.files++;
        const outcome = await timed(() => readInThread(c, name));
        const where = `${c.seed} / ${c.mutation}`;
        if (outcome === 'hang') t.hangs.push(where);
        else if ('value' in outcome) t.read++;
        else if (outcome.error instanceof ImportError) {
          t.refused++;
          // One sentence naming the file (the reader of a file's bytes knows its name; the importer
          // of the text they hold does not); the reader's own words only in the detail.
          const named = outcome.error.fileName ? `${name}：` : '';
          expect(outcome.error.message, where).toBe(
            `${named}${fileErrorStrings['zh-CN'][`import-${outcome.error.code}`]}`,
          );
        } else if (outcome.error instanceof SpeechFileError || outcome.error instanceof LibraryEntryError) t.refused++;
        else t.crashes.push(`${where}: ${String(outcome.error)}`);
      }
      const bad = [...tallies.values()].flatMap((t) => [...t.crashes, ...t.hangs]);
      expect(bad).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'are read or refused by the command line in one line and exit status 2, never a stack trace',
    async () => {
      const library = path.join(dir, 'library');
      await mkdir(library, { recursive: true });
      const env = { LECTERN_USER_DATA: path.join(dir, 'user-data') };
      for (const [index, c] of cases.entries()) {
        if (index % CLI_EVERY) continue;
        const name = fileName(c, index);
        const file = path.join(dir, name);
        await writeFile(file, c.bytes);
        const argv =
          c.kind === 'speech'
            ? ['outline', file]
            : c.kind === 'speechlib'
              ? ['library', 'import', file, '--library', library, '--keep-both']
              : ['import', file, '-o', path.join(dir, 'out.speech')];
        let stderr = '';
        const t = tally(`cli ${c.kind}`);
        t.files++;
        const where = `${c.seed} / ${c.mutation}`;
        const outcome = await timed(() =>
          main(
            argv,
            () => {},
            (text) => (stderr += text),
            env,
          ),
        );
        if (outcome === 'hang') t.hangs.push(where);
        else if ('error' in outcome) t.crashes.push(`${where}: threw ${String(outcome.error)}`);
        else if (outcome.value === 0) t.read++;
        else {
          expect(outcome.value, where).toBe(2);
          t.refused++;
          // Exactly one line, naming the file, ending in one of the app's own sentences.
          expect(stderr, where).toMatch(/^lectern(?: library)?: [^\n]+\n$/);
          expect(stderr, where).toContain(name);
          expect(
            SENTENCES.some((sentence) => stderr.trimEnd().endsWith(sentence)),
            `${where}: ${stderr}`,
          ).toBe(true);
          samples.set(`${c.kind} ${stderr.slice(stderr.indexOf('：'))}`, stderr.trimEnd());
        }
      }
      const bad = [...tallies].filter(([key]) => key.startsWith('cli')).flatMap(([, t]) => [...t.crashes, ...t.hangs]);
      expect(bad).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'are read or refused by the import worker the app reads files with',
    async () => {
      const imported = cases.filter((c) => c.kind !== 'speech' && c.kind !== 'speechlib');
      for (const [index, c] of imported.entries()) {
        if (index % WORKER_EVERY) continue;
        const name = fileName(c, index);
        const t = tally(`worker ${c.kind}`);
        t.files++;
        const where = `${c.seed} / ${c.mutation}`;
        const outcome = await timed(() => worker(c.bytes, name));
        if (outcome === 'hang') t.hangs.push(where);
        else if ('value' in outcome) t.read++;
        else if (outcome.error instanceof ImportError) {
          t.refused++;
          expect(outcome.error.message, where).toBe(
            `${name}：${fileErrorStrings['zh-CN'][`import-${outcome.error.code}`]}`,
          );
        } else t.crashes.push(`${where}: ${String(outcome.error)}`);
      }
      const bad = [...tallies]
        .filter(([key]) => key.startsWith('worker'))
        .flatMap(([, t]) => [...t.crashes, ...t.hangs]);
      expect(bad).toEqual([]);
    },
    TEST_MS,
  );
});
