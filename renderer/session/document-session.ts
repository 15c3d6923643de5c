/**
 * The open document's identity and file operations, as a plain class (no React): which document the
 * editor shows (an opaque `docId` from main; the renderer never sees a path), the last saved content
 * (so "unsaved" is an exact comparison, and undoing back to the saved text makes the document clean
 * again), New, Open, Open Recent, Save and Save As with the unsaved-changes prompt in front of
 * anything that would replace the document, the recovery offer after a crash, and changes to the
 * file by other programs. Unsaved work is backed up to main's recovery store a second after typing
 * pauses (and saved to its file when autosave is on); the document's file is watched for changes.
 *
 * The window reads it through `useDocumentSession` (use-document-session.ts): `subscribe` and
 * `getState` are the shape React's `useSyncExternalStore` takes.
 */
import type { Editor } from '@tiptap/core';
import { EditorState, Selection } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import i18next from 'i18next';
import type { LecternApi, OpenResult, RecoveryEntry, SaveResult } from '../../shared/ipc/contract';
import type { NodeJSON, SpeechFile, SpeechMeta } from '../../shared/document/file-format';
import { BackupScheduler, type DocumentState } from '../recovery/backup-scheduler';
import { ExternalWatcher } from '../recovery/external-watcher';
import type { Timers } from '../recovery/timers';
import { replaceContent } from '../history/replace';
import { insertImported } from '../import/insert';
import { placeholdersKey } from '../editor/extensions/placeholders';
import type { ExternalKind, Restored, SessionState, ShownFailure, UnsavedChoice } from './session-types';
import { windowTitle } from '../../shared/document/window-title';

interface Identity {
  docId: string;
  name: string;
  /** Whether the document belongs to a file on disk (autosave, history and the watcher need one). */
  hasFile: boolean;
  /** The envelope as loaded or last saved (meta, placeholders); `doc` is the editor's. */
  file: SpeechFile;
  savedDoc: PMNode;
  /** The properties as last saved, serialised, so that changing them back makes the document clean. */
  savedMeta: string;
  /** The named-field values as last saved, serialised. */
  savedValues: string;
}

/** How a document is taken into the editor. */
interface AdoptOptions {
  hasFile: boolean;
  /** Shown as unsaved from the start (a restored backup, a salvaged copy): its text is not what any file holds. */
  unsaved?: boolean;
}

/** What a `DocumentSession` is built with; all but `askUnsaved` have defaults. */
export interface DocumentSessionOptions {
  /** Shows the 保存 / 不保存 / 取消 prompt for the document `name` and answers the choice. */
  askUnsaved(name: string): Promise<UnsavedChoice>;
  /** Whether autosave to the file is on (the setting); off by default. */
  autosave?: boolean;
  /** A quiet warning for the window's notice (a backup that failed), as finished text. */
  onWarning?(text: string): void;
  /** Sets the window's title; the document's by default (main mirrors it in the title bar). */
  setTitle?(title: string): void;
  /** The timers of the backup scheduler and the watcher (tests pass fake ones); the browser's by default. */
  timers?: Timers;
}

/** The title block's text, used as the document's title in its properties. */
function titleText(doc: PMNode): string | undefined {
  let title: string | undefined;
  doc.forEach((block) => {
    if (title === undefined && block.type.name === 'title' && block.textContent.trim())
      title = block.textContent.trim();
  });
  return title;
}

/** The named-field values the placeholder plugin holds (none when it is off). */
function fieldValues(editor: Editor): Record<string, string> {
  return { ...(placeholdersKey.getState(editor.state)?.values ?? {}) };
}

/**
 * Scrolls the page to the document's top and gives the editor the focus, now. A page hidden behind
 * the start view takes neither; the window gives it the focus when it shows (app.tsx).
 */
function showFromTop(editor: Editor): void {
  const { dom } = editor.view;
  let scroller = dom.parentElement;
  for (; scroller; scroller = scroller.parentElement) scroller.scrollTop = 0;
  if (!editor.view.hasFocus()) editor.view.focus();
}

