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

export const MAX_RECENT = 10;
const stored = z.object({ paths: z.array(z.string()).max(100) });

export class RecentFiles {
  private paths: string[] | undefined;

  constructor(
    private readonly file: string,
    private readonly fs: FileSystem,
  ) {}

  private async load(): Promise<string[]> {
    if (this.paths) return this.paths;
    try {
      const parsed = stored.safeParse(JSON.parse((await this.fs.readFile(this.file)).toString('utf8')));
      this.paths = parsed.success ? parsed.data.paths.slice(0, MAX_RECENT) : [];
    } catch {
      this.paths = [];
    }
    return this.paths;
  }

  private async store(paths: string[]): Promise<void> {
    this.paths = paths;
    await this.fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify({ paths }), { fs: this.fs });
  }

  /** The id the renderer uses for a path. */
  static idOf(file: string): string {
    return createHash('sha256').update(file).digest('hex').slice(0, 16);
  }

  async list(): Promise<RecentEntry[]> {
    return (await this.load()).map((file) => ({ recentId: RecentFiles.idOf(file), name: path.basename(file), folder: path.dirname(file) }));
  }

  /** Puts `file` first. */
  async add(file: string): Promise<void> {
    const paths = await this.load();
    await this.store([file, ...paths.filter((p) => p !== file)].slice(0, MAX_RECENT));
  }

  async remove(file: string): Promise<void> {
    const paths = await this.load();
    if (paths.includes(file)) await this.store(paths.filter((p) => p !== file));
  }

  /** The path behind a recent id, if it is still on the list. */
  async resolve(recentId: string): Promise<string | undefined> {
    return (await this.load()).find((file) => RecentFiles.idOf(file) === recentId);
  }
}
