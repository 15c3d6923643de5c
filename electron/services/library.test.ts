import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { docFromJSON, type NodeJSON } from '../../shared/document/file-format';
import { docOf } from '../../shared/document/test-docs';
import {
  LIBRARY_ENTRY_FORMAT,
  LIBRARY_ENTRY_VERSION,
  MAX_LIBRARY_ENTRY_BYTES,
  parseLibraryBundle,
  parseLibraryEntry,
  serializeLibraryEntry,
} from '../../shared/library/entry';
import { OUTLINE_PROMPT, extractOutline, sectionSlice } from '../../shared/library/extract';
import { builtinTemplates } from '../../shared/library/builtin-templates';
import { faultyFileSystem } from './fault-fs';
import { nodeFileSystem, type FileSystem } from './file-system';
import { LibraryError, LibraryService, LibraryStore } from './library';
import type { Dialogs } from './types';
import { tempDirEach } from './test-dir';

const temp = tempDirEach('lectern-library-');
let folder: string;
let ids: number;

const store = (fs: FileSystem = nodeFileSystem, where = folder) =>
  new LibraryStore({ folder: where, fs, now: () => new Date('2026-07-15T08:00:00Z'), newId: () => `entry-${++ids}` });

const speech = () =>
  docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    ['salutation', '同志们：'],
    [0, '这次会议的主要任务是……'],
    [1, '统一思想认识'],
    [0, '今年以来……'],
    [2, '充分认识重要意义。XX工作事关大局。', 'runIn'],
    [1, '突出工作重点'],
    [0, '一要抓好项目建设。坚持把项目建设作为总抓手。'],
  ).toJSON() as NodeJSON;

const own = async (s: LibraryStore) => (await s.list()).entries.filter((e) => !e.builtIn);
const files = async () => (await readdir(folder)).sort();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof LibraryError ? error.code : `not a LibraryError: ${String(error)}`;
  }
  return 'no error';
}

beforeEach(() => {
  folder = path.join(temp.path, 'user', 'library');
  ids = 0;
});

