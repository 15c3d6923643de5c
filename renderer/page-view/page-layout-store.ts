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
 * A document opened or pasted is new to the layout's per-block cache, and breaking its 300,000 characters into lines
 * takes half a second: the store first fills the cache a slice of blocks at a time (`SLICE_MS` per idle callback,
 * through the layout's exported `blockLines`), so no task blocks the window for long, and then lays out from it.
 */
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { HeadingCounter } from '../../shared/document/numbering';
import type { ExportProfile } from '../../shared/export/profiles';
import { blockLines, layoutGrid, layoutLabel, layoutSpeech, type SpeechLayout } from '../../shared/layout/page-layout';
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
/** The longest one slice of filling the line cache takes, in ms. */
export const SLICE_MS = 8;

/** When the store's layout runs, and the clock it reads (a test's own in unit tests). */
export interface PageLayoutTiming {
  /** When to look whether a layout is due: after a pause, when idle. */
  schedule: Schedule;
  /** When to go on filling the line cache: the next idle moment. */
  soon: Schedule;
  now: () => number;
}

/** Filling the line cache for one document and profile: the next block to break into lines, and the numbering. */
interface Warming {
  doc: PMNode;
  profile: ExportProfile;
  next: number;
  counter: HeadingCounter;
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
  private readonly warm: Coalesced;
  private warming: Warming | undefined;
  private readonly plugin: Plugin;
  private destroyed = false;
  private readonly now: () => number;
  /** When the document last changed, and when the oldest change not yet laid out came. */
  private changedAt = -Infinity;
  private waitingSince: number | undefined;

  constructor(
    private readonly editor: Editor,
    private profile: ExportProfile,
    timing: PageLayoutTiming = {
      schedule: whenIdle(QUIET_MS, IDLE_TIMEOUT),
      soon: whenIdle(0, IDLE_TIMEOUT),
      now: () => performance.now(),
    },
  ) {
    this.now = timing.now;
    this.run = coalesce(() => this.layOutWhenDue(), timing.schedule);
    this.warm = coalesce(() => this.fillCache(), timing.soon);
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
    this.warm.cancel();
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
    this.fillCache();
  }

  /**
   * Breaks the next blocks of the editor's document into lines for `SLICE_MS`, as `layoutSpeech` will (same label,
   * same grid, so its cache answers), and lays out once every block is done. A document changed meanwhile starts
   * over, its unchanged blocks cached already. Only speeds the layout up: with other labels, it breaks them itself.
   */
  private fillCache(): void {
    if (this.destroyed || this.editor.isDestroyed) return;
    const { doc } = this.editor.state;
    let warming = this.warming;
    if (!warming || warming.doc !== doc || warming.profile !== this.profile)
      warming = this.warming = { doc, profile: this.profile, next: 0, counter: new HeadingCounter() };
    const grid = layoutGrid(this.profile);
    const end = this.now() + SLICE_MS;
    for (; warming.next < doc.childCount; warming.next++) {
      if ((warming.next & 15) === 0 && this.now() >= end) break;
      const block = doc.child(warming.next);
      blockLines(block, layoutLabel(block, this.profile, warming.counter), grid);
    }
    if (warming.next < doc.childCount) return this.warm.request();
    this.warming = undefined;
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
