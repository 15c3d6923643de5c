import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { faultyFileSystem } from './fault-fs';
import { nodeFileSystem } from './file-system';
import { DEFAULT_SETTINGS, SettingsStore } from './settings';
import { tempDirEach } from './test-dir';

const temp = tempDirEach('lectern-settings-');
let file: string;
const fresh = () => new SettingsStore(file, nodeFileSystem);

beforeEach(() => {
  file = path.join(temp.path, 'user', 'settings.json');
});

describe('settings', () => {
  it('start in Chinese with the level check on', async () => {
    expect(await fresh().get()).toEqual({ language: 'zh-CN', checkLevels: true, autosave: false, profiles: {} });
  });

  it('keep a change across restarts, written atomically', async () => {
    expect(await fresh().set({ language: 'en' })).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(await fresh().get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(await readdir(path.dirname(file))).toEqual(['settings.json']);
  });

  it('read a corrupt or foreign file as the defaults, and never crash', async () => {
    await fresh().set({ language: 'en' });
    for (const corrupt of ['{not json', 'null', '[]', '"en"', '']) {
      await writeFile(file, corrupt);
      expect(await fresh().get()).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keep the valid fields of a partly wrong file', async () => {
    await fresh().set({});
    await writeFile(
      file,
      JSON.stringify({ language: 'en', checkLevels: 'yes', profiles: { gbt9704: { bodySizePt: 999 } } }),
    );
    expect(await fresh().get()).toEqual({ language: 'en', checkLevels: true, autosave: false, profiles: {} });
    await writeFile(file, JSON.stringify({ language: 'fr', checkLevels: false }));
    expect(await fresh().get()).toEqual({ language: 'zh-CN', checkLevels: false, autosave: false, profiles: {} });
  });

  it('apply two quick changes one after the other, losing neither', async () => {
    const store = fresh();
    await Promise.all([
      store.set({ language: 'en' }),
      store.set({ checkLevels: false }),
      store.set({ autosave: true }),
    ]);
    expect(await fresh().get()).toEqual({ language: 'en', checkLevels: false, autosave: true, profiles: {} });
  });

  it('leave the settings as they were when they cannot be written', async () => {
    await fresh().set({ language: 'en' });
    const store = new SettingsStore(file, faultyFileSystem({ openError: 'EROFS' }));
    await expect(store.set({ language: 'zh-CN' })).rejects.toMatchObject({ code: 'EROFS' });
    expect(await store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ language: 'en' });
  });
});
