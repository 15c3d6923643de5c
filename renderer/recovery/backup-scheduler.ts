/**
 * When the renderer backs up and autosaves (issue 8), as a plain class with injectable timers so
 * the policy is tested without a browser: about a second after typing pauses (and at least every
 * ten seconds while it does not), a dirty document is sent to main's recovery store with
 * `backupDocument`; with autosave on, a dirty document that has a file is also saved to it
 * (`saveDocument` with `autosave: true`, which keeps no snapshot) a few seconds after typing
 * pauses. An autosave that meets a conflict stops autosaving that document until the user
 * settles it.
 */
import type { LecternApi, SaveResult } from '../../shared/ipc/contract';
import type { SpeechFile } from '../../shared/document/file-format';
import { browserTimers, type Timers } from './timers';

/** The document as the schedulers see it when a timer fires. */
export interface DocumentState {
  docId: string;
  name: string;
  dirty: boolean;
  /** Whether the document has a file (autosave only writes to a file it already has). */
  hasFile: boolean;
  /** The document as a file, built only when it is about to be sent. */
  file(): SpeechFile;
}

/** Options of `BackupScheduler`; all but the callbacks have defaults. */
export interface BackupSchedulerOptions {
  /** The pause after the last edit before a backup (ms). */
  backupDelayMs?: number;
  /** The longest a dirty document goes without a backup while edits keep coming (ms). */
  backupMaxWaitMs?: number;
  /** The pause after the last edit before an autosave (ms). */
  autosaveDelayMs?: number;
  /** Whether autosave is on (the `autosave` setting); off by default. */
  autosave?: boolean;
  /** An autosave finished: `file` is what was sent, so the session can mark it saved if nothing changed since. */
  onAutosaved?(docId: string, result: SaveResult, file: SpeechFile): void;
  /** A backup failed (disk full…): the UI may show a quiet warning. */
  onBackupFailed?(docId: string, message: string): void;
  timers?: Timers;
}

/** Backs up and (optionally) autosaves the current document when typing pauses. */
export class BackupScheduler {
  private backupTimer: unknown;
  private maxWaitTimer: unknown;
  private autosaveTimer: unknown;
  private backingUp = false;
  private backupAgain = false;
  private autosaving = false;
  private autosaveAgain = false;
  /** Documents whose autosave met a conflict: no more autosaves until `settled`. */
  private readonly conflicted = new Set<string>();
  private readonly timers: Timers;
  private autosave: boolean;
  private current: () => DocumentState | undefined = () => undefined;

  constructor(
    private readonly api: Pick<LecternApi, 'backupDocument' | 'saveDocument'>,
    private readonly options: BackupSchedulerOptions = {},
  ) {
    this.timers = options.timers ?? browserTimers;
    this.autosave = options.autosave ?? false;
  }

  /** Call after every edit: restarts the pause timers; `current` is read when they fire. */
  edited(current: () => DocumentState | undefined): void {
    this.current = current;
    this.restart('backupTimer', this.options.backupDelayMs ?? 1000, () => void this.backupNow());
    this.maxWaitTimer ??= this.timers.setTimeout(() => {
      this.maxWaitTimer = undefined;
      void this.backupNow();
    }, this.options.backupMaxWaitMs ?? 10_000);
    if (this.autosave)
      this.restart('autosaveTimer', this.options.autosaveDelayMs ?? 5000, () => void this.autosaveNow());
  }

  /**
   * Call after the document was saved, reloaded, replaced or discarded: pending backups and
   * autosaves are dropped (main already removed the backup), and a conflict is forgotten.
   */
  settled(docId?: string): void {
    this.cancel();
    if (docId) this.conflicted.delete(docId);
    else this.conflicted.clear();
  }

  /** Turns autosave on or off (the setting changed). */
  setAutosave(enabled: boolean): void {
    this.autosave = enabled;
    if (!enabled) this.clear('autosaveTimer');
  }

  /** Backs up now if the document is dirty (also what the timers do); backups never overlap. */
  async backupNow(): Promise<void> {
    this.clear('backupTimer');
    this.clear('maxWaitTimer');
    if (this.backingUp) {
      this.backupAgain = true;
      return;
    }
    const state = this.current();
    if (!state?.dirty) return;
    this.backingUp = true;
    try {
      const result = await this.api.backupDocument({ docId: state.docId, name: state.name, file: state.file() });
      if (result.status === 'failed') this.options.onBackupFailed?.(state.docId, result.error.message);
    } catch (error) {
      this.options.onBackupFailed?.(state.docId, (error as Error).message);
    } finally {
      this.backingUp = false;
    }
    if (this.backupAgain) {
      this.backupAgain = false;
      await this.backupNow();
    }
  }

  /** Stops every timer. */
  dispose(): void {
    this.cancel();
  }

  /**
   * Autosaves now if autosave is on and the document is dirty and has a file. Autosaves never
   * overlap: one due while another is still saving (edits arrived meanwhile) runs right after it,
   * with the document as it is then.
   */
  private async autosaveNow(): Promise<void> {
    this.clear('autosaveTimer');
    if (this.autosaving) {
      this.autosaveAgain = true;
      return;
    }
    const state = this.current();
    if (!this.autosave || !state?.dirty || !state.hasFile || this.conflicted.has(state.docId)) return;
    this.autosaving = true;
    try {
      const file = state.file();
      let result: SaveResult;
      try {
        result = await this.api.saveDocument({ docId: state.docId, file, autosave: true });
      } catch (error) {
        result = { status: 'failed', error: { code: 'unknown', message: (error as Error).message } };
      }
      if (result.status === 'conflict') this.conflicted.add(state.docId);
      this.options.onAutosaved?.(state.docId, result, file);
    } finally {
      this.autosaving = false;
    }
    if (this.autosaveAgain) {
      this.autosaveAgain = false;
      await this.autosaveNow();
    }
  }

  private cancel(): void {
    this.autosaveAgain = false;
    this.clear('backupTimer');
    this.clear('maxWaitTimer');
    this.clear('autosaveTimer');
  }

  private restart(timer: 'backupTimer' | 'autosaveTimer', ms: number, run: () => void): void {
    this.clear(timer);
    this[timer] = this.timers.setTimeout(() => {
      this[timer] = undefined;
      run();
    }, ms);
  }

  private clear(timer: 'backupTimer' | 'maxWaitTimer' | 'autosaveTimer'): void {
    if (this[timer] !== undefined) this.timers.clearTimeout(this[timer]);
    this[timer] = undefined;
  }
}
