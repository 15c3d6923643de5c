/**
 * User settings (UI language, level check, adjusted export profiles), kept as JSON in the
 * user-data folder, written atomically and validated with the contract's zod schema on read: a
 * missing or corrupt file gives the defaults, never a crash.
 */
import path from 'node:path';
import type { z } from 'zod';
import { settings as settingsSchema, type Settings, type settingsPatch } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import type { FileSystem } from './file-system';

/** The settings of a first run: Chinese UI, level check on, autosave off, no adjusted profiles. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  language: 'zh-CN',
  checkLevels: true,
  autosave: false,
  profiles: {},
});

const defaults = (): Settings => ({ ...DEFAULT_SETTINGS, profiles: {} });

/**
 * Reads stored settings. A file that is not JSON or not an object gives the defaults; an object
 * with some fields wrong (a hand edit, a newer version's values) keeps the fields that are valid,
 * so one bad export margin does not also reset the user's language.
 */
export function readSettings(text: string): Settings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return defaults();
  }
  const whole = settingsSchema.safeParse(json);
  if (whole.success) return whole.data;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return defaults();
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    const value = field.safeParse((json as Record<string, unknown>)[key]);
    if (value.success && Object.hasOwn(json, key)) kept[key] = value.data;
  }
  return settingsSchema.parse({ ...defaults(), ...kept });
}

/** The settings of one user-data folder, persisted to `file`. */
export class SettingsStore {
  private current: Promise<Settings> | undefined;

  constructor(
    private readonly file: string,
    private readonly fs: FileSystem,
  ) {}

  /** The settings; read from disk once, then kept. */
  async get(): Promise<Settings> {
    this.current ??= this.fs.readFile(this.file).then(
      (bytes) => readSettings(bytes.toString('utf8')),
      () => defaults(),
    );
    return this.current;
  }

  /**
   * Applies `patch`, writes the result atomically and answers it. Calls are applied one after
   * another, so two quick changes (language, then level check) both survive. A failed write
   * rejects and leaves the settings as they were.
   */
  async set(patch: z.infer<typeof settingsPatch>): Promise<Settings> {
    const previous = this.get();
    const next = previous.then(async (current) => {
      const updated = settingsSchema.parse({ ...current, ...patch });
      await this.fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify(updated), { fs: this.fs });
      return updated;
    });
    // The next call starts from this one's result, or from the old settings if this one failed.
    this.current = next.catch(() => previous);
    return next;
  }
}
