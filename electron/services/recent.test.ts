import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from './file-system';
import { MAX_RECENT, RecentFiles } from './recent';
import { tempDirEach } from './test-dir';

const temp = tempDirEach('lectern-recent-');
let listFile: string;
const fresh = () => new RecentFiles(listFile, nodeFileSystem);
const doc = (name: string) => path.join(temp.path, 'docs', `${name}.speech`);
const names = async (recent: RecentFiles) => (await recent.list()).map((entry) => entry.name);

beforeEach(() => {
  // The user-data folder does not exist yet on a first run.
  listFile = path.join(temp.path, 'user', 'recent.json');
});

describe('recent files', () => {
  it('list the newest first, move a reopened file to the top without listing it twice', async () => {
    const recent = fresh();
    for (const name of ['甲', '乙', '丙', '甲']) await recent.add(doc(name));
    expect(await names(recent)).toEqual(['甲.speech', '丙.speech', '乙.speech']);
    expect((await recent.list())[0]).toEqual({
      recentId: RecentFiles.idOf(doc('甲')),
      name: '甲.speech',
      folder: path.join(temp.path, 'docs'),
    });
  });

  it(`keep at most ${MAX_RECENT}, dropping the oldest`, async () => {
    const recent = fresh();
    for (let i = 1; i <= MAX_RECENT + 2; i++) await recent.add(doc(`第${i}稿`));
    const listed = await names(recent);
    expect(listed).toHaveLength(MAX_RECENT);
    expect(listed[0]).toBe(`第${MAX_RECENT + 2}稿.speech`);
    expect(listed).not.toContain('第1稿.speech');
    expect(listed).not.toContain('第2稿.speech');
  });

  it('survive a restart with the same ids, which reveal no path', async () => {
    const first = fresh();
    await first.add(doc('甲'));
    await first.add(doc('乙'));
    const before = await first.list();
    const after = await fresh().list();
    expect(after).toEqual(before);
    expect(after[0]!.recentId).toMatch(/^[0-9a-f]{16}$/);
    expect(await fresh().resolve(after[1]!.recentId)).toBe(doc('甲'));
    expect(await fresh().resolve('0000000000000000')).toBeUndefined();
    // Written atomically: nothing but the list itself in the user-data folder.
    expect(await readdir(path.dirname(listFile))).toEqual(['recent.json']);
  });

  it('read a corrupt, foreign or missing list as empty, and replace it on the next add', async () => {
    expect(await fresh().list()).toEqual([]);
    await fresh().add(doc('甲'));
    for (const corrupt of ['{not json', 'null', '[]', '{"paths":"a"}', '{"paths":[1,2]}', '\u0000\u0001']) {
      await writeFile(listFile, corrupt);
      const recent = fresh();
      expect(await recent.list()).toEqual([]);
      await recent.add(doc('乙'));
      expect(JSON.parse(await readFile(listFile, 'utf8'))).toEqual({ paths: [doc('乙')] });
    }
  });

  it('keep every file added at once before the list was first read', async () => {
    const recent = fresh();
    await Promise.all(['甲', '乙', '丙'].map((name) => recent.add(doc(name))));
    expect(await names(recent)).toEqual(['丙.speech', '乙.speech', '甲.speech']);
    // The file on disk ends as the newest list, not whichever write finished last.
    expect(await names(fresh())).toEqual(['丙.speech', '乙.speech', '甲.speech']);
  });

  it('drop a file that is gone, and keep the others', async () => {
    const recent = fresh();
    await recent.add(doc('甲'));
    await recent.add(doc('乙'));
    await recent.remove(doc('乙'));
    expect(await names(recent)).toEqual(['甲.speech']);
    expect(await names(fresh())).toEqual(['甲.speech']);
  });
});
