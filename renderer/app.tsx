/**
 * The Lectern window's layout: the toolbar, the start view or the page with its panels, the status
 * bar, the notice and the dialogs. What each part does lives in its own module: the document
 * session (session/), the command table and how commands arrive (commands/), import and file drop
 * (import/), export and print (components/export-flow.tsx), the settings (settings/).
 */
import { useEffect, useRef } from 'react';
import { EditorContent } from '@tiptap/react';
import i18next from 'i18next';
import type { LecternApi, Settings } from '../shared/ipc/contract';
import { DEFAULT_SPEAKING_RATE } from '../shared/document/stats';
import { useSpeechEditor } from './editor/use-speech-editor';
import { placeCaretFromPage } from './editor/page-click';
import { useDocumentSession } from './session/use-document-session';
import { SessionDialogs, useUnsavedPrompt } from './session/session-dialogs';
import { useCommands } from './commands/use-commands';
import { useSettings } from './settings/use-settings';
import { useWindowPanels } from './window-panels';
import { Notice, useNotice } from './components/notice';
import { Toolbar } from './components/toolbar';
import { StatusBar } from './components/status-bar';
import { PropertiesDialog } from './components/properties-dialog';
import { ExportFlow } from './components/export-flow';
import { ImportFlow, useImportFlow } from './import/import-flow';
import { useFileDrop } from './import/file-drop';
import { OutlinePanel } from './outline/outline-panel';
import { SaveToLibraryDialog } from './library/save-dialog';
import { SidePanels } from './side-panels';
import { StartView } from './start/start-view';
import { usePageLayoutStore, PAGE_VIEW_PROFILE } from './page-view/use-page-layout';
import { usePageZoom } from './page-view/use-zoom';
import { PageBoundaries } from './page-view/page-boundaries';

/** What the window is opened with. */
export interface AppProps {
  api: LecternApi;
  initialSettings?: Settings;
  placeholders?: boolean;
  /** The page view (page boundaries, 第 N 页); on unless a benchmark turns it off to compare. */
  pageView?: boolean;
}

/**
 * The window for `api` (the Electron preload's or the web host's). `initialSettings` are main's
 * when the window opened; `placeholders` turns the named fields on (the default).
 */