/** Replaces the editor's document with a fresh state, so undo cannot reach the previous document. */
function loadIntoEditor(editor: Editor, file: SpeechFile): PMNode {
  const doc = editor.schema.nodeFromJSON(file.doc);
  // Editable before the state is made: the empty-block hints (讲话标题) are computed when the state
  // is created and only for an editable editor, so the first document would otherwise show none
  // until an edit touched the title (issue 12, item 4).
  if (!editor.isEditable) editor.setEditable(true, false);
  // The caret at the start and the page at its top at once, in the same task that shows the text, and
  // focus given now rather than in a later frame (TipTap's focus command defers it): a focus that
  // lands after the user has clicked writes the old caret over the click, and a page still scrolled
  // to where the previous speech was sends the click elsewhere (issue 12, item 5).
  editor.view.updateState(
    EditorState.create({ doc, plugins: editor.state.plugins, selection: Selection.atStart(doc) }),
  );
  if (placeholdersKey.getState(editor.state)) editor.commands.setPlaceholderValues(file.placeholders.values);
  showFromTop(editor);
  return editor.state.doc;
}

const NO_META: SpeechMeta = {};

/** The document main holds for an open's answer, when it made one. */
const openedId = (result: OpenResult): string | undefined =>
  result.status === 'opened' || result.status === 'salvaged' ? result.docId : undefined;

/** Whether two states show the same thing (every field compared by identity). */
function sameState(a: SessionState, b: SessionState): boolean {
  return (Object.keys(a) as (keyof SessionState)[]).every((key) => a[key] === b[key]);
}

/**
 * One window's document session for `editor`. Call `connect` once the window shows (it listens to
 * the editor and the window, and makes the first start's decision) and the function it returns when
 * the window goes. Every action is a bound function, so it can be handed to a button as it is.
 */
export class DocumentSession {
  private identity: Identity | undefined;
  private failure: ShownFailure | undefined;
  private external: ExternalKind | undefined;
  private salvaged: SessionState['salvaged'];
  private recovery: RecoveryEntry[] | undefined;
  private saves = 0;
  private starting = true;
  private started = false;
  private connected = false;
  /** While a document is being loaded, its transactions say nothing about unsaved changes. */
  private loading = false;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  // Failures of autosaves and backups already told, by document and code: told once, not every few seconds.
  private readonly told = new Set<string>();
  // Files sent by an autosave, with the editor document they were made from.
  private readonly sentDocs = new WeakMap<SpeechFile, PMNode>();
  private readonly scheduler: BackupScheduler;
  private readonly watcher: ExternalWatcher;
  /** The document the watcher watches (one with a file), so it is told only when that changes. */
  private watched: string | undefined;
  /** The name and unsaved marker main was last told, so it is told only when they change. */
  private windowState = '';

  constructor(
    private readonly editor: Editor,
    private readonly api: LecternApi,
    private readonly options: DocumentSessionOptions,
  ) {
    this.state = this.compute();
    this.scheduler = new BackupScheduler(api, {
      autosave: options.autosave ?? false,
      ...(options.timers ? { timers: options.timers } : {}),
      onAutosaved: (docId, result: SaveResult, file) => {
        const doc = this.sentDocs.get(file);
        if (result.status === 'saved' && doc) this.markSaved(docId, result.name, file, doc, file.placeholders.values);
        else if (result.status === 'conflict' && this.identity?.docId === docId) this.update({ external: 'conflict' });
        else if (result.status === 'failed' && !this.told.has(`save:${docId}:${result.error.code}`)) {
          // The document stays unsaved and backed up; say once why the file was not written.
          this.told.add(`save:${docId}:${result.error.code}`);
          this.update({ failure: { action: 'save', error: result.error } });
        }
      },
      onBackupFailed: (docId, message) => {
        if (this.told.has(`backup:${docId}`)) return;
        this.told.add(`backup:${docId}`);
        this.options.onWarning?.(i18next.t('recovery.backupFailed', { message }));
      },
    });
    this.watcher = new ExternalWatcher(api, {
      ...(options.timers ? { timers: options.timers } : {}),
      onChange: (docId, change) => {
        if (this.identity?.docId !== docId || change === 'unchanged') return;
        this.update({ external: this.external ?? change });
      },
    });
  }

