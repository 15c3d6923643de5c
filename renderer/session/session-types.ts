/**
 * The types the document session speaks in: what it shows (its state), what it asks the user, and
 * what it is told back. They live beside the session, not in the dialogs that show them, so that the
 * session imports no view and the views import these from here.
 */
import type { Failure, OpenResult, RecoveryEntry, Response } from '../../shared/ipc/contract';
import type { SpeechMeta } from '../../shared/document/file-format';

/** What the user chose in the unsaved-changes prompt (保存 / 不保存 / 取消). */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** A failure to show the user, with what was being done when it happened. */
export interface ShownFailure {
  action: 'open' | 'save' | 'import';
  error: Failure;
}

/** A damaged file opened as an untitled copy: what to tell the user about it. */
export type Salvaged = Extract<OpenResult, { status: 'salvaged' }>;

/** Why the external-change dialog shows: the watcher saw a change or a deletion, or a save met a conflict. */
export type ExternalKind = 'changed' | 'deleted' | 'conflict';

/** A backup restored by the recovery dialog; the session opens it in the editor, marked unsaved. */
export type Restored = Extract<Response<'restoreRecovery'>, { status: 'restored' }>;

/**
 * The session as the window shows it: one immutable value, replaced (never changed in place) when
 * anything in it changes, so that React can compare it by identity.
 */
export interface SessionState {
  /** The open document's id; undefined while none is open (the start view shows then). */
  docId: string | undefined;
  /**
   * True until the first start has decided what to show: a blank document with the recovery offer
   * when a crash left unsaved work, else no document (the start view). Nothing should be shown
   * in that moment, so the start view does not flash before a recovery offer.
   */
  starting: boolean;
  /** The document's name (its file's, or 未命名); empty while none is open. */
  name: string;
  /** Whether the text, the named-field values or the properties differ from what was last saved. */
  dirty: boolean;
  /** The document's properties (speaking rate, target length, title…); empty while none is open. */
  meta: SpeechMeta;
  /** Whether the document belongs to a file on disk (autosave, history and the watcher need one). */
  hasFile: boolean;
  /** Counts saves, so panels that list versions reload. */
  saves: number;
  /** A failure to open, save or import, shown until dismissed. */
  failure: ShownFailure | undefined;
  /** The file changed on disk, was deleted, or a save met someone else's changes: the dialog to show. */
  external: ExternalKind | undefined;
  /** A damaged file that was opened as an untitled copy, shown until dismissed. */
  salvaged: Salvaged | undefined;
  /** Backups of unsaved work from a run that crashed, to offer; undefined when there is nothing to offer. */
  recovery: RecoveryEntry[] | undefined;
}
