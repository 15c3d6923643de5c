/**
 * Packaging: electron-builder.yml declares the installers, the .speech file association and the
 * fuses, and packing it (here with a stand-in Electron binary, since none can be downloaded on this
 * machine) yields an app.asar holding the built main, preload and renderer and no sources.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { listPackage } from '@electron/asar';
import { build, Platform, type Configuration } from 'electron-builder';

let config: Configuration & Record<string, unknown>;

beforeAll(async () => {
  config = load(await readFile('electron-builder.yml', 'utf8')) as typeof config;
  // Pack the real build; build it first only when this checkout has none.
  if (!existsSync('dist/electron/main.cjs') || !existsSync('dist/electron/preload.cjs') || !existsSync('dist/renderer/index.html')) {
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  }
}, 300_000);

describe('electron-builder.yml', () => {
  it('targets nsis for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('associates .speech files with the app, with an icon that exists', () => {
    const associations = config.fileAssociations as Array<{ ext: string; role: string; icon: string }>;
    expect(associations).toEqual([expect.objectContaining({ ext: 'speech', role: 'Editor' })]);
    expect(existsSync(associations[0]!.icon)).toBe(true);
  });

  it('sets the fuses: no run-as-node, asar integrity, load only from asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });
});

describe('packing --dir', () => {
  it('puts the built main, preload and renderer in app.asar, and no sources or node_modules', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'lectern-pack-'));
    try {
      // A stand-in Electron distribution: electron-builder copies it and renames the executable.
      const electronDist = path.join(work, 'electron-dist');
      await mkdir(path.join(electronDist, 'resources'), { recursive: true });
      await writeFile(path.join(electronDist, 'electron'), '#!/bin/sh\necho stand-in\n');
      await chmod(path.join(electronDist, 'electron'), 0o755);
      await writeFile(path.join(electronDist, 'version'), '45.4.1');
      await writeFile(path.join(electronDist, 'LICENSE'), '');
      const output = path.join(work, 'release');
      await build({
        targets: Platform.LINUX.createTarget('dir'),
        // Fuses are written into the real Electron binary; the stand-in has none to flip, so this
        // one run turns them off. The configuration itself is checked above.
        config: { ...config, electronDist, electronVersion: '45.4.1', electronFuses: null, directories: { ...config.directories, output } },
      });
      const asar = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
      const files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
      expect(files).toEqual(expect.arrayContaining(['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/electron/import-worker.cjs', '/dist/renderer/index.html', '/package.json']));
      expect(files.filter((f) => /^\/(shared|renderer|electron|e2e|node_modules)\//.test(f))).toEqual([]);
      expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
      expect(existsSync(path.join(output, 'linux-unpacked', 'lectern'))).toBe(true);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 300_000);
});
