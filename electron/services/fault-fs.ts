/**
 * A file system for tests that behaves like the real one until told to fail: a rename that throws
 * (or never returns, as if the process died there), EPERM for the first N renames, ENOSPC halfway
 * through a write, EROFS on open, a folder that cannot be fsynced (Windows). It also records every
 * operation in order, so tests can check that the data is fsynced before the rename and that a
 * file being opened is never written to.
 */
import path from 'node:path';
import { nodeFileSystem, type FileHandleLike, type FileSystem } from './file-system';

/** The failures to inject; anything not named behaves like the real file system. */
export interface Faults {
  /** Rename fails with this code, this many times (Infinity: always). */
  renameError?: { code: string; times: number };
  /** Rename never settles: the process "dies" between write and rename. */
  renameHangs?: boolean;
  /** Writing fails with ENOSPC after half the data reached the disk. */
  enospcMidWrite?: boolean;
  /** Opening a file for writing fails with this code (EROFS, EACCES). */
  openError?: string;
  /** Opening a folder to fsync it fails with this code (EISDIR, EPERM: Windows). */
  folderSyncError?: string;
}

/** An error shaped like Node's: `code` set, the code first in the message. */
export function errnoError(code: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** The fault-injecting file system; `renames` counts renames tried, `ops` lists every operation. */
export type FaultyFileSystem = FileSystem & { renames: number; ops: string[] };

/**
 * The real file system (or `base`) with `faults` injected. `ops` records operations as
 * `open <name> <flags>`, `write <name>`, `sync <name>`, `close <name>`, `rename <from> <to>`,
 * `unlink <name>`, `read <name>`, using base names so tests stay independent of temp folders.
 */
export function faultyFileSystem(faults: Faults, base: FileSystem = nodeFileSystem): FaultyFileSystem {
  const ops: string[] = [];
  const name = (file: string) => path.basename(file);
  const fs: FaultyFileSystem = {
    ...base,
    renames: 0,
    ops,
    async open(file: string, flags: string, mode?: number) {
      ops.push(`open ${name(file)} ${flags}`);
      if (faults.openError && flags !== 'r') throw errnoError(faults.openError, file);
      if (
        faults.folderSyncError &&
        flags === 'r' &&
        (await base.stat(file).then(
          (s) => isFolder(s.mode),
          () => false,
        ))
      )
        throw errnoError(faults.folderSyncError, file);
      const handle = await base.open(file, flags, mode);
      const wrapped: FileHandleLike = {
        writeFile: async (data: Uint8Array | string) => {
          ops.push(`write ${name(file)}`);
          if (!faults.enospcMidWrite) return handle.writeFile(data);
          const bytes = Buffer.from(data);
          await handle.writeFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw errnoError('ENOSPC', 'no space left on device');
        },
        sync: async () => {
          ops.push(`sync ${name(file)}`);
          return handle.sync();
        },
        close: async () => {
          ops.push(`close ${name(file)}`);
          return handle.close();
        },
      };
      return wrapped;
    },
    async rename(from: string, to: string) {
      fs.renames++;
      ops.push(`rename ${name(from)} ${name(to)}`);
      if (faults.renameHangs) return new Promise<void>(() => {});
      if (faults.renameError && fs.renames <= faults.renameError.times)
        throw errnoError(faults.renameError.code, `${from} -> ${to}`);
      return base.rename(from, to);
    },
    async unlink(file: string) {
      ops.push(`unlink ${name(file)}`);
      return base.unlink(file);
    },
    async readFile(file: string) {
      ops.push(`read ${name(file)}`);
      return base.readFile(file);
    },
  };
  return fs;
}

function isFolder(mode: number): boolean {
  return (mode & 0o170000) === 0o040000;
}
