/**
 * The Lectern window: toolbar, the page-like editor, the status bar, and the dialogs. Menu
 * commands arrive from main through `window.lectern.onCommand`; on the web host (tests) the same
 * shortcuts are handled here, since there is no native menu.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { Command, Language, LecternApi, Settings } from '../shared/ipc/contract';
import { speechExtensions } from './editor/extensions';
import { useDocumentSession, type UnsavedChoice } from './document-session';
import { Toolbar } from './components/toolbar';
import { StatusBar } from './components/status-bar';
import { FailureDialog, UnsavedDialog } from './components/dialogs';
import { setLanguage } from './i18n';
import { OutlinePanel } from './outline/outline-panel';
import { PropertiesDialog } from './components/properties-dialog';
import { ExportDialog } from './components/export-dialog';
import { PlaceholderPanel } from './placeholders/placeholder-panel';
import { DEFAULT_SPEAKING_RATE } from '../shared/document/stats';
import type { ImportSource } from '../shared/import/index';
import type { ImportFileResult } from '../shared/ipc/contract';
import { ImportDialog } from './import/import-dialog';
import { insertImported } from './import/insert';
import { LibraryPanel } from './library/library-panel';
import { SaveToLibraryDialog } from './library/save-dialog';
import { RecoveryDialog } from './recovery/recovery-dialog';
import { ExternalChangeDialog } from './recovery/external-dialog';
import { HistoryPanel } from './history/history-panel';
import { SalvageDialog } from './recovery/salvage-dialog';
import { placeCaretFromPage } from './editor/page-click';
import { StartView } from './start/start-view';
import { startViewCommand } from './start/commands';
import { useFocusRegions } from './focus-regions';

/** What the import report shows: a file's content (imported as a new document) or a paste (into this one). */
interface PendingImport {
  source: ImportSource;
  /** The file's name; none for a paste. */
  name?: string;
  target: 'new' | 'here';
}

/** The largest file a drop may bring (the same limit main applies). */
const MAX_DROP_BYTES = 50 * 1024 * 1024;

/** A dropped file's bytes as base64, without loading them into a JavaScript string twice. */
function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface PendingPrompt {
  name: string;
  resolve: (choice: UnsavedChoice) => void;
}

/** File shortcuts for the web host, where no native menu carries the accelerators. */
function fileShortcut(event: KeyboardEvent): Command['command'] | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  switch (event.key.toLowerCase()) {
    case 'n':
      return event.shiftKey ? 'newFromTemplate' : 'new';
    case 's':
      return event.shiftKey ? 'saveAs' : 'save';
    case 'e':
      return event.shiftKey ? 'export' : undefined;
    case 'p':
      return event.shiftKey ? undefined : 'print';
    case 'o':
      return event.shiftKey ? 'import' : 'open';
    default:
      return undefined;
  }
}

function outlineShortcut(event: KeyboardEvent): Command['command'] | undefined {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key === '\\' ? 'toggleOutline' : undefined;
}

