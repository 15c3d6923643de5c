/**
 * The Lectern window: toolbar, the page-like editor, the status bar, and the dialogs. Menu
 * commands arrive from main through `window.lectern.onCommand`; on the web host (tests) the same
 * shortcuts are handled here, since there is no native menu.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { Command, Language, LecternApi } from '../shared/ipc/contract';
import { speechExtensions } from './editor/extensions';
import { useDocumentSession, type UnsavedChoice } from './document-session';
import { Toolbar } from './components/toolbar';
import { StatusBar } from './components/status-bar';
import { FailureDialog, UnsavedDialog } from './components/dialogs';
import { setLanguage } from './i18n';

interface PendingPrompt {
  name: string;
  resolve: (choice: UnsavedChoice) => void;
}

/** File shortcuts for the web host, where no native menu carries the accelerators. */
function fileShortcut(event: KeyboardEvent): Command['command'] | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  switch (event.key.toLowerCase()) {
    case 'n':
      return event.shiftKey ? undefined : 'new';
    case 'o':
      return event.shiftKey ? undefined : 'open';
    case 's':
      return event.shiftKey ? 'saveAs' : 'save';
    default:
      return undefined;
  }
}

export function App({ api }: { api: LecternApi }) {
  const { t } = useTranslation();
  const hints = useMemo(() => ({ title: t('hints.title'), byline: t('hints.byline'), salutation: t('hints.salutation') }), [t]);
  const hintsRef = useRef(hints);
  hintsRef.current = hints;
  const editor = useEditor({
    // The hints are read when a block is drawn, so a language change shows at the next redraw.
    extensions: speechExtensions({
      get title() {
        return hintsRef.current.title;
      },
      get byline() {
        return hintsRef.current.byline;
      },
      get salutation() {
        return hintsRef.current.salutation;
      },
    }),
    autofocus: 'start',
    editorProps: { attributes: { class: 'speech', spellcheck: 'false', 'aria-label': t('app.name'), 'data-testid': 'editor' } },
  });

  const [prompt, setPrompt] = useState<PendingPrompt | undefined>(undefined);
  const askUnsaved = useCallback((name: string) => new Promise<UnsavedChoice>((resolve) => setPrompt({ name, resolve })), []);
  const session = useDocumentSession(editor, api, askUnsaved);

  const changeLanguage = useCallback(
    async (language: Language) => {
      await setLanguage(language);
      await api.setSettings({ language });
    },
    [api],
  );

  const run = useCallback(
    (command: Command) => {
      switch (command.command) {
        case 'new':
          return void session.newDocument();
        case 'open':
          return void session.open();
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
      }
    },
    [changeLanguage, editor, session],
  );
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => api.onCommand((command) => runRef.current(command)), [api]);

  // The end-to-end tests read the document through this handle on the web host only.
  useEffect(() => {
    if (api.host !== 'web' || !editor) return undefined;
    (window as unknown as { lecternEditor?: unknown }).lecternEditor = editor;
    return () => delete (window as unknown as { lecternEditor?: unknown }).lecternEditor;
  }, [api, editor]);

  useEffect(() => {
    if (api.host !== 'web') return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const command = fileShortcut(event);
      if (!command) return;
      event.preventDefault();
      runRef.current({ command });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [api]);

  if (!editor) return null;
  return (
    <div className="app">
      <Toolbar editor={editor} session={session} onLanguage={(language) => void changeLanguage(language)} />
      <main className="desk">
        <div className="page">
          <EditorContent editor={editor} />
        </div>
      </main>
      <StatusBar editor={editor} dirty={session.dirty} />
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
    </div>
  );
}
