/**
 * What each command is, in one table: the command (the names main's menu sends, from the IPC
 * contract), the handler that runs it, the key of its label where the window shows it as a button,
 * and its shortcut. The toolbar takes its buttons' labels and actions from the table and the
 * window's keyboard handling takes its keys from it, so "what does Ctrl+S do?" is one row here.
 * The labels and shortcuts live in shared/commands.ts, which the native menu reads too.
 */
import type { Command } from '../../shared/ipc/contract';
import { COMMAND_INFO, type CommandInfo, type CommandName } from '../../shared/commands';

export { COMMAND_INFO, type CommandInfo, type CommandName, type ShortcutOwner } from '../../shared/commands';

/** One row of the table: what the command is and what runs it. */
export interface CommandEntry extends CommandInfo {
  run(command: Command): void;
}

/** The whole table, one row per command. */
export type CommandTable = Readonly<Record<CommandName, CommandEntry>>;

/** The table with `handlers` as the commands' handlers; every command must have one (the compiler checks). */
export function commandTable(handlers: Record<CommandName, (command: Command) => void>): CommandTable {
  const table = {} as Record<CommandName, CommandEntry>;
  for (const name of Object.keys(COMMAND_INFO) as CommandName[])
    table[name] = { ...COMMAND_INFO[name], run: handlers[name] };
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
