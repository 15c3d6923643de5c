/**
 * The speech's pages as the editor shows them (issue 14): `layoutSpeech` of the editor's document in the export
 * dialog's default profile, recomputed off the keystroke's path. A plugin view notes that the document changed (one
 * comparison a transaction, and on a whole new state, which an open brings without a transaction); the layout runs
 * in one idle callback for any number of changes. The status bar and the page boundaries read the result; nothing
 * here touches the document.
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

/** How long a layout may wait behind a busy window, in ms, before it runs anyway. */
const IDLE_TIMEOUT = 400;

const pageLayoutKey = new PluginKey('pageLayout');

/**
 * The editor's pages, kept current without ever laying out in a keystroke's task: `subscribe` and `getSnapshot` are
 * React's external-store pair. `schedule` decides when the coalesced layout runs (an idle callback in the app; a
 * test's own queue in unit tests).
 */
export class PageLayoutStore {
  private snapshot: PageLayoutSnapshot | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly run: Coalesced;
  private readonly plugin: Plugin;
  private destroyed = false;

  constructor(
    private readonly editor: Editor,
    private profile: ExportProfile,
    schedule: Schedule = whenIdle(IDLE_TIMEOUT),
  ) {
    this.run = coalesce(() => this.layOut(), schedule);
    this.plugin = new Plugin({
      key: pageLayoutKey,
      view: () => {
        // A state with another plugin list (an open's fresh state) makes new plugin views instead of updating them.
        this.run.request();
        return {
          update: (view, previous) => {
            if (view.state.doc !== previous.doc) this.run.request();
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
