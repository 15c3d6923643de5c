/**
 * Atomic saves (DESIGN.md, decision 3): write a temporary file beside the target, fsync it, rename
 * it over the target, fsync the folder. The target is either the old file or the new one, never a
 * truncated mix: a crash, a full disk or a failing rename leaves the original byte-identical.
 * Windows antivirus and indexers hold new files briefly, so EPERM/EBUSY/EACCES from the rename is
 * retried for about a second before it is reported.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { errorCode, nodeFileSystem, type FileSystem } from './file-system';

/** Delays between rename attempts, in milliseconds (about one second in all). */
export const RENAME_RETRY_DELAYS = [10, 20, 40, 80, 120, 160, 200, 250];
const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** A save that did not happen; the target is unchanged. `code` is the errno code (ENOSPC, EROFS…). */
export class AtomicWriteError extends Error {
  override readonly name = 'AtomicWriteError';
  constructor(
    readonly code: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** What `writeFileAtomic` needs besides the target and the bytes; all optional. */
export interface AtomicWriteOptions {
  /** The file system to write through; the real one by default, a fault-injecting one in tests. */
  fs?: FileSystem;
  /** Waits between rename retries; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The temporary file's name for a target: hidden, beside it, unique. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `data` to `target` atomically: a temporary file beside it (same folder, so the rename
 * never crosses devices), fsynced and closed, then renamed over the target, then the folder
 * fsynced. Throws `AtomicWriteError` (with the errno code) on any failure; the target is then
 * untouched and the temporary file removed. A process killed before the rename leaves at most a
 * hidden `.name.xxxx.tmp` beside the target, never a truncated target.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFileSystem;
  const sleep = options.sleep ?? realSleep;
  const temp = tempPathFor(target);
  // Keep the permissions of a file we replace; a new file gets the usual 0666 & ~umask.
  const mode = await fs.stat(target).then(
    (stats) => stats.mode & 0o777,
    () => undefined,
  );
  let written = false;
  try {
    const handle = await fs.open(temp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(data);
      // The data must be on disk before the rename makes it the file: otherwise a power cut
      // right after the rename can leave a renamed but empty file (the classic ext4 zero-length bug).
      await handle.sync();
    } catch (error) {
      // Report what failed (ENOSPC), not a later failure to close the half-written file.
      await handle.close().catch(() => undefined);
      throw error;
    }
    await handle.close();
    written = true;
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(temp, target);
        break;
      } catch (error) {
        const code = errorCode(error);
        if (!code || !RETRYABLE.has(code) || attempt >= RENAME_RETRY_DELAYS.length) throw error;
        await sleep(RENAME_RETRY_DELAYS[attempt]!);
      }
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    const code = errorCode(error) ?? 'EIO';
    const stage = written ? 'replacing the file' : 'writing the new content';
    throw new AtomicWriteError(code, `${code} while ${stage} of ${target}: ${(error as Error).message}`, error);
  }
  await syncFolder(fs, path.dirname(target));
}

/** Flushes the folder entry of the rename; not every platform allows it (Windows), so failure is ignored. */
async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // EISDIR/EPERM on Windows: the rename itself is durable enough there.
  }
}
