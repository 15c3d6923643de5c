/**
 * The window's editor: the speech's extensions with the hints in the UI language, F6 between the
 * window's regions, the page's accessible name, and (web host only) the handle the end-to-end tests
 * read the document through.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import type { LecternApi } from '../../shared/ipc/contract';
import type { ImportSource } from '../../shared/import/index';
import type { SectionRefusal } from '../../shared/document/sections';
import { speechExtensions } from './extensions';
import { useFocusRegions } from '../focus-regions';

/** What the editor tells the window; read at the moment it happens, so they may change between renders. */
export interface SpeechEditorEvents {
  /** A section move or deletion was refused, with the reason's i18n key under `section.refused`. */
  onSectionRefused(reason: SectionRefusal): void;
  /** A paste looked like a whole speech from elsewhere: the import report should show it. */
  onImportPaste(source: ImportSource): void;
}

/**
 * Creates the editor, read-only until the first document arrives from main so that nothing typed
 * before it is lost. `checkLevels` is read on every check, so the setting applies at once.
 */
export function useSpeechEditor(
  api: LecternApi,
  options: { placeholders: boolean; checkLevels: boolean } & SpeechEditorEvents,
): Editor | null {
  const { t } = useTranslation();
  const hints = useMemo(
    () => ({ title: t('hints.title'), byline: t('hints.byline'), salutation: t('hints.salutation') }),
    [t],
  );
  const latest = useRef({ hints, options });
  latest.current = { hints, options };
  // The editor's options must keep their identity across renders: new options make useEditor
  // call setOptions, whose view.updateState drops text the browser inserted but ProseMirror has
  // not read yet (fast typing then lands in the wrong block).
  const extensions = useMemo(
    () =>
      speechExtensions({
        hints: {
          get title() {
            return latest.current.hints.title;
          },
          get byline() {
            return latest.current.hints.byline;
          },
          get salutation() {
            return latest.current.hints.salutation;
          },
        },
        checkLevels: () => latest.current.options.checkLevels,
        placeholders: options.placeholders,
        onSectionRefused: (reason) => latest.current.options.onSectionRefused(reason),
        onImportPaste: (source) => latest.current.options.onImportPaste(source),
      }),
    // Made once: whether named fields are on is fixed for the window's life.
    [],
  );
  const editorProps = useMemo(
    () => ({ attributes: { class: 'speech', spellcheck: 'false', 'data-testid': 'editor' } }),
    [],
  );
  // Read-only is set on creation, not as an option: options are compared on every render, and a
  // difference would call setOptions again.
  const editor = useEditor({
    extensions,
    editorProps,
    autofocus: 'start',
    onCreate: ({ editor: created }) => created.setEditable(false, false),
  });
  // F6 / Shift+F6 between toolbar, outline, page, panels and status bar; Esc in a panel back to the page.
  useFocusRegions(editor);

  // The page's name for screen readers follows the UI language (set on the element, so that the
  // editor's options keep their identity).
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dom.setAttribute('aria-label', t('app.editorLabel'));
  }, [editor, t]);

  // The end-to-end tests read the document through this handle on the web host only.
  useEffect(() => {
    if (api.host !== 'web' || !editor) return undefined;
    (window as unknown as { lecternEditor?: unknown }).lecternEditor = editor;
    return () => {
      delete (window as unknown as { lecternEditor?: unknown }).lecternEditor;
    };
  }, [api, editor]);
  return editor;
}