describe('the library store', () => {
  it('lists the built-in templates, read-only, when the library folder does not exist yet', async () => {
    const { entries, notices } = await store().list();
    expect(notices).toEqual([]);
    expect(entries.length).toBe(builtinTemplates().entries.length);
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.every((e) => e.builtIn && e.id.startsWith('builtin-') && e.headings >= 3)).toBe(true);
    expect(await codeOf(store().update(entries[0]!.id, { name: '改名' }))).toBe('read-only');
    expect(await codeOf(store().remove(entries[0]!.id))).toBe('read-only');
  });

  it('saves the whole speech or one section, as an outline or in full, one validated file per entry', async () => {
    const library = store();
    const outline = await library.create({
      name: '推进会提纲',
      occasion: '推进会',
      year: 2026,
      kind: 'outline',
      doc: speech(),
    });
    expect(outline).toMatchObject({
      id: 'entry-1',
      name: '推进会提纲',
      occasion: '推进会',
      year: 2026,
      kind: 'outline',
      builtIn: false,
      headings: 3,
      createdAt: '2026-07-15T08:00:00.000Z',
    });
    const section = await library.create({ name: '  重点工作  ', kind: 'full', doc: speech(), section: 6 });
    expect(section.name).toBe('重点工作');
    expect(await files()).toEqual(['entry-1.json', 'entry-2.json']);
    const onDisk = parseLibraryEntry(await readFile(path.join(folder, 'entry-1.json'), 'utf8'));
    expect(onDisk.entry.doc).toEqual(extractOutline(docFromJSON(speech())));
    expect(JSON.stringify(onDisk.entry.doc)).toContain(OUTLINE_PROMPT);
    expect((await library.read('entry-2'))!.entry.doc).toEqual(sectionSlice(docFromJSON(speech()), 6));
    expect((await own(library)).map((e) => e.name)).toEqual(['推进会提纲', '重点工作']);
  });

  it('refuses a bad name, a block that heads no section and an invalid document, writing nothing', async () => {
    const library = store();
    expect(await codeOf(library.create({ name: '   ', kind: 'outline', doc: speech() }))).toBe('invalid');
    expect(await codeOf(library.create({ name: '甲', kind: 'outline', doc: speech(), section: 2 }))).toBe(
      'not-a-heading',
    );
    expect(
      await codeOf(
        library.create({
          name: '甲',
          kind: 'full',
          doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 9 } }] },
        }),
      ),
    ).toBe('invalid');
    expect(await codeOf(library.create({ name: '甲', kind: 'full', doc: { type: 'doc', content: [] } }))).toBe(
      'invalid',
    );
    expect(
      await codeOf(
        library.read('../../etc/passwd').then((r) => r ?? Promise.reject(new LibraryError('not-found', ''))),
      ),
    ).toBe('not-found');
    await expect(readdir(folder)).rejects.toThrow();
  });

  it('skips corrupt, foreign, newer, oversized and unreadable entry files with a notice each, listing the rest', async () => {
    const library = store();
    await library.create({ name: '好条目', kind: 'outline', doc: speech() });
    const good = await readFile(path.join(folder, 'entry-1.json'), 'utf8');
    await writeFile(path.join(folder, 'broken.json'), '{"format":"lectern.library-entry", "vers');
    await writeFile(path.join(folder, 'speech.json'), '{"format":"lectern.speech","version":1}');
    await writeFile(
      path.join(folder, 'newer.json'),
      good.replace(`"version": ${LIBRARY_ENTRY_VERSION}`, '"version": 7').replace('entry-1', 'newer'),
    );
    await writeFile(
      path.join(folder, 'level.json'),
      good.replace('entry-1', 'level').replace('"level": 1', '"level": 9'),
    );
    await writeFile(path.join(folder, 'huge.json'), Buffer.alloc(MAX_LIBRARY_ENTRY_BYTES + 1, 0x20));
    await mkdir(path.join(folder, 'folder.json'));
    // Not entries at all: a leftover temporary file of an interrupted save, and other files.
    await writeFile(path.join(folder, '.entry-9.json.abc123.tmp'), 'half');
    await writeFile(path.join(folder, 'readme.txt'), 'hello');
    const { entries, notices } = await library.list();
    expect(entries.filter((e) => !e.builtIn).map((e) => e.name)).toEqual(['好条目']);
    expect(notices.map((n) => [n.file, n.code])).toEqual([
      ['broken.json', 'not-json'],
      ['folder.json', 'io'],
      ['huge.json', 'too-large'],
      ['level.json', 'invalid-content'],
      ['newer.json', 'newer-version'],
      ['speech.json', 'not-library'],
    ]);
    expect(notices.find((n) => n.file === 'level.json')!.message).toContain('level 9');
    // Nothing was rewritten or removed.
    expect(await readFile(path.join(folder, 'broken.json'), 'utf8')).toBe('{"format":"lectern.library-entry", "vers');
    expect((await library.read('entry-1'))!.entry.name).toBe('好条目');
  });

  it('lists an entry copied under another file name once, keeping the file named after its id, and a built-in id never', async () => {
    const library = store();
    const entry = await library.create({ name: '原件', kind: 'outline', doc: speech() });
    // "aaa.json" sorts before "entry-1.json": the original must still win.
    await copyFile(path.join(folder, 'entry-1.json'), path.join(folder, 'aaa.json'));
    const text = await readFile(path.join(folder, 'entry-1.json'), 'utf8');
    await writeFile(path.join(folder, 'fake.json'), text.replace('"id": "entry-1"', '"id": "builtin-work-meeting"'));
    const { entries, notices } = await library.list();
    expect(entries.filter((e) => !e.builtIn)).toEqual([entry]);
    expect(notices.map((n) => [n.file, n.code])).toEqual([
      ['aaa.json', 'duplicate'],
      ['fake.json', 'duplicate'],
    ]);
    expect(notices[0]!.message).toContain('entry-1.json');
    // A change goes to the original file.
    await library.update('entry-1', { name: '原件二' });
    expect(parseLibraryEntry(await readFile(path.join(folder, 'entry-1.json'), 'utf8')).entry.name).toBe('原件二');
    expect(parseLibraryEntry(await readFile(path.join(folder, 'aaa.json'), 'utf8')).entry.name).toBe('原件');
  });

  it('lists the templates with a notice when the library folder cannot be read', async () => {
    await mkdir(path.dirname(folder), { recursive: true });
    await writeFile(folder, 'a file where the folder should be');
    const { entries, notices } = await store().list();
    expect(entries.length).toBe(builtinTemplates().entries.length);
    expect(notices).toEqual([{ file: 'library', code: 'not-found', message: expect.stringContaining('ENOTDIR') }]);
  });

  it('lists two entries of the same name side by side', async () => {
    const library = store();
    await library.create({ name: '提纲', kind: 'outline', doc: speech() });
    await library.create({ name: '提纲', kind: 'full', doc: speech() });
    expect((await own(library)).map((e) => [e.id, e.name, e.kind])).toEqual([
      ['entry-1', '提纲', 'outline'],
      ['entry-2', '提纲', 'full'],
    ]);
  });

  it('searches by name, occasion tag, year and text', async () => {
    const library = store();
    await library.create({ name: '推进会提纲', occasion: '推进会', year: 2025, kind: 'outline', doc: speech() });
    await library.create({
      name: '党课',
      occasion: '党课',
      year: 2026,
      kind: 'full',
      doc: docOf(['title', '坚定理想信念'], [1, '深刻理解丰富内涵']).toJSON() as NodeJSON,
    });
    const names = async (filter: Parameters<LibraryStore['list']>[0]) =>
      (await library.list(filter)).entries.filter((e) => !e.builtIn).map((e) => e.name);
    expect(await names({ query: '推进' })).toEqual(['推进会提纲']);
    expect(await names({ query: '丰富内涵' })).toEqual(['党课']);
    expect(await names({ query: '2026' })).toEqual(['党课']);
    expect(await names({ occasion: '推进会' })).toEqual(['推进会提纲']);
    expect(await names({ year: 2025 })).toEqual(['推进会提纲']);
    expect(await names({ query: '统一思想 2025' })).toEqual(['推进会提纲']);
    expect(await names({ query: '没有这个词' })).toEqual([]);
    // Built-in templates are searched too.
    expect((await library.list({ query: '表彰大会' })).entries.some((e) => e.builtIn)).toBe(true);
  });

  it('renames and retags an entry, clearing a tag with null, and refuses bad values', async () => {
    let now = new Date('2026-07-15T08:00:00Z');
    const library = new LibraryStore({ folder, fs: nodeFileSystem, now: () => now, newId: () => `entry-${++ids}` });
    await library.create({ name: '甲', occasion: '推进会', year: 2025, kind: 'outline', doc: speech() });
    now = new Date('2026-07-16T08:00:00Z');
    const updated = await library.update('entry-1', { name: '乙', occasion: '座谈会', year: null });
    expect(updated).toMatchObject({
      name: '乙',
      occasion: '座谈会',
      modifiedAt: '2026-07-16T08:00:00.000Z',
      createdAt: '2026-07-15T08:00:00.000Z',
    });
    expect(updated.year).toBeUndefined();
    expect((await library.update('entry-1', { occasion: null })).occasion).toBeUndefined();
    expect(await codeOf(library.update('entry-1', { year: 1800 }))).toBe('invalid');
    expect(await codeOf(library.update('entry-1', { name: '' }))).toBe('invalid');
    expect(await codeOf(library.update('entry-404', { name: '丙' }))).toBe('not-found');
    expect(await codeOf(library.update('../x', { name: '丙' }))).toBe('not-found');
    expect(parseLibraryEntry(await readFile(path.join(folder, 'entry-1.json'), 'utf8')).entry).toMatchObject({
      name: '乙',
    });
  });

  it('duplicates a built-in template into an editable copy, naming copies apart', async () => {
    const library = store();
    const template = builtinTemplates().entries[0]!;
    const copy = await library.duplicate(template.id);
    expect(copy).toMatchObject({
      id: 'entry-1',
      name: `${template.name}（副本）`,
      builtIn: false,
      occasion: template.occasion,
    });
    expect((await library.duplicate(template.id)).name).toBe(`${template.name}（副本）（2）`);
    expect((await library.read('entry-1'))!.entry.doc).toEqual(template.doc);
    expect((await library.update('entry-1', { name: '我的工作会议提纲' })).name).toBe('我的工作会议提纲');
    expect(await codeOf(library.duplicate('builtin-nothing'))).toBe('not-found');
  });

  it('deletes an entry and restores it as it was for the rest of the session', async () => {
    const library = store();
    await library.create({ name: '甲', kind: 'outline', doc: speech() });
    const before = await readFile(path.join(folder, 'entry-1.json'), 'utf8');
    expect((await library.remove('entry-1')).name).toBe('甲');
    expect(await files()).toEqual([]);
    expect(await own(library)).toEqual([]);
    expect((await library.restore('entry-1')).name).toBe('甲');
    expect(await readFile(path.join(folder, 'entry-1.json'), 'utf8')).toBe(before);
    expect(await codeOf(library.restore('entry-1'))).toBe('not-found');
    expect(await codeOf(library.remove('entry-404'))).toBe('not-found');
    // Another session (a new store) has nothing to restore.
    await library.remove('entry-1');
    expect(await codeOf(store().restore('entry-1'))).toBe('not-found');
  });

  it('writes atomically: a full disk leaves the entry as it was and no temporary file', async () => {
    await store().create({ name: '甲', kind: 'outline', doc: speech() });
    const before = await readFile(path.join(folder, 'entry-1.json'), 'utf8');
    const faulty = faultyFileSystem({ enospcMidWrite: true });
    expect(await codeOf(store(faulty).update('entry-1', { name: '乙' }))).toBe('disk-full');
    expect(await readFile(path.join(folder, 'entry-1.json'), 'utf8')).toBe(before);
    expect(await files()).toEqual(['entry-1.json']);
    expect(faulty.ops.filter((op) => op.startsWith('open') && op.includes('entry-1.json.'))).toHaveLength(1);
    const readOnly = faultyFileSystem({ openError: 'EROFS' });
    expect(await codeOf(store(readOnly).create({ name: '丙', kind: 'outline', doc: speech() }))).toBe('read-only');
    expect(await files()).toEqual(['entry-1.json']);
  });

  it('keeps every entry saved at once', async () => {
    const library = store();
    await Promise.all(
      ['甲', '乙', '丙', '丁', '戊'].map((name) => library.create({ name, kind: 'outline', doc: speech() })),
    );
    expect((await own(library)).map((e) => e.name).sort()).toEqual(['丁', '丙', '乙', '戊', '甲'].sort());
  });
});

