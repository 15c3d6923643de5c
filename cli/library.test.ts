import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NodeJSON } from '../shared/document/file-format';
import { docOf } from '../shared/document/test-docs';
import { parseLibraryBundle } from '../shared/library/entry';
import { nodeFileSystem } from '../electron/services/file-system';
import { LibraryStore } from '../electron/services/library';
import { defaultUserData } from './library';
import { runCli } from './test-run';

let dir: string;
let folder: string;

const run = (argv: string[]) => runCli(argv);

const speech = () =>
  docOf(
    ['title', '在全市XX工作推进会上的讲话'],
    [1, '统一思想认识'],
    [0, '正文'],
    [1, '突出工作重点'],
    [0, '一要抓好项目建设。正文。'],
  ).toJSON() as NodeJSON;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-cli-library-'));
  folder = path.join(dir, 'library');
  const store = new LibraryStore({
    folder,
    fs: nodeFileSystem,
    newId: (() => {
      let n = 0;
      return () => `mine-${++n}`;
    })(),
  });
  await store.create({ name: '推进会提纲', occasion: '推进会', year: 2026, kind: 'outline', doc: speech() });
  return () => rm(dir, { recursive: true, force: true });
});

describe('lectern library', () => {
  it('lists the built-in templates and the user’s entries, one per line, and as JSON', async () => {
    const { status, stdout } = await run(['library', 'list', '--library', folder]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(11);
    expect(lines).toContain('mine-1\t推进会提纲\t推进会\t2026\t提纲');
    expect(lines[0]).toMatch(/^builtin-\S+\t.+\t.+\t-\t提纲\t内置$/);
    const json = JSON.parse(
      (await run(['library', 'list', '--library', folder, '--json', '--query', '推进会', '--year', '2026'])).stdout,
    );
    expect(json.entries.map((e: { id: string }) => e.id)).toEqual(['mine-1']);
    expect(json.notices).toEqual([]);
  });

  it('finds the library in $LECTERN_USER_DATA, else in the app’s own user-data folder', async () => {
    expect(defaultUserData({ LECTERN_USER_DATA: dir }, 'linux', '/home/u')).toBe(dir);
    expect(defaultUserData({}, 'linux', '/home/u')).toBe(path.join('/home/u', '.config', 'Lectern'));
    expect(defaultUserData({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe(path.join('/x', 'Lectern'));
    expect(defaultUserData({}, 'darwin', '/Users/u')).toBe(
      path.join('/Users/u', 'Library', 'Application Support', 'Lectern'),
    );
    expect(defaultUserData({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain(
      'Lectern',
    );
    const previous = process.env.LECTERN_USER_DATA;
    process.env.LECTERN_USER_DATA = dir;
    try {
      expect((await run(['library', 'list'])).stdout).toContain('mine-1\t推进会提纲');
    } finally {
      if (previous === undefined) delete process.env.LECTERN_USER_DATA;
      else process.env.LECTERN_USER_DATA = previous;
    }
  });

  it('reports damaged entry files on stderr and lists the rest', async () => {
    await writeFile(path.join(folder, 'broken.json'), '{oops');
    const { status, stdout, stderr } = await run(['library', 'list', '--library', folder]);
    expect(status).toBe(0);
    expect(stdout).toContain('推进会提纲');
    expect(stderr).toContain('broken.json');
  });

  it('shows an entry by id or name as numbered text, or as its JSON', async () => {
    const byName = await run(['library', 'show', '推进会提纲', '--library', folder]);
    expect(byName.status).toBe(0);
    expect(byName.stdout).toContain('一、统一思想认识');
    expect(byName.stdout).toContain('二、突出工作重点');
    expect(byName.stdout).toContain('【此处写……】');
    expect((await run(['library', 'show', 'mine-1', '--library', folder])).stdout).toBe(byName.stdout);
    const template = await run(['library', 'show', 'builtin-party-lecture', '--library', folder, '--json']);
    expect(JSON.parse(template.stdout)).toMatchObject({
      id: 'builtin-party-lecture',
      occasion: '党课',
      kind: 'outline',
    });
    const missing = await run(['library', 'show', '没有', '--library', folder]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('没有');
  });

  it('exports the user’s entries (or the named ones) to a bundle and imports it elsewhere, asking about conflicts', async () => {
    const bundle = path.join(dir, 'backup.speechlib');
    const exported = await run(['library', 'export', '-o', bundle, '--library', folder]);
    expect(exported).toMatchObject({ status: 0, stdout: `${bundle}\t1\n` });
    expect(parseLibraryBundle(await readFile(bundle, 'utf8')).entries.map((e) => e.entry.name)).toEqual(['推进会提纲']);
    const named = await run([
      'library',
      'export',
      'builtin-opening',
      '推进会提纲',
      '-o',
      path.join(dir, 'two.speechlib'),
      '--library',
      folder,
    ]);
    expect(named.stdout).toContain('\t2');

    const other = path.join(dir, 'other');
    expect(await run(['library', 'import', bundle, '--library', other])).toMatchObject({
      status: 0,
      stdout: 'added\t推进会提纲\n',
    });
    // Again: the name is taken, so nothing happens until the user chooses.
    const asked = await run(['library', 'import', bundle, '--library', other]);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toContain('推进会提纲');
    expect(await readdir(other)).toHaveLength(1);
    expect((await run(['library', 'import', bundle, '--library', other, '--keep-both'])).stdout).toBe(
      'added\t推进会提纲（2）\nrenamed\t推进会提纲\t推进会提纲（2）\n',
    );
    expect((await run(['library', 'import', bundle, '--library', other, '--replace'])).stdout).toBe(
      'replaced\t推进会提纲\n',
    );
    expect(await readdir(other)).toHaveLength(2);
  });

  it('fails with status 2 and one line for bad usage, missing and damaged files', async () => {
    const cases: string[][] = [
      ['library'],
      ['library', 'frobnicate', '--library', folder],
      ['library', 'list', 'extra', '--library', folder],
      ['library', 'list', '--year', 'soon', '--library', folder],
      ['library', 'export', '--library', folder],
      ['library', 'export', 'nope', '-o', path.join(dir, 'x.speechlib'), '--library', folder],
      ['library', 'export', '-o', path.join(dir, 'no-such-folder', 'x.speechlib'), '--library', folder],
      ['library', 'import', path.join(dir, 'missing.speechlib'), '--library', folder],
      ['library', 'import', path.join(dir, 'a'), '--keep-both', '--replace', '--library', folder],
      ['library', 'list', '--bogus'],
    ];
    for (const argv of cases) {
      const { status, stderr } = await run(argv);
      expect(status, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).toMatch(/lectern library|用法/);
    }
    await writeFile(path.join(dir, 'bad.speechlib'), '{"format":"lectern.speech"}');
    const bad = await run(['library', 'import', path.join(dir, 'bad.speechlib'), '--library', folder]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('lectern library: bad.speechlib：这不是讲稿素材库文件。\n');
    expect((await run(['library', '--help'])).status).toBe(0);
    // An empty library has nothing of the user's to export.
    await mkdir(path.join(dir, 'empty'));
    expect(
      (await run(['library', 'export', '-o', path.join(dir, 'e.speechlib'), '--library', path.join(dir, 'empty')]))
        .status,
    ).toBe(2);
  });
});
