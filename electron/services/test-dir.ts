/**
 * A folder of its own for each test of the services, which read and write real files: made before the test under
 * the system's temporary folder, removed after it with everything in it, so no test sees another's files.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach } from 'vitest';

/**
 * Registers the hooks that give each test of the calling file a fresh folder named `prefix` plus a random tail, and
 * remove it after the test. Call it once at the top of the file, before any hook that reads the folder: `path` is
 * the current test's folder in the tests and in the hooks registered after this call.
 */
export function tempDirEach(prefix: string): { readonly path: string } {
  let current: string | undefined;
  beforeEach(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    current = dir;
    return () => rm(dir, { recursive: true, force: true });
  });
  return {
    get path() {
      if (current === undefined) throw new Error('tempDirEach: the folder exists only while a test runs');
      return current;
    },
  };
}
