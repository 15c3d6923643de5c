/**
 * What each command is called and which keys run it, for every place that offers it: the native
 * menu (electron/menu-template.ts), the toolbar and the window's keyboard handling
 * (renderer/commands/command-table.ts). One row per command of the IPC contract, so a shortcut is
 * written once.
 */
import type { Command } from './ipc/contract';

/** A command's name, as main's menu sends it. */
export type CommandName = Command['command'];

/**
 * Who takes a command's shortcut: `menu`, the native menu in the Electron app (the window takes it
 * only on the web host, which has no menu); `window`, the window on every host (the menu only shows
 * it); `editor`, the editor's own keymap (undo and redo, which have their own history).
 */
export type ShortcutOwner = 'menu' | 'window' | 'editor';

/** What the table says of a command besides its handler. */
export interface CommandInfo {
  /** The i18n key of its label, for the commands the window shows as buttons. */
  label?: string;
  /** Its shortcut in Electron's accelerator syntax (`CmdOrCtrl+Shift+S`), as the native menu shows it. */
  shortcut?: string;
  /** Who takes the shortcut's keys; only with `shortcut`. */
  keys?: ShortcutOwner;
}

/** Every command's label key and shortcut, read by the native menu, the toolbar and the window's keys. */
export const COMMAND_INFO: Readonly<Record<CommandName, CommandInfo>> = {
  new: { label: 'file.new', shortcut: 'CmdOrCtrl+N', keys: 'menu' },
  newFromTemplate: { shortcut: 'CmdOrCtrl+Shift+N', keys: 'menu' },
  open: { label: 'file.open', shortcut: 'CmdOrCtrl+O', keys: 'menu' },
  openRecent: {},
  import: { label: 'file.import', shortcut: 'CmdOrCtrl+Shift+O', keys: 'menu' },
  save: { label: 'file.save', shortcut: 'CmdOrCtrl+S', keys: 'menu' },
  saveAs: { label: 'file.saveAs', shortcut: 'CmdOrCtrl+Shift+S', keys: 'menu' },
  saveThenClose: {},
  saveToLibrary: {},
  keepVersion: {},
  recoverUnsaved: {},
  export: { shortcut: 'CmdOrCtrl+Shift+E', keys: 'menu' },
  print: { shortcut: 'CmdOrCtrl+P', keys: 'menu' },
  properties: {},
  undo: { shortcut: 'CmdOrCtrl+Z', keys: 'editor' },
  redo: { shortcut: 'Ctrl+Y', keys: 'editor' },
  toggleOutline: { shortcut: 'CmdOrCtrl+\\', keys: 'window' },
  toggleLibrary: { label: 'file.library' },
  toggleHistory: { label: 'file.history' },
  togglePlaceholders: {},
  setLanguage: {},
  // The page view's zoom (issue 14): the window's keys on every host, shown in the View menu and the toolbar. 100 % is
  // Ctrl+Alt+0, not the browsers' Ctrl+0: Ctrl+0 makes the paragraph body text (speech-blocks.ts, README), and a
  // zoom key must never also change the text's structure.
  zoomIn: { label: 'pageView.zoomIn', shortcut: 'CmdOrCtrl+=', keys: 'window' },
  zoomOut: { label: 'pageView.zoomOut', shortcut: 'CmdOrCtrl+-', keys: 'window' },
  zoomReset: { label: 'pageView.zoomReset', shortcut: 'CmdOrCtrl+Alt+0', keys: 'window' },
  zoomFitWidth: { label: 'pageView.zoomFit' },
};
