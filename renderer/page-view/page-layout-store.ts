/**
 * The speech's pages as the editor shows them (issue 14): `layoutSpeech` of the editor's document in the export
 * dialog's default profile, recomputed off the keystroke's path. A plugin view notes that the document changed (one
 * comparison a transaction, and on a whole new state, which an open brings without a transaction); the layout runs
 * in one idle callback for any number of changes. The status bar and the page boundaries read the result; nothing
 * here touches the document.
 *
 * While the user types on, the layout waits for a pause (`QUIET_MS` without a change) but never more than
 * `MAX_WAIT_MS`: at 300,000 characters one layout costs a few milliseconds even from the cache, which in every gap
 * between keystrokes would delay the next one (issue 14's benchmark: keystroke p95 with the page view ≤ 1.1 × off).
 */
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { ExportProfile } from '../../shared/export/profiles';
import { layoutSpeech, type SpeechLayout } from '../../shared/layout/page-layout';
import { coalesce, whenIdle, type Coalesced, type Schedule } from './coalesce';
import { pageStarts } from './page-map';

/** The pages of one document version: its layout and the document position each page starts at. */
export interface PageLayoutSnapshot {
  /** The document these pages are of (the editor's may be newer until the next run). */
  doc: PMNode;
  profile: ExportProfile;
  layout: SpeechLayout;
  /** Each page's first character's document position, ascending. */
  starts: number[];
}

/** The pause in typing, in ms, after which the pages are laid out again. */
export const QUIET_MS = 300;
/** The longest the pages lag behind continuous typing, in ms. */
export const MAX_WAIT_MS = 1500;
/** How long a layout may wait behind a busy window once due, in ms, before it runs anyway. */
const IDLE_TIMEOUT = 400;

/** When the store's layout runs, and the clock it reads (a test's own in unit tests). */
export interface PageLayoutTiming {
  schedule: Schedule;
  now: () => number;
}

const pageLayoutKey = new PluginKey('pageLayout');

/**
 * The editor's pages, kept current without ever laying out in a keystroke's task: `subscribe` and `getSnapshot` are
 * React's external-store pair. `timing` decides when the coalesced layout is looked at (a timer, then an idle
 * callback, in the app) and the clock the pause is measured on.
 */
export class PageLayoutStore {
  private snapshot: PageLayoutSnapshot | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly run: Coalesced;
  private readonly plugin: Plugin;
  private destroyed = false;
  private readonly now: () => number;
  /** When the document last changed, and when the oldest change not yet laid out came. */
  private changedAt = -Infinity;
  private waitingSince: number | undefined;

  constructor(
    private readonly editor: Editor,
    private profile: ExportProfile,
    timing: PageLayoutTiming = { schedule: whenIdle(QUIET_MS, IDLE_TIMEOUT), now: () => performance.now() },
  ) {
    this.now = timing.now;
    this.run = coalesce(() => this.layOutWhenDue(), timing.schedule);
    this.plugin = new Plugin({
      key: pageLayoutKey,
      view: () => {
        // A state with another plugin list (an open's fresh state) makes new plugin views instead of updating them;
        // a new document is laid out at once, with no pause to wait for.
        this.run.request();
        return {
          update: (view, previous) => {
            if (view.state.doc !== previous.doc) this.changed();
          },
        };
      },
    });
    editor.registerPlugin(this.plugin);
  }

  /** Lays out in `profile` from now on (the user adjusted the default profile), at the next idle moment. */
  setProfile(profile: ExportProfile): void {
    if (profile === this.profile) return;
    this.profile = profile;
    this.run.request();
  }

  /** The latest pages, or undefined before the first layout ran. */
  getSnapshot = (): PageLayoutSnapshot | undefined => this.snapshot;

  /** Calls `listener` after each new layout; answers the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether a layout is waiting to run (a change came after the last one). */
  get pending(): boolean {
    return this.run.pending;
  }

  /** Stops listening to the editor and drops a pending layout. */
  destroy(): void {
    this.destroyed = true;
    this.run.cancel();
    if (!this.editor.isDestroyed) this.editor.unregisterPlugin(pageLayoutKey);
    this.listeners.clear();
  }

  /** Notes a change of the document (one comparison and a clock read a transaction) and asks for a layout. */
  private changed(): void {
    this.changedAt = this.now();
    this.waitingSince ??= this.changedAt;
    this.run.request();
  }

  /** Lays out once typing has paused, or once the oldest change has waited long enough; else looks again later. */
  private layOutWhenDue(): void {
    const now = this.now();
    if (this.waitingSince !== undefined && now - this.changedAt < QUIET_MS && now - this.waitingSince < MAX_WAIT_MS) {
      this.run.request();
      return;
    }
    this.waitingSince = undefined;
    this.layOut();
  }

  private layOut(): void {
    if (this.destroyed || this.editor.isDestroyed) return;
    const { doc } = this.editor.state;
    const last = this.snapshot;
    if (last && last.doc === doc && last.profile === this.profile) return;
    const layout = layoutSpeech(doc, this.profile);
    this.snapshot = { doc, profile: this.profile, layout, starts: pageStarts(doc, layout) };
    for (const listener of this.listeners) listener();
  }
}