export function App({ api, initialSettings, placeholders = true, pageView = true }: AppProps) {
  const notice = useNotice();
  const settings = useSettings(api, initialSettings);
  const panels = useWindowPanels();
  const unsaved = useUnsavedPrompt();
  // A file main could not read is shown as the session shows its own failures.
  const importing = useImportFlow((failed) => session?.showFailure({ action: 'import', error: failed.error }));
  // Notices hold finished text; the shared i18next instance translates in the current language.
  const editor = useSpeechEditor(api, {
    placeholders,
    checkLevels: settings.checkLevels,
    onSectionRefused: (reason) => notice.show(i18next.t(`section.refused.${reason}`)),
    onImportPaste: importing.showPaste,
  });
  const { session, state } = useDocumentSession(editor, api, unsaved.ask, {
    autosave: settings.autosave,
    onWarning: notice.show,
  });
  const hasDocument = state.docId !== undefined;
  // The page view (issue 14): the printed pages laid out off the keystroke's path, and the page's zoom on the desk.
  const desk = useRef<HTMLElement>(null);
  const zoom = usePageZoom(desk);
  // Only the status bar and the boundaries read the pages, so a new layout re-renders them and not the window.
  const pages = usePageLayoutStore(pageView ? editor : null, settings.profiles[PAGE_VIEW_PROFILE]);
  const commands = useCommands({
    api,
    editor,
    session,
    hasDocument,
    panels,
    settings,
    notice,
    zoom,
    showImport: importing.showImport,
  });
  useFileDrop(api, importing.showImport);

  // The page was hidden behind the start view when the document arrived, and a hidden editor takes
  // no focus: focus it once it shows, so the first keystrokes land on the page. Never over a caret
  // the user has already placed there (issue 12, item 5).
  useEffect(() => {
    if (state.docId && editor && !editor.isDestroyed && !editor.view.hasFocus()) editor.view.focus();
  }, [editor, state.docId]);

  if (!editor || !session) return null;
  const rate = state.meta.speakingRate ?? DEFAULT_SPEAKING_RATE;
  const { set } = panels;
  return (
    <div className="app" data-ready={hasDocument ? 'true' : 'false'}>
      {hasDocument ? <Toolbar editor={editor} onLanguage={settings.changeLanguage} onCommand={commands.run} /> : null}
      {!hasDocument && !state.starting ? (
        <StartView
          api={api}
          onNew={() => void session.newDocument()}
          onOpen={() => void session.open()}
          onImport={() => commands.run({ command: 'import' })}
          onTemplate={(id) => void session.newFromEntry(id)}
          onRecent={(recentId) => void session.openRecent(recentId)}
          templatesRequest={panels.templatesRequest}
        />
      ) : null}
      {/* Kept mounted while no document is open: the editor and its panels live on under the start view. */}
      <div className="workspace" hidden={!hasDocument}>
        {panels.outline ? (
          <OutlinePanel editor={editor} rate={rate} onSaveSection={() => set.savingToLibrary(true)} />
        ) : null}
        <main className="desk" ref={desk}>
          {/* CSS zoom scales the sheet with its layout, so the desk scrolls the scaled page and clicks land where
              they show. */}
          <div
            className="page page-view"
            style={{ zoom: zoom.shown / 100 }}
            onMouseDown={(event) => placeCaretFromPage(editor, event.nativeEvent)}
          >
            <EditorContent editor={editor} />
            <PageBoundaries editor={editor} pages={pages} scroller={desk} zoom={zoom.shown} />
          </div>
        </main>
        <SidePanels api={api} editor={editor} session={session} state={state} panels={panels} />
      </div>
      {hasDocument ? (
        <StatusBar
          editor={editor}
          dirty={state.dirty}
          hasFile={state.hasFile}
          rate={rate}
          targetMinutes={state.meta.targetMinutes}
          onProperties={() => set.properties(true)}
          onPlaceholders={() => set.placeholders((open) => !open)}
          pages={pages}
          zoom={zoom.shown}
          onCommand={commands.run}
        />
      ) : null}
      <Notice notice={notice} onReveal={() => void api.revealExport({})} />
      {panels.exporting ? (
        <ExportFlow
          api={api}
          editor={editor}
          mode={panels.exporting}
          docId={state.docId}
          current={session.currentFile}
          settings={settings}
          notice={notice}
          onClose={() => set.exporting(undefined)}
        />
      ) : null}
      {panels.properties ? (
        <PropertiesDialog
          meta={state.meta}
          checkLevels={settings.checkLevels}
          autosave={settings.autosave}
          onSave={(patch, checkLevels, autosave) => {
            session.updateMeta(patch);
            settings.setCheckLevels(checkLevels);
            settings.setAutosave(autosave);
          }}
          onClose={() => set.properties(false)}
        />
      ) : null}
      {panels.savingToLibrary ? (
        <SaveToLibraryDialog
          api={api}
          editor={editor}
          {...(state.meta.occasion ? { occasion: state.meta.occasion } : {})}
          onClose={() => set.savingToLibrary(false)}
          onSaved={(entry) => {
            set.savingToLibrary(false);
            set.librarySaved();
            notice.show(i18next.t('library.saved', { name: entry.name }));
          }}
        />
      ) : null}
      <ImportFlow flow={importing} editor={editor} session={session} hasDocument={hasDocument} />
      <SessionDialogs
        api={api}
        session={session}
        state={state}
        prompt={unsaved.prompt}
        onPromptClosed={unsaved.close}
      />
    </div>
  );
}
