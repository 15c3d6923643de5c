/**
 * Whether the open document's file changed on disk (issue 8): asks main (`checkExternal`) every
 * few seconds and when the window gains focus, and reports each change of state once; a plain
 * class with injectable timers so the policy is tested without a browser.
 */
import type { LecternApi } from '../../shared/ipc/contract';
import { browserTimers, type Timers } from './timers';

/** A document file's state on disk, as main reports it; only these three are reported. */
export type ExternalChange = 'unchanged' | 'changed' | 'deleted';

/** Options of `ExternalWatcher`. */
export interface ExternalWatcherOptions {
  /** How often to ask (ms). */
  intervalMs?: number;
  /** The file's state moved (each move once). */
  onChange(docId: string, state: ExternalChange): void;
  timers?: Timers;
}

/**
 * Asks main every few seconds, and on `checkNow` (window focus), whether the watched document's
 * file changed on disk; reports each move between unchanged, changed and deleted once. The
 * renderer answers `changed` by offering to reload (clean) or showing the conflict (dirty).
 */
export class ExternalWatcher {
  private docId: string | undefined;
  private last: ExternalChange = 'unchanged';
  private timer: unknown;
  private checking = false;
  private readonly timers: Timers;

  constructor(
    private readonly api: Pick<LecternApi, 'checkExternal'>,
    private readonly options: ExternalWatcherOptions,
  ) {
    this.timers = options.timers ?? browserTimers;
  }

  /** Watches this document (undefined: none); its file is taken as unchanged to begin with. */
  watch(docId: string | undefined): void {
    this.docId = docId;
    this.last = 'unchanged';
    this.schedule();
  }

  /**
   * The user settled a change (reloaded, kept theirs over it, saved): the file as it is now is
   * the one to compare with, which main already knows; the next move is reported again.
   */
  acknowledge(): void {
    this.last = 'unchanged';
  }

  /** Asks now (window focus); answers the state, or undefined when nothing is watched. */
  async checkNow(): Promise<ExternalChange | undefined> {
    const docId = this.docId;
    if (!docId || this.checking) return undefined;
    this.checking = true;
    try {
      const { state } = await this.api.checkExternal({ docId });
      if (docId !== this.docId || (state !== 'unchanged' && state !== 'changed' && state !== 'deleted'))
        return undefined;
      if (state !== this.last) {
        this.last = state;
        this.options.onChange(docId, state);
      }
      return state;
    } catch {
      return undefined;
    } finally {
      this.checking = false;
    }
  }

  /** Stops asking. */
  dispose(): void {
    this.docId = undefined;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.docId) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.checkNow().finally(() => this.schedule());
    }, this.options.intervalMs ?? 5000);
  }
}