describe('library bundles', () => {
  async function seeded(): Promise<LibraryStore> {
    const library = store();
    await library.create({ name: '推进会提纲', occasion: '推进会', kind: 'outline', doc: speech() });
    await library.create({ name: '重点工作', kind: 'full', doc: speech(), section: 6 });
    return library;
  }

  it('export chosen entries, built-in ones too, and import them into another library as they were', async () => {
    const library = await seeded();
    const { text, count } = await library.exportBundle(['entry-2', 'builtin-party-lecture', 'entry-2']);
    expect(count).toBe(2);
    const other = store(nodeFileSystem, path.join(temp.path, 'other'));
    const outcome = await other.importBundle(text, 'keep-both');
    expect(outcome).toEqual({
      added: ['重点工作', builtinTemplates().entries.find((e) => e.id === 'builtin-party-lecture')!.name],
      replaced: [],
      replacedIds: [],
      renamed: [],
      skipped: [],
    });
    const imported = await own(other);
    // The user entry keeps its id; a built-in one becomes an editable entry with a new id.
    expect(imported.map((e) => e.id).sort()).toEqual(['entry-2', 'entry-3']);
    expect((await other.read('entry-2'))!.entry.doc).toEqual((await library.read('entry-2'))!.entry.doc);
    expect(await codeOf(library.exportBundle(['entry-404']))).toBe('not-found');
  });

  it('report name conflicts, then keep both under a new name or replace the content keeping the id', async () => {
    const library = await seeded();
    const { text } = await library.exportBundle(['entry-1']);
    const changed = text.replace('统一思想认识', '坚定发展信心');
    expect(await library.conflicts(changed)).toEqual(['推进会提纲']);
    const kept = await library.importBundle(changed, 'keep-both');
    expect(kept).toMatchObject({
      added: ['推进会提纲（2）'],
      renamed: [{ from: '推进会提纲', to: '推进会提纲（2）' }],
      replaced: [],
    });
    expect((await own(library)).map((e) => e.name)).toEqual(['推进会提纲', '推进会提纲（2）', '重点工作']);
    const replaced = await library.importBundle(changed.replace('坚定发展信心', '凝聚奋进力量'), 'replace');
    expect(replaced).toMatchObject({ added: [], replaced: ['推进会提纲'] });
    const entry = (await library.read('entry-1'))!.entry;
    expect(JSON.stringify(entry.doc)).toContain('凝聚奋进力量');
    expect(entry.createdAt).toBe('2026-07-15T08:00:00.000Z');
    expect((await own(library)).length).toBe(3);
  });

  it('replace: two entries of one name each replace their own (by id), never both one file; a second of a name just added is kept beside it', async () => {
    const library = store();
    await library.create({ name: '同名', kind: 'outline', doc: speech() });
    await library.create({ name: '同名', kind: 'outline', doc: speech() });
    const bundle = JSON.parse((await library.exportBundle(['entry-1', 'entry-2'])).text);
    // The bundle's order is the reverse of the library's: matching by id, not the first by name.
    bundle.entries.reverse();
    bundle.entries[0].doc.content[1].content[0].text = '第二个的文字';
    bundle.entries[1].doc.content[1].content[0].text = '第一个的文字';
    const outcome = await library.importBundle(JSON.stringify(bundle), 'replace');
    expect(outcome).toMatchObject({ added: [], replaced: ['同名', '同名'], replacedIds: ['entry-2', 'entry-1'] });
    expect(JSON.stringify((await library.read('entry-1'))!.entry.doc)).toContain('第一个的文字');
    expect(JSON.stringify((await library.read('entry-2'))!.entry.doc)).toContain('第二个的文字');
    // Three of one name against one user entry of it: the first replaces it, the others are kept beside it.
    const other = store(nodeFileSystem, path.join(temp.path, 'other'));
    await other.create({ name: '同名', kind: 'outline', doc: speech() });
    const three = JSON.parse((await library.exportBundle(['entry-1', 'entry-2', 'entry-2'])).text);
    three.entries.push({ ...three.entries[1], id: 'entry-x' });
    const result = await other.importBundle(JSON.stringify(three), 'replace');
    expect(result.replaced).toEqual(['同名']);
    expect(result.added).toEqual(['同名（2）', '同名（3）']);
    const texts = await Promise.all(
      (await own(other)).map(async (e) => JSON.stringify((await other.read(e.id))!.entry.doc)),
    );
    expect(texts.filter((t) => t.includes('第一个的文字'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('第二个的文字'))).toHaveLength(2);
  });

  it('never writes over a file it could not read, nor one whose name differs only by case; restore never overwrites either', async () => {
    const library = await seeded();
    const { text } = await library.exportBundle(['entry-1']);
    const entry1 = await readFile(path.join(folder, 'entry-1.json'), 'utf8');
    // A newer version's file named like the imported id, and a damaged one named like it but for case.
    const newer = entry1
      .replace(`"version": ${LIBRARY_ENTRY_VERSION}`, '"version": 7')
      .replace(/"id": "entry-1"/, '"id": "newer-1"');
    await writeFile(path.join(folder, 'newer-1.json'), newer);
    await writeFile(path.join(folder, 'Damaged-1.json'), '{ not json');
    const bundle = JSON.parse(text);
    const other = (id: string, name: string) => ({ ...bundle.entries[0], id, name });
    bundle.entries = [other('newer-1', '新一'), other('damaged-1', '新二'), other('ENTRY-2', '新三')];
    const outcome = await library.importBundle(JSON.stringify(bundle), 'keep-both');
    expect(outcome.added).toEqual(['新一', '新二', '新三']);
    expect(await readFile(path.join(folder, 'newer-1.json'), 'utf8')).toBe(newer);
    expect(await readFile(path.join(folder, 'Damaged-1.json'), 'utf8')).toBe('{ not json');
    const ids = (await own(library)).map((e) => e.id);
    expect(ids).not.toContain('newer-1');
    expect(ids).not.toContain('damaged-1');
    expect(ids).not.toContain('ENTRY-2');
    expect((await own(library)).map((e) => e.name).sort()).toEqual(
      ['推进会提纲', '新一', '新三', '新二', '重点工作'].sort(),
    );
    // A deleted entry whose file name is taken meanwhile comes back under a fresh id.
    await library.remove('entry-1');
    await writeFile(path.join(folder, 'Entry-1.json'), '{ also not json');
    const restored = await library.restore('entry-1');
    expect(restored.id).not.toBe('entry-1');
    expect(restored.name).toBe('推进会提纲');
    expect(await readFile(path.join(folder, 'Entry-1.json'), 'utf8')).toBe('{ also not json');
  });

  it('replace keeps the previous content in the session trash: restore(id) puts it back over the replacement', async () => {
    const library = await seeded();
    const before = await readFile(path.join(folder, 'entry-1.json'), 'utf8');
    const { text } = await library.exportBundle(['entry-1']);
    const outcome = await library.importBundle(text.replace('统一思想认识', '凝聚奋进力量'), 'replace');
    expect(outcome.replacedIds).toEqual(['entry-1']);
    expect(JSON.stringify((await library.read('entry-1'))!.entry.doc)).toContain('凝聚奋进力量');
    const restored = await library.restore('entry-1');
    expect(restored.id).toBe('entry-1');
    expect(await readFile(path.join(folder, 'entry-1.json'), 'utf8')).toBe(before);
    expect((await own(library)).length).toBe(2);
    expect(await codeOf(library.restore('entry-1'))).toBe('not-found');
  });

  it('import the good entries of a damaged bundle and name the damaged ones; refuse a file that is no bundle', async () => {
    const library = await seeded();
    const bundle = JSON.parse((await library.exportBundle(['entry-1', 'entry-2'])).text);
    bundle.entries[1].doc.content[0].attrs = { level: 12 };
    bundle.entries[0].name = '新名称';
    const other = store(nodeFileSystem, path.join(temp.path, 'other'));
    const outcome = await other.importBundle(JSON.stringify(bundle), 'keep-both');
    expect(outcome.added).toEqual(['新名称']);
    expect(outcome.skipped.map((p) => [p.index, p.name, p.code])).toEqual([[1, '重点工作', 'invalid-content']]);
    expect(await codeOf(other.importBundle('{"format":"lectern.speech"}', 'keep-both'))).toBe('not-library');
    expect(await codeOf(other.importBundle('garbage', 'replace'))).toBe('not-json');
    // A single entry file imports too.
    const single = serializeLibraryEntry({ ...(await library.read('entry-1'))!.entry, id: 'single', name: '单个' });
    expect((await other.importBundle(single, 'keep-both')).added).toEqual(['单个']);
    expect(parseLibraryBundle(single).entries[0]!.entry.format).toBe(LIBRARY_ENTRY_FORMAT);
  });
});

describe('the library service', () => {
  let answers: { open: Array<string | undefined>; save: Array<string | undefined> };
  const service = (library: LibraryStore) => {
    const dialogs: Dialogs = { showOpen: async () => answers.open.shift(), showSave: async () => answers.save.shift() };
    return new LibraryService({ store: library, dialogs, fs: nodeFileSystem });
  };

  beforeEach(() => {
    answers = { open: [], save: [] };
  });

  it('exports to the chosen file, adding .speechlib, and answers canceled and failed', async () => {
    const library = store();
    await library.create({ name: '甲', kind: 'outline', doc: speech() });
    const lib = service(library);
    answers.save.push(path.join(temp.path, '备份'));
    expect(await lib.exportToFile(1, ['entry-1'])).toEqual({ status: 'exported', name: '备份.speechlib', count: 1 });
    expect(parseLibraryBundle(await readFile(path.join(temp.path, '备份.speechlib'), 'utf8')).entries).toHaveLength(1);
    expect(await lib.exportToFile(1, ['entry-1'])).toEqual({ status: 'canceled' });
    expect(await lib.exportToFile(1, ['entry-9'])).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
    answers.save.push(path.join(temp.path, 'missing-folder', 'x.speechlib'));
    expect(await lib.exportToFile(1, ['entry-1'])).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
  });

  it('imports at once when nothing conflicts, else asks, then imports the same file as the user chose', async () => {
    const library = store();
    await library.create({ name: '甲', kind: 'outline', doc: speech() });
    await writeFile(
      path.join(temp.path, 'share.speechlib'),
      (await library.exportBundle(['entry-1', 'builtin-symposium'])).text,
    );
    const lib = service(library);
    answers.open.push(path.join(temp.path, 'share.speechlib'));
    const asked = await lib.importFromFile(1, {});
    expect(asked).toMatchObject({ status: 'conflicts', names: ['甲'], count: 1 });
    expect((await own(library)).length).toBe(1);
    const pendingId = asked.status === 'conflicts' ? asked.pendingId : '';
    // The file may change or go after the question: the answer imports what was asked about.
    await rm(path.join(temp.path, 'share.speechlib'));
    const done = await lib.importFromFile(1, { pendingId, onConflict: 'keep-both' });
    expect(done).toMatchObject({ status: 'imported', renamed: [{ from: '甲', to: '甲（2）' }] });
    expect((await own(library)).length).toBe(3);
    expect(await lib.importFromFile(1, { pendingId, onConflict: 'replace' })).toMatchObject({
      status: 'failed',
      error: { code: 'not-found' },
    });
    expect(await lib.importFromFile(1, {})).toEqual({ status: 'canceled' });
    answers.open.push(path.join(temp.path, 'nothing.speechlib'));
    expect(await lib.importFromFile(1, {})).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
    await writeFile(path.join(temp.path, 'bad.speechlib'), 'not json');
    answers.open.push(path.join(temp.path, 'bad.speechlib'));
    expect(await lib.importFromFile(1, {})).toMatchObject({ status: 'failed', error: { code: 'not-json' } });
  });

  it('answers store changes as saved or failed, never throwing', async () => {
    const lib = service(store());
    expect(await lib.change((s) => s.create({ name: '甲', kind: 'outline', doc: speech() }))).toMatchObject({
      status: 'saved',
      entry: { name: '甲' },
    });
    expect(await lib.change((s) => s.update('builtin-opening', { name: 'x' }))).toMatchObject({
      status: 'failed',
      error: { code: 'read-only' },
    });
  });
});
