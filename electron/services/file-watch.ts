/**
 * External changes: the size, modification time and SHA-256 of each open document's file as it
 * was when opened or last saved, so that main can tell whether someone else (another program, a
 * sync client, a colleague on a shared drive) changed it since. `check` answers `unchanged`,
 * `changed` or `deleted`; saving asks first (DocumentService), and a watcher polls so the renderer
 * can offer to reload a clean document, or show the conflict for a dirty one.
 *
 * A quick check compares size and mtime only and hashes when they differ (a touched file whose
 * bytes are the same is not a change); a deep check, the one saving uses, always hashes, since
 * mtime can be coarse (FAT: 2 s) or restored by copying tools.
 */
import { createHash } from 'node:crypto';
import { errorCode, type FileSystem } from './file-system';

/** What is remembered of a file: its size in bytes, mtime and content hash. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** How a file is now, against what was remembered. */
export type ExternalState = 'unchanged' | 'changed' | 'deleted';

/** The SHA-256 of bytes (or of a string as UTF-8), as hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A fingerprint of `bytes` with the mtime from `stats`. */
export function fingerprintOf(bytes: Uint8Array | string, mtimeMs: number): Fingerprint {
  return {
    size: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength,
    mtimeMs,
    sha256: sha256(bytes),
  };
}

/** Starts calling `tick` every `ms` and answers how to stop; `setInterval` by default, a fake in tests. */
export type Scheduler = (tick: () => void, ms: number) => () => void;

const realScheduler: Scheduler = (tick, ms) => {
  const timer = setInterval(tick, ms);
  timer.unref?.();
  return () => clearInterval(timer);
};

/** How often the watcher looks at a file, in milliseconds. */
export const WATCH_INTERVAL_MS = 2000;

interface Watched {
  path: string;
  fingerprint: Fingerprint;
}

/** What `FileWatch` needs: the file system and, in tests, a scheduler. */
export interface FileWatchOptions {
  fs: FileSystem;
  schedule?: Scheduler;
}

/**
 * The remembered fingerprints of open documents' files, by document id, and pollers that report
 * changes. Paths stay here in main; callers get states only.
 */
export class FileWatch {
  private readonly files = new Map<string, Watched>();
  private readonly stops = new Map<string, () => void>();

  constructor(private readonly options: FileWatchOptions) {}

  /** Remembers `fingerprint` as how the document's file is now (after an open or a save). */
  remember(docId: string, path: string, fingerprint: Fingerprint): void {
    this.files.set(docId, { path, fingerprint });
  }

  /**
   * Remembers the file as it is on disk now (reads and hashes it). Answers false, remembering
   * nothing, when it cannot be read.
   */
  async rememberFromDisk(docId: string, path: string): Promise<boolean> {
    try {
      const { mtimeMs } = await this.options.fs.stat(path);
      const bytes = await this.options.fs.readFile(path);
      this.remember(docId, path, fingerprintOf(bytes, mtimeMs));
      return true;
    } catch {
      return false;
    }
  }

  /** What is remembered of a document's file, if anything. */
  fingerprint(docId: string): Fingerprint | undefined {
    return this.files.get(docId)?.fingerprint;
  }

  /** Forgets a document (closed, or now untitled) and stops watching it. */
  forget(docId: string): void {
    this.files.delete(docId);
    this.unwatch(docId);
  }

  /**
   * How the document's file is now against what was remembered: `deleted` when it is gone,
   * `changed` when its bytes differ, else `unchanged`. A file that cannot be read for another
   * reason (locked, permission) counts as `changed`: nobody can tell it is the same. Answers
   * undefined for a document with nothing remembered (untitled). `deep` always hashes; otherwise
   * equal size and mtime are taken as unchanged. A touch (new mtime, same bytes) is remembered,
   * so the next quick check is quick again.
   */
  async check(docId: string, options: { deep?: boolean } = {}): Promise<ExternalState | undefined> {
    const watched = this.files.get(docId);
    if (!watched) return undefined;
    const { fs } = this.options;
    let stats;
    try {
      stats = await fs.stat(watched.path);
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' || code === 'ENOTDIR' ? 'deleted' : 'changed';
    }
    const known = watched.fingerprint;
    if (!options.deep && stats.size === known.size && stats.mtimeMs === known.mtimeMs) return 'unchanged';
    if (stats.size !== known.size) return 'changed';
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(watched.path);
    } catch (error) {
      const code = errorCode(error);
      return code === 'ENOENT' || code === 'ENOTDIR' ? 'deleted' : 'changed';
    }
    if (sha256(bytes) !== known.sha256) return 'changed';
    // Same bytes: remember the new mtime (if this document is still the one remembered).
    if (this.files.get(docId) === watched)
      this.files.set(docId, { path: watched.path, fingerprint: { ...known, mtimeMs: stats.mtimeMs } });
    return 'unchanged';
  }

  /**
   * Polls the document's file every `intervalMs` and calls `onChange` when its state moves
   * (unchanged → changed, changed → deleted, back to unchanged after a reload or save…), once
   * per move, not on every tick. Answers how to stop; watching again replaces the old watcher.
   */
  watch(docId: string, onChange: (state: ExternalState) => void, intervalMs = WATCH_INTERVAL_MS): () => void {
    this.unwatch(docId);
    let last: ExternalState = 'unchanged';
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      this.check(docId)
        .then((state) => {
          if (state === undefined || state === last) return;
          last = state;
          onChange(state);
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    };
    const stop = (this.options.schedule ?? realScheduler)(tick, intervalMs);
    this.stops.set(docId, stop);
    return () => {
      if (this.stops.get(docId) === stop) this.unwatch(docId);
    };
  }

  private unwatch(docId: string): void {
    this.stops.get(docId)?.();
    this.stops.delete(docId);
  }
}