  /** The state to show now; the same object until something in it changes. */
  readonly getState = (): SessionState => this.state;

  /** Calls `listener` after every change of the state; answers the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /**
   * Starts listening: edits restart the backup timers and update the unsaved marker, window focus
   * asks whether the file changed on disk, and (the first time only) the start is decided: the work
   * a crash left unsaved is offered over a new empty speech, else no document opens and the start
   * view offers new, template, open, import and the recent files (issue 12, item 10). Answers the
   * function that stops listening, the timers and the watcher.
   */
  readonly connect = (): (() => void) => {
    this.connected = true;
    const onTransaction = () => {
      if (!this.loading) this.refresh();
    };
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged && !this.loading) this.scheduler.edited(this.documentState);
    };
    const onFocus = () => void this.watcher.checkNow();
    this.editor.on('transaction', onTransaction);
    this.editor.on('update', onUpdate);
    window.addEventListener('focus', onFocus);
    this.refresh();
    this.watchFile();
    if (!this.started) void this.start();
    return () => {
      this.connected = false;
      this.editor.off('transaction', onTransaction);
      this.editor.off('update', onUpdate);
      window.removeEventListener('focus', onFocus);
      this.scheduler.dispose();
      this.watched = undefined;
      this.watcher.watch(undefined);
    };
  };

  /** Changes document properties; an unsaved change like any edit. */
  readonly updateMeta = (patch: Partial<SpeechMeta>): void => {
    const now = this.identity;
    if (!now) return;
    this.identity = { ...now, file: { ...now.file, meta: { ...now.file.meta, ...patch } } };
    this.refresh();
  };

  /** Closes the failure message. */
  readonly dismissFailure = (): void => this.update({ failure: undefined });

  /** Shows a failure of something outside the session (an import) the same way as its own. */
  readonly showFailure = (failure: ShownFailure): void => this.update({ failure });

  /** File → New: a new untitled document (asking about unsaved changes first). */
  readonly newDocument = async (): Promise<void> => {
    const created = await this.replaceWith(
      () => this.api.newDocument({}),
      (result) => result.docId,
    );
    if (!created) return;
    this.adopt(created.docId, created.name, created.file, { hasFile: false });
  };

  /**
   * Starts a new untitled document holding an imported speech (asking about unsaved changes first); it is unsaved until
   * saved.
   */
  readonly importAsNew = async (doc: NodeJSON): Promise<void> => {
    const created = await this.replaceWith(
      () => this.api.newDocument({}),
      (result) => result.docId,
    );
    if (!created) return;
    this.adopt(created.docId, created.name, created.file, { hasFile: false });
    // Into the new, empty document: the imported speech differs from the saved (empty) one, so it is unsaved.
    insertImported(this.editor, doc);
  };

  /** File → New from Template: a new untitled document from a library entry (asking about unsaved changes first). */
  readonly newFromEntry = async (id: string): Promise<void> => {
    const created = await this.replaceWith(
      () => this.api.newFromLibraryEntry({ id }),
      (result) => (result.status === 'created' ? result.docId : undefined),
    );
    if (!created) return;
    if (created.status === 'created') this.adopt(created.docId, created.name, created.file, { hasFile: false });
    else this.update({ failure: { action: 'open', error: created.error } });
  };

  /**
   * File → 打开 (the dialog), or, with `handoverId` from main's `open` command, the file the system
   * handed over (a double-click on a .speech); asks about unsaved changes first either way.
   */
  readonly open = async (handoverId?: string): Promise<void> => {
    const result = await this.replaceWith(
      () => this.api.openDocument(handoverId === undefined ? {} : { handoverId }),
      openedId,
    );
    if (result) this.opened(result);
  };

  /** File → Open Recent: the recent file `recentId` (asking about unsaved changes first). */
  readonly openRecent = async (recentId: string): Promise<void> => {
    const result = await this.replaceWith(() => this.api.openRecent({ recentId }), openedId);
    if (result) this.opened(result);
  };

  /** File → Save; answers whether the file was written (not while a change on disk waits for the user). */
  readonly save = (): Promise<boolean> => this.write('save');

  /** File → Save As; answers whether a file was written. */
  readonly saveAs = (): Promise<boolean> => this.write('saveAs');

  /** Saves, then asks main to close the window (the native close prompt's 保存). */
  readonly saveThenClose = async (): Promise<void> => {
    if (await this.write('save')) await this.api.closeWindow({});
  };

  /** The document as a file, as it stands in the editor, with the title in its properties (for export). */
  readonly currentFile = (): SpeechFile | undefined => {
    const current = this.identity;
    if (!current) return undefined;
    const title = titleText(this.editor.state.doc);
    return {
      ...current.file,
      meta: { ...current.file.meta, ...(title ? { title } : {}) },
      placeholders: { ...current.file.placeholders, values: fieldValues(this.editor) },
      doc: this.editor.state.doc.toJSON(),
    };
  };

  /** Closes the external-change dialog without a choice (clean: "not now"; deleted: "OK"). */
  readonly dismissExternal = (): void => this.update({ external: undefined });

  /** "Take theirs": the version on disk replaces the text (one undo step) and is the saved version. */
  readonly takeTheirs = (file: SpeechFile): void => {
    const current = this.identity;
    this.update({ external: undefined });
    if (!current || !replaceContent(this.editor, file.doc)) return;
    if (placeholdersKey.getState(this.editor.state))
      this.editor.commands.setPlaceholderValues(file.placeholders.values);
    // Main made the disk version the one saves are checked against; it is the saved text now.
    this.markSaved(current.docId, current.name, file, this.editor.state.doc, fieldValues(this.editor));
    this.scheduler.settled(current.docId);
  };

  /**
   * "Keep mine": close the dialog and, after a conflict, save the editor's text (`force`: over a version main could not
   * read).
   */
  readonly keepMine = ({ save, force }: { save: boolean; force: boolean }): void => {
    this.update({ external: undefined });
    if (save) void this.write('save', force);
  };

  /** Closes the message about a damaged file opened as a copy. */
  readonly dismissSalvaged = (): void => this.update({ salvaged: undefined });

  /**
   * Asks main for backups again (File → 恢复未保存的文稿…), and about unsaved changes before offering
   * them, since a restore replaces the document shown; answers how many there are.
   */
  readonly findRecovery = async (): Promise<number> => {
    const { entries } = await this.api.listRecovery({});
    if (entries.length && (await this.mayReplace())) this.update({ recovery: entries });
    return entries.length;
  };

  /** A backup was restored: it becomes the document, unsaved. */
  readonly restored = (restored: Restored): void =>
    this.adopt(restored.docId, restored.name, restored.file, { hasFile: restored.hasFile, unsaved: true });

  /** The recovery offer is closed: everything handled, or "later". */
  readonly recoveryDone = (): void => this.update({ recovery: undefined });

  /** A version from History becomes the text (one undo step; the document is then unsaved). */
  readonly restoreVersion = (file: SpeechFile): void => {
    if (!replaceContent(this.editor, file.doc)) return;
    if (placeholdersKey.getState(this.editor.state))
      this.editor.commands.setPlaceholderValues(file.placeholders.values);
  };

  /** Turns autosave to the file on or off (the setting). */
  readonly setAutosave = (enabled: boolean): void => this.scheduler.setAutosave(enabled);

  /** The first start's decision (see `connect`); made once per session. */
  private async start(): Promise<void> {
    this.started = true;
    try {
      // A recovery store that cannot be read offers nothing; File → 恢复未保存的文稿… asks again.
      const { entries } = await this.api.listRecovery({}).catch(() => ({ entries: [] as RecoveryEntry[] }));
      if (!this.connected || this.identity || !entries.length) return;
      const created = await this.api.newDocument({});
      if (!this.identity) this.adopt(created.docId, created.name, created.file, { hasFile: false });
      this.update({ recovery: entries });
    } catch {
      // No new document from main: the start view shows, and its 新建 asks again.
    } finally {
      this.update({ starting: false });
    }
  }

  /** The document as the backup scheduler reads it when a timer fires. */
  private readonly documentState = (): DocumentState | undefined => {
    const current = this.identity;
    if (!current) return undefined;
    return {
      docId: current.docId,
      name: current.name,
      dirty: this.state.dirty,
      // Autosave writes only to a file, and never while a change on disk waits for the user.
      hasFile: current.hasFile && this.external === undefined,
      file: () => {
        const file = this.currentFile()!;
        this.sentDocs.set(file, this.editor.state.doc);
        return file;
      },
    };
  };

  private adopt(docId: string, name: string, file: SpeechFile, how: AdoptOptions): void {
    const previous = this.identity;
    this.loading = true;
    let loaded: PMNode;
    try {
      loaded = loadIntoEditor(this.editor, file);
    } finally {
      this.loading = false;
    }
    // An unsaved start compares against an empty speech, so any text in it counts as unsaved.
    const savedDoc = how.unsaved
      ? this.editor.schema.nodeFromJSON({ type: 'doc', content: [{ type: 'title' }] })
      : loaded;
    // At once: a reply still on its way (the first new document) must see that a document is
    // already shown, and must not replace it.
    this.identity = {
      docId,
      name,
      hasFile: how.hasFile,
      file,
      savedDoc,
      savedMeta: JSON.stringify(file.meta),
      savedValues: JSON.stringify(fieldValues(this.editor)),
    };
    this.update({ external: undefined });
    if (previous && previous.docId !== docId) void this.api.closeDocument({ docId: previous.docId });
  }

  private opened(result: OpenResult): void {
    if (result.status === 'opened') this.adopt(result.docId, result.name, result.file, { hasFile: true });
    else if (result.status === 'salvaged') {
      // What could be read of a damaged file, as a new untitled document; the file is untouched.
      this.adopt(result.docId, result.name, result.file, { hasFile: false, unsaved: true });
      this.update({ salvaged: result });
    } else if (result.status === 'failed') this.update({ failure: { action: 'open', error: result.error } });
  }

  /** Marks `file` (made from the editor's `doc`) as what the document's file now holds. */
  private markSaved(docId: string, name: string, file: SpeechFile, doc: PMNode, values: Record<string, string>): void {
    const now = this.identity;
    if (now && now.docId === docId) {
      const saved = { savedDoc: doc, savedMeta: JSON.stringify(file.meta), savedValues: JSON.stringify(values) };
      this.identity = { ...now, name, hasFile: true, file, ...saved };
    }
    this.saves += 1;
    this.refresh();
  }

  private async write(mode: 'save' | 'saveAs', force = false): Promise<boolean> {
    const current = this.identity;
    if (!current) return false;
    // A plain save while the conflict dialog is open would settle it behind the user's back.
    if (mode === 'save' && this.external !== undefined) return false;
    const doc = this.editor.state.doc;
    const values = fieldValues(this.editor);
    const file = this.currentFile()!;
    const request = { docId: current.docId, file };
    const result =
      mode === 'save'
        ? await this.api.saveDocument({ ...request, ...(force ? { force } : {}) })
        : await this.api.saveDocumentAs(request);
    if (result.status === 'saved') {
      this.markSaved(current.docId, result.name, file, doc, values);
      this.scheduler.settled(current.docId);
      return true;
    }
    // Someone else changed the file since it was opened: nothing was written; show the conflict.
    if (result.status === 'conflict') this.update({ external: 'conflict' });
    if (result.status === 'failed') this.update({ failure: { action: 'save', error: result.error } });
    return false;
  }

  /** Asks about unsaved changes; resolves true when it is fine to replace the document. */
  /**
   * Fetches from main what is to replace the document shown, once the user has let that go
   * (`mayReplace`), and answers it, or undefined when the user keeps their words. Main may take a
   * moment (a recent file on a slow or network disk, a library entry): words typed meanwhile would
   * be replaced unasked, so an edit made while the fetch was on its way is asked about again, and
   * on 取消 what was fetched is closed and the words stay.
   */
  private async replaceWith<T>(fetch: () => Promise<T>, fetchedId: (result: T) => string | undefined) {
    if (!(await this.mayReplace())) return undefined;
    let approved = this.editor.state.doc;
    const result = await fetch();
    while (!this.editor.state.doc.eq(approved)) {
      approved = this.editor.state.doc;
      if (await this.mayReplace()) continue;
      const docId = fetchedId(result);
      if (docId !== undefined) void this.api.closeDocument({ docId });
      return undefined;
    }
    return result;
  }

  private async mayReplace(): Promise<boolean> {
    const current = this.identity;
    if (!current || !this.state.dirty) return true;
    const choice = await this.options.askUnsaved(current.name);
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    return this.write('save');
  }

  /** Sets what the dialogs show, then refreshes the state. */
  private update(
    patch: Partial<Pick<SessionState, 'failure' | 'external' | 'salvaged' | 'recovery' | 'starting'>>,
  ): void {
    if ('failure' in patch) this.failure = patch.failure;
    if ('external' in patch) this.external = patch.external;
    if ('salvaged' in patch) this.salvaged = patch.salvaged;
    if ('recovery' in patch) this.recovery = patch.recovery;
    if (patch.starting !== undefined) this.starting = patch.starting;
    this.refresh();
  }

  /** The state as it is now, unsaved marker included. */
  private compute(): SessionState {
    const id = this.identity;
    const dirty = id
      ? !this.editor.state.doc.eq(id.savedDoc) ||
        JSON.stringify(fieldValues(this.editor)) !== id.savedValues ||
        JSON.stringify(id.file.meta) !== id.savedMeta
      : false;
    return {
      docId: id?.docId,
      starting: this.starting && !id,
      name: id?.name ?? '',
      dirty,
      meta: id?.file.meta ?? NO_META,
      hasFile: id?.hasFile ?? false,
      saves: this.saves,
      failure: this.failure,
      external: this.external,
      salvaged: this.salvaged,
      recovery: this.recovery,
    };
  }

  /**
   * Recomputes the state and, when it changed, tells the listeners and what follows from it: the
   * backup timers (the document became unsaved, or its properties changed while unsaved), the
   * watcher (another document, or one with a file now) and main's title bar and close prompt.
   */
  private refresh(): void {
    const before = this.state;
    const next = this.compute();
    if (sameState(before, next)) return;
    this.state = next;
    if (next.dirty && (!before.dirty || next.meta !== before.meta)) this.scheduler.edited(this.documentState);
    this.watchFile();
    if (next.docId !== undefined) {
      const windowState = JSON.stringify([next.docId, next.name, next.dirty]);
      if (windowState !== this.windowState) {
        this.windowState = windowState;
        const title = windowTitle(next.name, next.dirty);
        if (this.options.setTitle) this.options.setTitle(title);
        else document.title = title;
        void this.api.setDocumentState({ docId: next.docId, name: next.name, dirty: next.dirty });
      }
    }
    for (const listener of [...this.listeners]) listener();
  }

  /** Watches the document's file, if it has one, while connected; the watcher is told only of a change. */
  private watchFile(): void {
    const watched = this.connected && this.state.hasFile ? this.state.docId : undefined;
    if (watched === this.watched) return;
    this.watched = watched;
    this.watcher.watch(watched);
  }
}
