/**
 * The seams between the services (plain Node, no Electron) and the hosts that bind them: the
 * Electron main process and the loopback web host used by the end-to-end tests. A host supplies
 * native dialogs and window effects; the services supply everything else.
 */
import type { Language } from '../../shared/ipc/contract';

/** A file-type filter for open and save dialogs. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * Native file dialogs. Electron shows real ones; the web host answers from a queue the test fills.
 * Each returns the chosen absolute path, or undefined when the user cancels.
 */
export interface Dialogs {
  showOpen(windowId: number, options: { title: string; filters: FileFilter[] }): Promise<string | undefined>;
  showSave(
    windowId: number,
    options: { title: string; defaultName: string; filters: FileFilter[] },
  ): Promise<string | undefined>;
}

/** Printing and the file manager: Electron's in the app; recorded by the web host. */
export interface Desktop {
  /** Opens the system print dialog for the HTML; resolves whether it printed. */
  print(windowId: number, html: string): Promise<boolean>;
  /** Shows a file in the system's file manager. */
  showInFolder(file: string): void;
}

/** Window effects the services ask for; the web host records them instead. */
export interface WindowBridge {
  /** Shows the document's name and unsaved marker in the window title; remembers `dirty` for the close prompt. */
  setDocumentState(windowId: number, state: { name: string; dirty: boolean }): void;
  /** Closes the window without asking again (the renderer already saved). */
  close(windowId: number): void;
  /** The UI language changed: rebuild menus. */
  languageChanged(language: Language): void;
  /** The recent-files list changed: rebuild the Open Recent menu. */
  recentChanged(): void;
  /**
   * The window's renderer listens for commands now: send it what was held back (electron/main.ts,
   * files the system handed over). Optional: a host with one page sends commands only when told to.
   */
  readyForCommands?(windowId: number): void;
}
