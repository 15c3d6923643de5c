/**
 * User settings (UI language), kept in the user-data folder, validated on read: a missing or
 * corrupt file gives the defaults, never a crash.
 */
import path from 'node:path';
import { settings as settingsSchema, type Settings, type settingsPatch } from '../../shared/ipc/contract';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import type { FileSystem } from './file-system';

export const DEFAULT_SETTINGS: Settings = { language: 'zh-CN', checkLevels: true, profiles: {} };

export class SettingsStore {
  private current: Settings | undefined;

  constructor(
    private readonly file: string,
    private readonly fs: FileSystem,
  ) {}

  async get(): Promise<Settings> {
    if (this.current) return this.current;
    try {
      const parsed = settingsSchema.safeParse(JSON.parse((await this.fs.readFile(this.file)).toString('utf8')));
      this.current = parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
    } catch {
      this.current = { ...DEFAULT_SETTINGS };
    }
    return this.current;
  }

  async set(patch: z.infer<typeof settingsPatch>): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.get()), ...patch });
    await this.fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next), { fs: this.fs });
    this.current = next;
    return next;
  }
}
