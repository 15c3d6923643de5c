/**
 * Packaging: electron-builder.yml declares the installers (Linux for x64 and arm64), the .speech
 * file association and the fuses, and packing it (here with a stand-in Electron binary, since none
 * can be downloaded on this machine) yields, for both architectures, an app.asar holding the built
 * main, preload and renderer and no sources, and a desktop entry that declares the .speech MIME type.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { listPackage } from '@electron/asar';
import { Arch, build, Platform, type AfterPackContext, type Configuration, type LinuxPackager } from 'electron-builder';
// electron-builder's own checks and its own desktop entry, as the deb and AppImage targets write it
// (neither can be built here: they download their tools), so the test reads what they would ship.
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { DebugLogger } from 'builder-util';

let config: Configuration & Record<string, unknown>;

beforeAll(async () => {
  config = load(await readFile('electron-builder.yml', 'utf8')) as typeof config;
  // Pack the real build; build it first only when this checkout has none.
  if (
    !existsSync('dist/electron/main.cjs') ||
    !existsSync('dist/electron/preload.cjs') ||
    !existsSync('dist/renderer/index.html')
  ) {
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  }
}, 300_000);

describe('electron-builder.yml', () => {
  it('targets nsis for Windows, dmg for macOS, AppImage and deb for Linux on x64 and arm64 (麒麟, UOS)', () => {
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
  });

  it("passes electron-builder's own validation of the configuration", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // The check is real: an architecture Electron does not build for is refused.
    const loong = {
      ...structuredClone(config),
      linux: { ...config.linux, target: [{ target: 'deb', arch: ['loong64' as never] }] },
    };
    await expect(validateConfiguration(loong, new DebugLogger(false))).rejects.toThrow(/arch/);
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

/** The desktop entry the deb target writes for `packager` (FpmTarget: the linux options, then deb's). */
function debDesktopEntry(packager: LinuxPackager): Promise<string> {
  const options = { ...packager.platformSpecificBuildOptions, ...(packager.config.deb ?? {}) };
  return new LinuxTargetHelper(packager).computeDesktopEntry(options);
}

describe('packing --dir', () => {
  it('packs for linux x64 and arm64: built main, preload and renderer in app.asar, no sources; a desktop entry for .speech', async () => {
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
      const entries = new Map<string, string>();
      await build({
        targets: Platform.LINUX.createTarget('dir', Arch.x64, Arch.arm64),
        // electron-builder reads electron-builder.yml from the project folder itself, so only the
        // stand-in's settings are passed (the whole configuration again would double its lists:
        // the file association, then the desktop entry's MimeType). Fuses are written into the real
        // Electron binary; the stand-in has none to flip, so this one run turns them off. The
        // configuration itself is checked above.
        config: {
          electronDist,
          electronVersion: '45.4.1',
          electronFuses: null,
          directories: { output },
          afterPack: async (context: AfterPackContext) => {
            entries.set(Arch[context.arch], await debDesktopEntry(context.packager as LinuxPackager));
          },
        },
      });
      for (const unpacked of ['linux-unpacked', 'linux-arm64-unpacked']) {
        const asar = path.join(output, unpacked, 'resources', 'app.asar');
        const files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
        const built = [
          'electron/main.cjs',
          'electron/preload.cjs',
          'electron/import-worker.cjs',
          'renderer/index.html',
        ];
        expect(files).toEqual(expect.arrayContaining([...built.map((file) => `/dist/${file}`), '/package.json']));
        expect(files.filter((f) => /^\/(shared|renderer|electron|e2e|node_modules)\//.test(f))).toEqual([]);
        expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
        expect(existsSync(path.join(output, unpacked, 'lectern'))).toBe(true);
      }
      expect([...entries.keys()].sort()).toEqual(['arm64', 'x64']);
      for (const entry of entries.values()) {
        const lines = entry.split('\n');
        // File managers offer Lectern for .speech files, and hand it the file (%U: electron/open-requests.ts).
        expect(lines).toContain('MimeType=application/x-lectern-speech;');
        expect(lines.find((line) => line.startsWith('Exec='))).toMatch(/^Exec=\/opt\/Lectern\/lectern %U$/);
        expect(lines).toContain('StartupWMClass=lectern');
        expect(lines).toContain('Categories=Office;');
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 300_000);
});
