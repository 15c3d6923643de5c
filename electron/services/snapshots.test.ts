import { readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  SpeechFileError,
  emptySpeechFile,
  serializeSpeechFile,
  type SpeechFile,
} from '../../shared/document/file-format';
import { buildOutline } from '../../shared/document/outline';
import { docOf } from '../../shared/document/test-docs';
import { faultyFileSystem, type FaultyFileSystem } from './fault-fs';
import {
  DAILY_DAYS,
  SnapshotError,
  SnapshotStore,
  folderNameFor,
  thinSnapshots,
  type ThinnableEntry,
} from './snapshots';
import { tempDirEach } from './test-dir';

const DAY = 24 * 60 * 60 * 1000;
const temp = tempDirEach('lectern-snapshots-');
let snapshotsDir: string;
let fs: FaultyFileSystem;
let clock: Date;
const target = () => path.join(temp.path, '讲话.speech');

function store(): SnapshotStore {
  fs = faultyFileSystem({});
  return new SnapshotStore({ dir: snapshotsDir, fs, now: () => clock, utcOffsetMinutes: 480 });
}

const speech = (...body: string[]): SpeechFile => ({
  ...emptySpeechFile(new Date('2026-01-01T00:00:00Z')),
  meta: { title: '讲话' },
  doc: docOf(['title', '讲话'], ...body.map((text) => [0, text] as [number, string])).toJSON(),
});
const folderFiles = async () => (await readdir(path.join(snapshotsDir, folderNameFor(target())))).sort();

beforeEach(() => {
  snapshotsDir = path.join(temp.path, 'user', 'snapshots');
  clock = new Date('2026-03-10T02:00:00.000Z');
});

