/**
 * What each command is, in one table: the command (the names main's menu sends, from the IPC
 * contract), the handler that runs it, the key of its label where the window shows it as a button,
 * and its shortcut. The toolbar takes its buttons' labels and actions from the table and the
 * window's keyboard handling takes its keys from it, so "what does Ctrl+S do?" is one row here.
 */
import type { Command } from '../../shared/ipc/contract';

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

/** Every command's label key and shortcut. The shortcuts are the native menu's (electron/menu-template.ts). */
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
};

/** One row of the table: what the command is and what runs it. */
export interface CommandEntry extends CommandInfo {
  run(command: Command): void;
}

/** The whole table, one row per command. */
export type CommandTable = Readonly<Record<CommandName, CommandEntry>>;

/** The table with `handlers` as the commands' handlers; every command must have one (the compiler checks). */
export function commandTable(handlers: Record<CommandName, (command: Command) => void>): CommandTable {
  const table = {} as Record<CommandName, CommandEntry>;
  for (const name of Object.keys(COMMAND_INFO) as CommandName[]) table[name] = { ...COMMAND_INFO[name], run: handlers[name] };
  return table;
}

/** The part of a key press a shortcut is matched against. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Whether `event` is the accelerator `shortcut`: CmdOrCtrl (and Ctrl, Cmd) is either Ctrl or ⌘ held,
 * Shift and Alt must be held exactly when named, and the key is compared without case.
 */
export function matchesShortcut(shortcut: string, event: KeyPress): boolean {
  const parts = shortcut.split('+');
  // The last part is the key; a '+' key would be written 'Plus' by Electron, so splitting is safe.
  const key = parts.pop()!;
  const mods = new Set(parts.map((part) => part.toLowerCase()));
  const command = mods.has('cmdorctrl') || mods.has('ctrl') || mods.has('cmd') || mods.has('command');
  if (command !== (event.ctrlKey || event.metaKey)) return false;
  if (mods.has('shift') !== event.shiftKey || mods.has('alt') !== event.altKey) return false;
  return event.key.toLowerCase() === key.toLowerCase();
}

/**
 * The command whose shortcut `event` is and which the window takes on this host: on the web host
 * the menu's and the window's; in the Electron app only the window's (the menu takes the rest).
 * Shortcuts the editor owns are never the window's.
 */
export function commandForKey(event: KeyPress, host: 'electron' | 'web'): CommandName | undefined {
  for (const name of Object.keys(COMMAND_INFO) as CommandName[]) {
    const { shortcut, keys } = COMMAND_INFO[name];
    if (!shortcut || keys === 'editor' || (keys === 'menu' && host !== 'web')) continue;
    if (matchesShortcut(shortcut, event)) return name;
  }
  return undefined;
}
