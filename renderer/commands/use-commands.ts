/**
 * The window's command table with its handlers, and the two ways commands arrive besides the
 * toolbar: from main (its menu and window events, `onCommand`) and from the keyboard (the table's
 * shortcuts that the window takes on this host, `commandForKey`).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Editor } from '@tiptap/core';
import i18next from 'i18next';
import type { Command, ImportFileResult, LecternApi } from '../../shared/ipc/contract';
import type { DocumentSession } from '../session/document-session';
import type { WindowPanels } from '../window-panels';
import type { WindowSettings } from '../settings/use-settings';
import type { NoticeState } from '../components/notice';
import type { PageZoom } from '../page-view/use-zoom';
import { startViewCommand } from '../start/commands';
import { commandForKey, commandTable, type CommandTable } from './command-table';

/** What the handlers act on. */
export interface CommandContext {
  api: LecternApi;
  editor: Editor | null;
  session: DocumentSession | undefined;
  /** Whether a document is open (else the start view shows and some commands do nothing). */
  hasDocument: boolean;
  panels: WindowPanels;
  settings: Pick<WindowSettings, 'changeLanguage'>;
  notice: Pick<NoticeState, 'show'>;
  /** The page view's zoom, which the zoom commands change. */
  zoom: Pick<PageZoom, 'zoomIn' | 'zoomOut' | 'reset' | 'fitWidth'>;
  /** Shows the import report for a file main read, or the failure that stopped it. */
  showImport(result: ImportFileResult): void;
}

/** The window's commands: `run`, which the toolbar, main's menu and the keyboard all go through. */
export interface WindowCommands {
  /**
   * Runs `command` by its row in the table; while no document is open, the start view decides first
   * (start/commands.ts).
   */
  run(command: Command): void;
}

/** The command table over `context`: each command's handler beside its label key and shortcut. */
function handlers(context: CommandContext): CommandTable {
  const { api, editor, session, panels, settings, notice, zoom, showImport } = context;
  const { set } = panels;
  return commandTable({
    new: () => void session?.newDocument(),
    open: (command) => void session?.open(command.handoverId),
    openRecent: (command) => (command.recentId ? void session?.openRecent(command.recentId) : undefined),
    save: () => void session?.save(),
    saveAs: () => void session?.saveAs(),
    saveThenClose: () => void session?.saveThenClose(),
    undo: () => void editor?.chain().focus().undo().run(),
    redo: () => void editor?.chain().focus().redo().run(),
    setLanguage: (command) => (command.language ? void settings.changeLanguage(command.language) : undefined),
    toggleOutline: () => set.outline((open) => !open),
    properties: () => set.properties(true),
    togglePlaceholders: () => set.placeholders((open) => !open),
    export: () => set.exporting('export'),
    print: () => set.exporting('print'),
    import: (command) =>
      void api.importFile(command.handoverId === undefined ? {} : { handoverId: command.handoverId }).then(showImport),
    toggleLibrary: () => set.library((open) => !open),
    newFromTemplate: () => set.library(true),
    saveToLibrary: () => set.savingToLibrary(true),
    toggleHistory: () => {
      // Opened from the View menu: the list, not the name form a past 保留当前版本… asked for.
      set.nameRequest(0);
      set.history((open) => !open);
    },
    keepVersion: () => {
      set.history(true);
      set.nameRequest((n) => n + 1);
    },
    zoomIn: () => zoom.zoomIn(),
    zoomOut: () => zoom.zoomOut(),
    zoomReset: () => zoom.reset(),
    zoomFitWidth: () => zoom.fitWidth(),
    recoverUnsaved: () =>
      void session?.findRecovery().then((count) => {
        if (count === 0) notice.show(i18next.t('recoveryNone'));
      }),
  });
}

/** The window's commands over `context`, listening to main's commands and the window's keys. */
export function useCommands(context: CommandContext): WindowCommands {
  const latest = useRef(context);
  latest.current = context;
  const { api } = context;
  const commands = useMemo<WindowCommands>(() => {
    const run = (command: Command) => {
      if (!latest.current.hasDocument) {
        const onStart = startViewCommand(command);
        if (onStart === 'ignore') return;
        if (onStart === 'templates') return latest.current.panels.set.templatesRequested();
      }
      // The table is built over the window as it is now, so a handler never acts on an old render's state.
      handlers(latest.current)[command.command].run(command);
    };
    return { run };
  }, []);

  useEffect(() => {
    const unsubscribe = api.onCommand((command) => commands.run(command));
    // Main holds back the files the system handed over to this window until it listens (issue 20).
    void api.readyForCommands({}).catch(() => undefined);
    return unsubscribe;
  }, [api, commands]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Ctrl+\ toggles the outline in both hosts (the View menu shows it too); the file
      // shortcuts are the native menu's in Electron, so only the web host takes them here.
      const command = commandForKey(event, api.host);
      if (!command) return;
      event.preventDefault();
      commands.run({ command });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [api, commands]);
  return commands;
}
