/**
 * Which of the window's panels and dialogs are open: the outline, the named fields, History, the
 * library, properties, export or print, save-to-library; and the requests a panel answers when it
 * is already open (a name for the next version, the start view's templates).
 */
import { useMemo, useState } from 'react';

/** The open panels and dialogs, and the functions that open and close them. */
export interface WindowPanels {
  outline: boolean;
  placeholders: boolean;
  history: boolean;
  library: boolean;
  properties: boolean;
  exporting: 'export' | 'print' | undefined;
  savingToLibrary: boolean;
  /** Bumped after an entry is saved, so an open library panel lists it. */
  libraryRevision: number;
  /** Bumped by 保留当前版本…, which History answers with its name form; 0 when it should show its list. */
  nameRequest: number;
  /** Bumped by 从模板新建 while the start view shows, which then focuses its templates. */
  templatesRequest: number;
  set: {
    outline(open: boolean | ((open: boolean) => boolean)): void;
    placeholders(open: boolean | ((open: boolean) => boolean)): void;
    history(open: boolean | ((open: boolean) => boolean)): void;
    library(open: boolean | ((open: boolean) => boolean)): void;
    properties(open: boolean): void;
    exporting(mode: 'export' | 'print' | undefined): void;
    savingToLibrary(open: boolean): void;
    librarySaved(): void;
    nameRequest(request: number | ((request: number) => number)): void;
    templatesRequested(): void;
  };
}

/** The window's panels as they start: the outline open, everything else closed. */
export function useWindowPanels(): WindowPanels {
  const [outline, setOutline] = useState(true);
  const [placeholders, setPlaceholders] = useState(false);
  const [history, setHistory] = useState(false);
  const [library, setLibrary] = useState(false);
  const [properties, setProperties] = useState(false);
  const [exporting, setExporting] = useState<'export' | 'print' | undefined>(undefined);
  const [savingToLibrary, setSavingToLibrary] = useState(false);
  const [libraryRevision, setLibraryRevision] = useState(0);
  const [nameRequest, setNameRequest] = useState(0);
  const [templatesRequest, setTemplatesRequest] = useState(0);
  // The setters keep their identity, so handlers built from them do too.
  const set = useMemo(
    () => ({
      outline: setOutline,
      placeholders: setPlaceholders,
      history: setHistory,
      library: setLibrary,
      properties: setProperties,
      exporting: setExporting,
      savingToLibrary: setSavingToLibrary,
      librarySaved: () => setLibraryRevision((n) => n + 1),
      nameRequest: setNameRequest,
      templatesRequested: () => setTemplatesRequest((n) => n + 1),
    }),
    [],
  );
  return {
    outline,
    placeholders,
    history,
    library,
    properties,
    exporting,
    savingToLibrary,
    libraryRevision,
    nameRequest,
    templatesRequest,
    set,
  };
}