export function App({ api, initialSettings, placeholders = true }: { api: LecternApi; initialSettings?: Settings; placeholders?: boolean }) {
  const { t } = useTranslation();
  const hints = useMemo(() => ({ title: t('hints.title'), byline: t('hints.byline'), salutation: t('hints.salutation') }), [t]);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [outlineOpen, setOutlineOpen] = useState(true);
  const [propertiesOpen, setPropertiesOpen] = useState(false);
  const [placeholdersOpen, setPlaceholdersOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState<'export' | 'print' | undefined>(undefined);
  const [importing, setImporting] = useState<PendingImport | undefined>(undefined);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [savingToLibrary, setSavingToLibrary] = useState(false);
  // Bumped after an entry is saved, so an open library panel lists it.
  const [libraryRevision, setLibraryRevision] = useState(0);
  const [revealable, setRevealable] = useState(false);
  const [savedProfiles, setSavedProfiles] = useState(initialSettings?.profiles ?? {});
  const [checkLevels, setCheckLevels] = useState(initialSettings?.checkLevels ?? true);
  const [autosave, setAutosave] = useState(initialSettings?.autosave ?? false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [nameRequest, setNameRequest] = useState(0);
  // Bumped by 从模板新建 while the start view shows, which then focuses its templates.
  const [templatesRequest, setTemplatesRequest] = useState(0);
  const checkLevelsRef = useRef(checkLevels);
  checkLevelsRef.current = checkLevels;
  const hintsRef = useRef(hints);
  hintsRef.current = hints;
  // The editor's options must keep their identity across renders: new options make useEditor
  // call setOptions, whose view.updateState drops text the browser inserted but ProseMirror has
  // not read yet (fast typing then lands in the wrong block).
  const extensions = useMemo(
    () =>
      speechExtensions({
        hints: {
          get title() {
            return hintsRef.current.title;
          },
          get byline() {
            return hintsRef.current.byline;
          },
          get salutation() {
            return hintsRef.current.salutation;
          },
        },
        checkLevels: () => checkLevelsRef.current,
        placeholders,
        // Notices hold finished text; the shared i18next instance translates in the current language.
        onSectionRefused: (reason) => {
          setRevealable(false);
          setNotice(i18next.t(`section.refused.${reason}`));
        },
        onImportPaste: (source) => setImporting({ source, target: 'here' }),
      }),
    [],
  );
  const editorProps = useMemo(() => ({ attributes: { class: 'speech', spellcheck: 'false', 'data-testid': 'editor' } }), []);
  // Read-only until the first document arrives from main, so nothing typed before it is lost.
  // (Set on creation, not as an option: options are compared on every render, and a difference
  // would call setOptions again.)
  const editor = useEditor({ extensions, editorProps, autofocus: 'start', onCreate: ({ editor: created }) => created.setEditable(false, false) });
  // F6 / Shift+F6 between toolbar, outline, page, panels and status bar; Esc in a panel back to the page.
  useFocusRegions(editor);

  // The page's name for screen readers follows the UI language (set on the element, so that the
  // editor's options keep their identity).
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dom.setAttribute('aria-label', t('app.editorLabel'));
  }, [editor, t]);

  const [prompt, setPrompt] = useState<PendingPrompt | undefined>(undefined);
  const askUnsaved = useCallback((name: string) => new Promise<UnsavedChoice>((resolve) => setPrompt({ name, resolve })), []);
  const onWarning = useCallback((text: string) => {
    setRevealable(false);
    setNotice(text);
  }, []);
  const session = useDocumentSession(editor, api, askUnsaved, { autosave, onWarning });

  const changeLanguage = useCallback(
    async (language: Language) => {
      await setLanguage(language);
      await api.setSettings({ language });
    },
    [api],
  );

  /** Shows the import report for a file main read, or the failure that stopped it. */
  const showImport = useCallback(
    (result: ImportFileResult) => {
      if (result.status === 'read') setImporting({ source: { kind: result.kind, content: result.content }, name: result.name, target: 'new' });
      else if (result.status === 'failed') session.showFailure({ action: 'import', error: result.error });
    },
    [session],
  );
  const showImportRef = useRef(showImport);
  showImportRef.current = showImport;

  const run = useCallback(
    (command: Command) => {
      if (!session.docId) {
        const onStart = startViewCommand(command);
        if (onStart === 'ignore') return;
        if (onStart === 'templates') return setTemplatesRequest((n) => n + 1);
      }
      switch (command.command) {
        case 'new':
          return void session.newDocument();
        case 'open':
          return void session.open(command.handoverId);
        case 'openRecent':
          return command.recentId ? void session.openRecent(command.recentId) : undefined;
        case 'save':
          return void session.save();
        case 'saveAs':
          return void session.saveAs();
        case 'saveThenClose':
          return void session.saveThenClose();
        case 'undo':
          return void editor?.chain().focus().undo().run();
        case 'redo':
          return void editor?.chain().focus().redo().run();
        case 'setLanguage':
          return command.language ? void changeLanguage(command.language) : undefined;
        case 'toggleOutline':
          return setOutlineOpen((open) => !open);
        case 'properties':
          return setPropertiesOpen(true);
        case 'togglePlaceholders':
          return setPlaceholdersOpen((open) => !open);
        case 'export':
          return setExportOpen('export');
        case 'print':
          return setExportOpen('print');
        case 'import':
          return void api.importFile(command.handoverId === undefined ? {} : { handoverId: command.handoverId }).then(showImport);
        case 'toggleLibrary':
          return setLibraryOpen((open) => !open);
        case 'newFromTemplate':
          return setLibraryOpen(true);
        case 'saveToLibrary':
          return setSavingToLibrary(true);
        case 'toggleHistory':
          // Opened from the View menu: the list, not the name form a past 保留当前版本… asked for.
          setNameRequest(0);
          return setHistoryOpen((open) => !open);
        case 'keepVersion':
          setHistoryOpen(true);
          return setNameRequest((n) => n + 1);
        case 'recoverUnsaved':
          return void session.findRecovery().then((count) => {
            if (count === 0) {
              setRevealable(false);
              setNotice(t('recoveryNone'));
            }
          });
      }
    },
    [api, changeLanguage, editor, session, showImport, t],
  );
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    const unsubscribe = api.onCommand((command) => runRef.current(command));
    // Main holds back the files the system handed over to this window until it listens (issue 20).
    void api.readyForCommands({}).catch(() => undefined);
    return unsubscribe;
  }, [api]);

  // The end-to-end tests read the document through this handle on the web host only.
  useEffect(() => {
    if (api.host !== 'web' || !editor) return undefined;
    (window as unknown as { lecternEditor?: unknown }).lecternEditor = editor;
    return () => {
      delete (window as unknown as { lecternEditor?: unknown }).lecternEditor;
    };
  }, [api, editor]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Ctrl+\ toggles the outline in both hosts (the View menu shows it too); the file
      // shortcuts are the native menu's in Electron, so only the web host handles them here.
      const command = outlineShortcut(event) ?? (api.host === 'web' ? fileShortcut(event) : undefined);
      if (!command) return;
      event.preventDefault();
      runRef.current({ command });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [api]);

  // A file dropped anywhere on the window is imported (and never opened by the browser itself).
  useEffect(() => {
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      if (file.size > MAX_DROP_BYTES) {
        showImportRef.current({ status: 'failed', error: { code: 'import-too-large', message: `larger than ${MAX_DROP_BYTES / 1024 / 1024} MB`, fileName: file.name } });
        return;
      }
      void fileAsBase64(file)
        .then((data) => api.importFile({ dropped: { name: file.name, data } }))
        .then((result) => showImportRef.current(result))
        .catch((error: unknown) => showImportRef.current({ status: 'failed', error: { code: 'import-unreadable', message: String(error), fileName: file.name } }));
    };
    // Capture, so the editor does not take the drop as a drag of text.
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [api]);

  // A notice goes away by itself after a few seconds.
  useEffect(() => {
    if (!notice) return setRevealable(false);
    const timer = window.setTimeout(() => setNotice(undefined), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  // The page was hidden behind the start view when the document arrived, and a hidden editor takes
  // no focus: focus it once it shows, so the first keystrokes land on the page.
  useEffect(() => {
    if (session.docId && editor && !editor.isDestroyed) editor.view.focus();
  }, [editor, session.docId]);

  const rate = session.meta.speakingRate ?? DEFAULT_SPEAKING_RATE;
  if (!editor) return null;
  return (
    <div className="app" data-ready={session.docId ? 'true' : 'false'}>
      {session.docId ? (
        <Toolbar
          editor={editor}
          session={session}
          onLanguage={(language) => void changeLanguage(language)}
          onCommand={(command) => runRef.current(command)}
        />
      ) : null}
      {!session.docId && !session.starting ? (
        <StartView
          api={api}
          onNew={() => void session.newDocument()}
          onOpen={() => void session.open()}
          onImport={() => runRef.current({ command: 'import' })}
          onTemplate={(id) => void session.newFromEntry(id)}
          onRecent={(recentId) => void session.openRecent(recentId)}
          templatesRequest={templatesRequest}
        />
      ) : null}
      {/* Kept mounted while no document is open: the editor and its panels live on under the start view. */}
      <div className="workspace" hidden={!session.docId}>
        {outlineOpen ? <OutlinePanel editor={editor} rate={rate} onSaveSection={() => setSavingToLibrary(true)} /> : null}
        <main className="desk">
          <div className="page" onMouseDown={(event) => placeCaretFromPage(editor, event.nativeEvent)}>
            <EditorContent editor={editor} />
          </div>
        </main>
        {placeholdersOpen ? <PlaceholderPanel editor={editor} onClose={() => setPlaceholdersOpen(false)} /> : null}
        {historyOpen ? (
          <HistoryPanel
            api={api}
            docId={session.docId}
            hasFile={session.hasFile}
            current={session.currentFile}
            revision={session.saves}
            nameRequest={nameRequest}
            onRestore={(file) => session.restoreVersion(file)}
            onClose={() => setHistoryOpen(false)}
          />
        ) : null}
        {libraryOpen ? (
          <LibraryPanel api={api} editor={editor} revision={libraryRevision} onNewFrom={(id) => void session.newFromEntry(id)} onClose={() => setLibraryOpen(false)} />
        ) : null}
      </div>
      {session.docId ? (
        <StatusBar
          editor={editor}
          dirty={session.dirty}
          hasFile={session.hasFile}
          rate={rate}
          targetMinutes={session.meta.targetMinutes}
          onProperties={() => setPropertiesOpen(true)}
          onPlaceholders={() => setPlaceholdersOpen((open) => !open)}
        />
      ) : null}
      {notice ? (
        <div className="notice" role="status" data-testid="notice">
          {notice}
          {revealable ? (
            <button type="button" className="reveal" onClick={() => void api.revealExport({})}>
              {t('export.reveal')}
            </button>
          ) : null}
          <button type="button" aria-label={t('app.closeNotice')} onClick={() => setNotice(undefined)}>
            ×
          </button>
        </div>
      ) : null}
      {exportOpen ? (
        <ExportDialog
          editor={editor}
          mode={exportOpen}
          saved={savedProfiles}
          onClose={() => setExportOpen(undefined)}
          onExport={async (format, profile, adjustment) => {
            const file = session.currentFile();
            if (!file || !session.docId) return;
            // The adjusted profile is offered again next time.
            const profiles = { ...savedProfiles, [profile]: adjustment };
            setSavedProfiles(profiles);
            void api.setSettings({ profiles });
            if (exportOpen === 'print') {
              const printed = await api.printDocument({ docId: session.docId, file, profile, adjustment });
              setExportOpen(undefined);
              if (printed.status === 'failed') setNotice(t('print.failed', { message: printed.message ?? '' }));
              return;
            }
            const result = await api.exportDocument({ docId: session.docId, file, format, profile, adjustment });
            if (result.status === 'canceled') return;
            setExportOpen(undefined);
            setNotice(result.status === 'exported' ? t('export.done', { name: result.name }) : t('export.failed', { name: result.error.fileName ?? '', message: result.error.message }));
            setRevealable(result.status === 'exported');
          }}
        />
      ) : null}
      {propertiesOpen ? (
        <PropertiesDialog
          meta={session.meta}
          checkLevels={checkLevels}
          autosave={autosave}
          onSave={(patch, nextCheckLevels, nextAutosave) => {
            session.updateMeta(patch);
            if (nextCheckLevels !== checkLevels) {
              setCheckLevels(nextCheckLevels);
              void api.setSettings({ checkLevels: nextCheckLevels });
            }
            if (nextAutosave !== autosave) {
              setAutosave(nextAutosave);
              void api.setSettings({ autosave: nextAutosave });
            }
          }}
          onClose={() => setPropertiesOpen(false)}
        />
      ) : null}
      {savingToLibrary ? (
        <SaveToLibraryDialog
          api={api}
          editor={editor}
          {...(session.meta.occasion ? { occasion: session.meta.occasion } : {})}
          onClose={() => setSavingToLibrary(false)}
          onSaved={(entry) => {
            setSavingToLibrary(false);
            setLibraryRevision((n) => n + 1);
            setRevealable(false);
            setNotice(t('library.saved', { name: entry.name }));
          }}
        />
      ) : null}
      {importing ? (
        <ImportDialog
          source={importing.source}
          {...(importing.name ? { name: importing.name } : {})}
          onCancel={() => {
            setImporting(undefined);
            // Back to the page, if there is one; on the start view the focus stays where the dialog returns it.
            if (session.docId) editor.commands.focus();
          }}
          onAccept={(result) => {
            setImporting(undefined);
            if (importing.target === 'new') void session.importAsNew(result.file.doc);
            else insertImported(editor, result.file.doc);
          }}
        />
      ) : null}
      {prompt ? (
        <UnsavedDialog
          name={prompt.name}
          onChoose={(choice) => {
            setPrompt(undefined);
            prompt.resolve(choice);
          }}
        />
      ) : null}
      {session.failure ? <FailureDialog failure={session.failure} onClose={session.dismissFailure} /> : null}
      {session.salvaged ? <SalvageDialog salvaged={session.salvaged} onClose={session.dismissSalvaged} /> : null}
      {session.external && session.docId && !prompt ? (
        <ExternalChangeDialog
          api={api}
          docId={session.docId}
          name={session.name}
          kind={session.external}
          dirty={session.dirty}
          current={() => session.currentFile()!}
          onTakeTheirs={session.takeTheirs}
          onKeepMine={session.keepMine}
          onDismiss={session.dismissExternal}
        />
      ) : null}
      {session.recovery && !session.external ? <RecoveryDialog api={api} entries={session.recovery} onRestored={session.restored} onDone={session.recoveryDone} /> : null}
    </div>
  );
}