describe('thinSnapshots', () => {
  // 2026-03-10T02:00Z is 10:00 on Tuesday 10 March in UTC+8.
  const now = new Date('2026-03-10T02:00:00.000Z');
  const at = (id: string, iso: string, kind: 'auto' | 'named' = 'auto'): ThinnableEntry => ({
    snapshotId: id,
    kind,
    savedAt: iso,
  });

  it('keeps every snapshot from today, and the newest of each earlier day for a month', () => {
    const entries = [
      at('today-1', '2026-03-09T16:30:00Z'), // 00:30 on the 10th in UTC+8: today
      at('today-2', '2026-03-10T01:59:00Z'),
      at('yesterday-early', '2026-03-09T01:00:00Z'),
      at('yesterday-late', '2026-03-09T15:00:00Z'), // 23:00 on the 9th in UTC+8
      at('feb-20-a', '2026-02-20T03:00:00Z'),
      at('feb-20-b', '2026-02-20T04:00:00Z'),
    ];
    expect([...thinSnapshots(entries, now, 480)].sort()).toEqual(['feb-20-b', 'today-1', 'today-2', 'yesterday-late']);
    // In UTC, 16:30 on the 9th is yesterday, and the newest of that day.
    expect([...thinSnapshots(entries, now, 0)].sort()).toEqual(['feb-20-b', 'today-1', 'today-2']);
  });

  it('keeps the newest of each Monday-to-Sunday week before that, and every named snapshot', () => {
    const entries = [
      at('mon', '2026-01-05T02:00:00Z'), // Monday 5 January
      at('sun', '2026-01-11T02:00:00Z'), // Sunday 11 January, same week
      at('next-mon', '2026-01-12T02:00:00Z'),
      at('送审稿', '2026-01-05T01:00:00Z', 'named'),
      at('定稿', '2025-06-01T00:00:00Z', 'named'),
    ];
    expect([...thinSnapshots(entries, now, 480)].sort()).toEqual(['next-mon', 'sun', '定稿', '送审稿'].sort());
  });

  it(`counts ${DAILY_DAYS} days before today as daily, and the day before those as weekly`, () => {
    const day = (n: number, hour: number) => new Date(Date.UTC(2026, 2, 10 - n, hour - 8)).toISOString();
    const entries = [
      at('d30-a', day(DAILY_DAYS, 9)),
      at('d30-b', day(DAILY_DAYS, 10)),
      at('d31-a', day(DAILY_DAYS + 1, 9)),
      at('d31-b', day(DAILY_DAYS + 1, 10)),
    ];
    // Day 30 before 10 March is 8 February (a Sunday); day 31, 7 February, is in the same week but weekly.
    expect([...thinSnapshots(entries, now, 480)].sort()).toEqual(['d30-b', 'd31-b']);
  });

  it('keeps snapshots dated in the future and those whose time does not parse', () => {
    const entries = [
      at('future', '2027-01-01T00:00:00Z'),
      at('broken', 'not a time'),
      at('old', '2020-01-01T00:00:00Z'),
    ];
    expect([...thinSnapshots(entries, now, 0)].sort()).toEqual(['broken', 'future', 'old']);
  });

  it('never removes more when run again later than when run once then (any entries, any times)', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const entry = fc.record({ offset: fc.integer({ min: 0, max: 400 * DAY }), named: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 60 }),
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.integer({ min: 0, max: 100 * DAY }),
        fc.integer({ min: -720, max: 840 }),
        (specs, t1, later, offset) => {
          const entries = specs.map((spec, i) =>
            at(`s${i}`, new Date(start + spec.offset).toISOString(), spec.named ? 'named' : 'auto'),
          );
          const first = new Date(start + t1);
          const second = new Date(start + t1 + later);
          const once = thinSnapshots(entries, first, offset);
          for (const e of entries) if (e.kind === 'named') expect(once.has(e.snapshotId)).toBe(true);
          const kept = entries.filter((e) => once.has(e.snapshotId));
          expect([...thinSnapshots(kept, second, offset)].sort()).toEqual(
            [...thinSnapshots(entries, second, offset)].sort(),
          );
          expect([...thinSnapshots(kept, first, offset)].sort()).toEqual([...once].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SnapshotStore', () => {
  it('keeps a snapshot per save, newest first, with time, kind, size and characters, and reads each back', async () => {
    const snapshots = store();
    const first = await snapshots.add(target(), speech('第一稿'), { kind: 'auto' });
    clock = new Date(clock.getTime() + 60_000);
    const second = await snapshots.add(target(), speech('第二稿，改了'), { kind: 'auto' });
    expect(first).toEqual({
      snapshotId: first.snapshotId,
      kind: 'auto',
      savedAt: '2026-03-10T02:00:00.000Z',
      size: Buffer.byteLength(serializeSpeechFile(speech('第一稿'))),
      characters: 5,
    });
    expect(await snapshots.list(target())).toEqual([second, first]);
    expect((await snapshots.read(target(), first.snapshotId)).file).toEqual(speech('第一稿'));
    expect(await snapshots.read(target(), second.snapshotId)).toEqual({ entry: second, file: speech('第二稿，改了') });
    // Nothing beside the user's file.
    expect(await readdir(temp.path)).toEqual(['user']);
  });

  it('counts a version as the status bar counts its text: punctuation 0, heading numbers in (one outline total)', async () => {
    const snapshots = store();
    const doc = docOf(['title', '讲话'], [1, '统一思想'], [0, '我们要，抓好2026年的工作！']);
    const file: SpeechFile = { ...speech(), doc: doc.toJSON() };
    const entry = await snapshots.add(target(), file, { kind: 'auto' });
    // 讲话 2 + 一、统一思想 5 + 我们要抓好 5, 2026 1, 年的工作 4: 17, where the text has 22 characters.
    expect(buildOutline(doc).total).toBe(17);
    expect(entry.characters).toBe(17);
    expect((await snapshots.list(target()))[0]!.characters).toBe(17);
    expect((await snapshots.read(target(), entry.snapshotId)).entry.characters).toBe(17);
  });

  it('measures a version kept before its length was stored from its text, as the status bar would', async () => {
    const snapshots = store();
    const doc = docOf(['title', '讲话'], [1, '统一思想'], [0, '我们要，抓好工作！']);
    const file: SpeechFile = { ...speech(), doc: doc.toJSON() };
    const entry = await snapshots.add(target(), file, { kind: 'auto' });
    // An index as an older Lectern wrote it: characters of text, punctuation included, and no length.
    const index = path.join(snapshotsDir, folderNameFor(target()), 'index.json');
    const old = JSON.parse(await readFile(index, 'utf8')) as { entries: Array<Record<string, unknown>> };
    for (const record of old.entries) delete record.length;
    await writeFile(index, JSON.stringify(old));
    const fresh = store();
    expect((await fresh.list(target()))[0]!.characters).toBe(entry.characters);
    // Measured once: the index keeps the length from then on.
    expect((JSON.parse(await readFile(index, 'utf8')) as typeof old).entries[0]!.length).toBe(entry.characters);
    expect((await fresh.read(target(), entry.snapshotId)).entry.characters).toBe(entry.characters);
    // 讲话 2 + 一、统一思想 5 + 我们要抓好工作 7, where the older index said 15 (the text's characters).
    expect(entry.characters).toBe(14);
    expect(old.entries[0]!.characters).toBe(15);
  });

  it('adds nothing for a save that changed nothing, but always keeps a named snapshot', async () => {
    const snapshots = store();
    const first = await snapshots.add(target(), speech('正文'), { kind: 'auto' });
    expect(await snapshots.add(target(), speech('正文'), { kind: 'auto' })).toEqual(first);
    const named = await snapshots.add(target(), speech('正文'), { kind: 'named', name: '  送审稿  ' });
    expect(named).toMatchObject({ kind: 'named', name: '送审稿' });
    expect((await snapshots.list(target())).length).toBe(2);
  });

  it('keeps one folder per document file, named by a hash of its path', async () => {
    const snapshots = store();
    await snapshots.add(target(), speech('甲'), { kind: 'auto' });
    await snapshots.add(path.join(temp.path, '另一篇.speech'), speech('乙'), { kind: 'auto' });
    expect((await snapshots.list(target())).length).toBe(1);
    expect((await readdir(snapshotsDir)).sort()).toEqual(
      [folderNameFor(target()), folderNameFor(path.join(temp.path, '另一篇.speech'))].sort(),
    );
    expect(folderNameFor('C:\\Docs\\A.speech', 'win32')).toBe(folderNameFor('c:\\docs\\a.speech', 'win32'));
    expect(await snapshots.list(path.join(temp.path, 'none.speech'))).toEqual([]);
  });

  it('stores hundreds of snapshots of a long speech in a few percent of what gzipped copies would take', async () => {
    const snapshots = store();
    // 600 paragraphs of 200 varied characters (120,000 in all): text that compresses like real prose, not like a
    // repeated line.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const paragraph = () =>
      Array.from({ length: 200 }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 3000))).join('');
    const paragraphs = Array.from({ length: 600 }, paragraph);
    const oneCompressed = gzipSync(serializeSpeechFile(speech(...paragraphs))).length;
    for (let n = 0; n < 200; n++) {
      paragraphs[(n * 37) % paragraphs.length] = paragraph();
      clock = new Date(clock.getTime() + 1000);
      await snapshots.add(target(), speech(...paragraphs), { kind: 'auto' });
    }
    const folder = path.join(snapshotsDir, folderNameFor(target()));
    let total = 0;
    for (const file of await readdir(folder)) total += (await stat(path.join(folder, file))).size;
    expect((await snapshots.list(target())).length).toBe(200);
    expect(total).toBeLessThan(200 * oneCompressed * 0.05);
    const oldest = (await snapshots.list(target())).at(-1)!;
    expect((await snapshots.read(target(), oldest.snapshotId)).file.doc.content).toHaveLength(601);
    expect((await snapshots.read(target(), (await snapshots.list(target()))[0]!.snapshotId)).file).toEqual(
      speech(...paragraphs),
    );
  }, 60_000);

  it('thins old automatic snapshots on add, keeps named ones, and deletes the parts nobody needs', async () => {
    const snapshots = store();
    clock = new Date('2026-01-01T02:00:00Z');
    await snapshots.add(target(), speech('一月一日早'), { kind: 'auto' });
    clock = new Date('2026-01-01T02:30:00Z');
    const middle = await snapshots.add(target(), speech('一月一日中'), { kind: 'auto' });
    clock = new Date('2026-01-01T03:00:00Z');
    const newestOfDay = await snapshots.add(target(), speech('一月一日晚'), { kind: 'auto' });
    clock = new Date('2026-01-01T04:00:00Z');
    const named = await snapshots.add(target(), speech('定稿内容'), { kind: 'named', name: '定稿' });
    expect((await snapshots.list(target())).length).toBe(4);
    clock = new Date('2026-01-05T02:00:00Z');
    const today = await snapshots.add(target(), speech('一月五日'), { kind: 'auto' });
    expect((await snapshots.list(target())).map((entry) => entry.snapshotId)).toEqual([
      today.snapshotId,
      named.snapshotId,
      newestOfDay.snapshotId,
    ]);
    const files = await folderFiles();
    expect(files.filter((name) => name.endsWith('.snap.gz'))).toHaveLength(3);
    // The pack of a thinned snapshot that held only its own paragraph is gone; the first one's
    // also holds the title every later snapshot needs, so it stays.
    expect(files).not.toContain(`${middle.snapshotId}.pack.gz`);
    expect(files.filter((name) => name.endsWith('.pack.gz'))).toHaveLength(4);
    expect((await snapshots.read(target(), newestOfDay.snapshotId)).file).toEqual(speech('一月一日晚'));
    expect((await snapshots.read(target(), named.snapshotId)).file).toEqual(speech('定稿内容'));
  });

  it('deletes a snapshot on request', async () => {
    const snapshots = store();
    const entry = await snapshots.add(target(), speech('甲'), { kind: 'named', name: '送审稿' });
    expect(await snapshots.remove(target(), entry.snapshotId)).toBe(true);
    expect(await snapshots.remove(target(), entry.snapshotId)).toBe(false);
    expect(await snapshots.list(target())).toEqual([]);
    expect((await folderFiles()).filter((name) => name.endsWith('.gz'))).toEqual([]);
  });

  it('refuses a document that would not open, and answers not-found for an unknown or malformed id', async () => {
    const snapshots = store();
    const bad = { ...speech(), doc: { type: 'doc', content: [{ type: 'no-such-node' }] } };
    await expect(snapshots.add(target(), bad, { kind: 'auto' })).rejects.toBeInstanceOf(SpeechFileError);
    await snapshots.add(target(), speech('甲'), { kind: 'auto' });
    await expect(snapshots.read(target(), 'zzzz-00000000')).rejects.toMatchObject({ code: 'not-found' });
    await expect(snapshots.read(target(), '../../index')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rebuilds a missing or damaged index from the snapshot files', async () => {
    const snapshots = store();
    const a = await snapshots.add(target(), speech('甲'), { kind: 'auto' });
    clock = new Date(clock.getTime() + 1000);
    const b = await snapshots.add(target(), speech('甲', '乙'), { kind: 'named', name: '送审稿' });
    const index = path.join(snapshotsDir, folderNameFor(target()), 'index.json');
    await writeFile(index, '{"format":"lectern.snapshots",');
    expect(await store().list(target())).toEqual([b, a]);
    await unlink(index);
    expect((await store().read(target(), b.snapshotId)).file).toEqual(speech('甲', '乙'));
    // The next add writes a whole index again.
    await store().add(target(), speech('丙'), { kind: 'auto' });
    expect(JSON.parse(await readFile(index, 'utf8')).entries).toHaveLength(3);
  });

  it('never starts afresh over snapshots it cannot read: an unreadable index fails the add, a rebuilt one deletes nothing', async () => {
    const snapshots = store();
    const a = await snapshots.add(target(), speech('甲'), { kind: 'auto' });
    clock = new Date(clock.getTime() + 1000);
    const b = await snapshots.add(target(), speech('乙'), { kind: 'auto' });
    const before = await folderFiles();
    const readFileReal = fs.readFile;
    Object.assign(fs, {
      readFile: async (file: string) =>
        path.basename(file) === 'index.json'
          ? Promise.reject(Object.assign(new Error('EBUSY'), { code: 'EBUSY' }))
          : readFileReal(file),
    });
    clock = new Date(clock.getTime() + 1000);
    await expect(snapshots.add(target(), speech('丙'), { kind: 'auto' })).rejects.toMatchObject({ code: 'io' });
    Object.assign(fs, { readFile: readFileReal });
    expect((await folderFiles()).filter((name) => before.includes(name))).toEqual(before);
    expect(await snapshots.list(target())).toEqual([b, a]);
    // A damaged index and a snapshot file that cannot be read: the rebuilt index leaves it out, but nothing is deleted.
    const folder = path.join(snapshotsDir, folderNameFor(target()));
    await writeFile(path.join(folder, 'index.json'), 'damaged');
    await writeFile(path.join(folder, `${a.snapshotId}.snap.gz`), 'not gzip');
    clock = new Date(clock.getTime() + 1000);
    await snapshots.add(target(), speech('丁'), { kind: 'auto' });
    expect(await folderFiles()).toContain(`${a.snapshotId}.snap.gz`);
    expect((await snapshots.list(target())).map((entry) => entry.snapshotId)).not.toContain(a.snapshotId);
  });

  it('reports a snapshot whose parts are missing or damaged as damaged, and still lists the others', async () => {
    const snapshots = store();
    const a = await snapshots.add(target(), speech('甲'), { kind: 'auto' });
    clock = new Date(clock.getTime() + 1000);
    const b = await snapshots.add(target(), speech('乙'), { kind: 'auto' });
    const folder = path.join(snapshotsDir, folderNameFor(target()));
    await unlink(path.join(folder, `${b.snapshotId}.pack.gz`));
    await expect(snapshots.read(target(), b.snapshotId)).rejects.toBeInstanceOf(SnapshotError);
    await expect(snapshots.read(target(), b.snapshotId)).rejects.toMatchObject({ code: 'damaged' });
    // A pack whose block no longer matches its hash (bit rot, a hand edit).
    const packFile = path.join(folder, `${a.snapshotId}.pack.gz`);
    const { gunzipSync } = await import('node:zlib');
    const pack = JSON.parse(gunzipSync(await readFile(packFile)).toString('utf8')) as Record<
      string,
      { content?: Array<{ text: string }> }
    >;
    for (const block of Object.values(pack)) if (block.content?.[0]?.text === '甲') block.content[0].text = '丁';
    await writeFile(packFile, gzipSync(JSON.stringify(pack)));
    await expect(snapshots.read(target(), a.snapshotId)).rejects.toMatchObject({ code: 'damaged' });
    await writeFile(path.join(folder, `${a.snapshotId}.snap.gz`), 'not gzip');
    await expect(snapshots.read(target(), a.snapshotId)).rejects.toMatchObject({ code: 'damaged' });
    expect((await snapshots.list(target())).map((entry) => entry.snapshotId)).toEqual([b.snapshotId, a.snapshotId]);
  });

  it('stores the paragraphs of a pack that went missing or was damaged again, so later snapshots stay readable', async () => {
    const snapshots = store();
    const folder = path.join(snapshotsDir, folderNameFor(target()));
    const a = await snapshots.add(target(), speech('甲', '乙'), { kind: 'auto' });
    await unlink(path.join(folder, `${a.snapshotId}.pack.gz`));
    clock = new Date(clock.getTime() + 1000);
    const b = await snapshots.add(target(), speech('甲', '乙', '丙'), { kind: 'auto' });
    expect((await snapshots.read(target(), b.snapshotId)).file).toEqual(speech('甲', '乙', '丙'));
    // The lost pack left the index; its paragraphs, stored again, make the first snapshot whole too.
    expect(JSON.parse(await readFile(path.join(folder, 'index.json'), 'utf8')).packs).not.toHaveProperty(a.snapshotId);
    expect((await snapshots.read(target(), a.snapshotId)).file).toEqual(speech('甲', '乙'));
    // A damaged pack (after it was checked once: the check is made again when the file changed), in a new run too.
    clock = new Date(clock.getTime() + 1000);
    await snapshots.add(target(), speech('甲', '乙', '丙', '丁'), { kind: 'auto' });
    await writeFile(path.join(folder, `${b.snapshotId}.pack.gz`), 'not gzip');
    for (const [run, body] of [
      [snapshots, '戊'],
      [store(), '己'],
    ] as const) {
      clock = new Date(clock.getTime() + 1000);
      const next = await run.add(target(), speech('甲', '乙', '丙', body), { kind: 'auto' });
      expect((await run.read(target(), next.snapshotId)).file).toEqual(speech('甲', '乙', '丙', body));
    }
  });

  it('keeps the old state when the index cannot be written, and sweeps the leftovers on the next add', async () => {
    const snapshots = store();
    const a = await snapshots.add(target(), speech('甲'), { kind: 'auto' });
    const rename = fs.rename;
    Object.assign(fs, {
      rename: async (from: string, to: string) =>
        path.basename(to) === 'index.json'
          ? Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }))
          : rename(from, to),
    });
    clock = new Date(clock.getTime() + 1000);
    await expect(snapshots.add(target(), speech('乙'), { kind: 'auto' })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await snapshots.list(target())).toEqual([a]);
    expect((await folderFiles()).filter((name) => name.endsWith('.gz'))).toHaveLength(5);
    Object.assign(fs, { rename });
    clock = new Date(clock.getTime() + 1000);
    const c = await snapshots.add(target(), speech('丙'), { kind: 'auto' });
    expect(await snapshots.list(target())).toEqual([c, a]);
    expect((await folderFiles()).filter((name) => name.endsWith('.gz'))).toHaveLength(5);
  });
});
