/**
 * Recent files: at most ten, newest first, kept in the user-data folder. The renderer sees each
 * as an opaque `recentId` (a hash of the path), a name and a folder, never a path it could use.
 * A missing or corrupt list is an empty list, never a crash.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RecentEntry } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import type { FileSystem } from './file-system';

/** How many files the list keeps. */
export const MAX_RECENT = 10;
const stored = z.object({ paths: z.array(z.string().min(1)).max(100) });

/** The recent-files list of one user-data folder, persisted to `file` (JSON, written atomically). */
export class RecentFiles {
  private loaded: Promise<unknown> | undefined;
  private paths: string[] = [];
  /** The last write; writes are chained so the file on disk ends as the newest list. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly fs: FileSystem,
  ) {}

  // One read shared by every caller: two first calls at once (open at start-up while the menu
  // lists recent files) must not each read an empty list and overwrite the other's addition.
  // Callers read `this.paths` right after awaiting, in the same turn as they store, so a change
  // made by one caller is seen by the next.
  private async load(): Promise<void> {
    this.loaded ??= this.fs
      .readFile(this.file)
      .then(
        (bytes) => {
          let json: unknown;
          try {
            json = JSON.parse(bytes.toString('utf8'));
          } catch {
            return [];
          }
          const parsed = stored.safeParse(json);
          return parsed.success ? [...new Set(parsed.data.paths)].slice(0, MAX_RECENT) : [];
        },
        () => [],
      )
      .then((paths) => (this.paths = paths));
    await this.loaded;
  }

  private store(paths: string[]): Promise<void> {
    this.paths = paths;
    const write = async () => {
      await this.fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ paths }), { fs: this.fs });
    };
    // A failed earlier write must not stop this one; this one's failure is its caller's.
    this.writing = this.writing.catch(() => undefined).then(write);
    return this.writing;
  }

  /** The id the renderer uses for a path: stable across runs, and no path can be read from it. */
  static idOf(file: string): string {
    return createHash('sha256').update(file).digest('hex').slice(0, 16);
  }

  /** The entries, newest first. */
  async list(): Promise<RecentEntry[]> {
    await this.load();
    return this.paths.map((file) => ({
      recentId: RecentFiles.idOf(file),
      name: path.basename(file),
      folder: path.dirname(file),
    }));
  }

  /** Puts `file` first (moving it up if listed), keeping at most `MAX_RECENT`. */
  async add(file: string): Promise<void> {
    await this.load();
    await this.store([file, ...this.paths.filter((p) => p !== file)].slice(0, MAX_RECENT));
  }

  /** Drops `file` from the list (a file that is gone). */
  async remove(file: string): Promise<void> {
    await this.load();
    if (this.paths.includes(file)) await this.store(this.paths.filter((p) => p !== file));
  }

  /** The path behind a recent id, if it is still on the list. */
  async resolve(recentId: string): Promise<string | undefined> {
    await this.load();
    return this.paths.find((file) => RecentFiles.idOf(file) === recentId);
  }
}
