/**
 * A file system for tests that behaves like the real one until told to fail: a rename that throws
 * (or never returns, as if the process died there), EPERM for the first N renames, ENOSPC halfway
 * through a write, EROFS on open.
 */
import { nodeFileSystem, type FileSystem } from './file-system';

export interface Faults {
  /** Rename fails with this code, this many times (Infinity: always). */
  renameError?: { code: string; times: number };
  /** Rename never settles: the process "dies" between write and rename. */
  renameHangs?: boolean;
  /** Writing fails with ENOSPC after half the data reached the disk. */
  enospcMidWrite?: boolean;
  /** Opening a file for writing fails with this code (EROFS, EACCES). */
  openError?: string;
}

export function errnoError(code: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** The real file system with `faults` injected; `calls` counts renames tried. */
export function faultyFileSystem(faults: Faults, base: FileSystem = nodeFileSystem): FileSystem & { renames: number } {
  const fs = {
    ...base,
    renames: 0,
    async open(path: string, flags: string, mode?: number) {
      if (faults.openError && flags !== 'r') throw errnoError(faults.openError, path);
      const handle = await base.open(path, flags, mode);
      if (!faults.enospcMidWrite) return handle;
      return {
        ...handle,
        writeFile: async (data: Uint8Array | string) => {
          const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
          await handle.writeFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw errnoError('ENOSPC', 'no space left on device');
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    async rename(from: string, to: string) {
      fs.renames++;
      if (faults.renameHangs) return new Promise<void>(() => {});
      if (faults.renameError && fs.renames <= faults.renameError.times) throw errnoError(faults.renameError.code, `${from} -> ${to}`);
      return base.rename(from, to);
    },
  };
  return fs;
}
