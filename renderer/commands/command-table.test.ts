import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { commandNames, type Command } from '../../shared/ipc/contract';
import { resources } from '../i18n/resources';
import {
  COMMAND_INFO,
  commandForKey,
  commandTable,
  matchesShortcut,
  type CommandName,
  type KeyPress,
} from './command-table';

/** A key press as `Ctrl+Shift+S` would be: `Ctrl`, `Meta`, `Shift`, `Alt` and the key. */
const press = (combo: string): KeyPress => {
  const parts = combo.split('+');
  const key = parts.pop()!;
  const held = (modifier: string) => parts.includes(modifier);
  return { key, ctrlKey: held('Ctrl'), metaKey: held('Meta'), shiftKey: held('Shift'), altKey: held('Alt') };
};

describe('the command table', () => {
  it('has a row for every command main can send', () => {
    expect(Object.keys(COMMAND_INFO).sort()).toEqual([...commandNames].sort());
  });

  it('runs each command by its own handler and keeps its label and shortcut beside it', () => {
    const ran: string[] = [];
    const handler = (name: CommandName) => (command: Command) => ran.push(`${name}:${command.recentId ?? ''}`);
    const handlers = Object.fromEntries(commandNames.map((name) => [name, handler(name)]));
    const table = commandTable(handlers as unknown as Record<CommandName, (command: Command) => void>);
    table.openRecent.run({ command: 'openRecent', recentId: 'r1' });
    table.save.run({ command: 'save' });
    expect(ran).toEqual(['openRecent:r1', 'save:']);
    expect(table.save).toMatchObject({ label: 'file.save', shortcut: 'CmdOrCtrl+S', keys: 'menu' });
  });

  it('labels every toolbar button in Chinese and in English', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'zh-CN' });
    for (const name of commandNames) {
      const { label } = COMMAND_INFO[name];
      if (!label) continue;
      expect(i18n.exists(label, { lng: 'zh-CN' }), `${name} zh-CN`).toBe(true);
      expect(i18n.exists(label, { lng: 'en' }), `${name} en`).toBe(true);
    }
    expect(i18n.t(COMMAND_INFO.save.label!)).toBe('保存');
  });
});

describe('shortcuts', () => {
  it('reads CmdOrCtrl as Ctrl or ⌘, and Shift and Alt exactly as written', () => {
    expect(matchesShortcut('CmdOrCtrl+S', press('Ctrl+s'))).toBe(true);
    expect(matchesShortcut('CmdOrCtrl+S', press('Meta+s'))).toBe(true);
    expect(matchesShortcut('CmdOrCtrl+S', press('Ctrl+Shift+S'))).toBe(false);
    expect(matchesShortcut('CmdOrCtrl+S', press('Ctrl+Alt+s'))).toBe(false);
    expect(matchesShortcut('CmdOrCtrl+S', press('s'))).toBe(false);
    expect(matchesShortcut('CmdOrCtrl+Shift+S', press('Ctrl+Shift+S'))).toBe(true);
  });

  it('on the web host, where there is no menu, the window takes the file shortcuts and Ctrl+\\', () => {
    const rows: Array<[string, CommandName | undefined]> = [
      ['Ctrl+n', 'new'],
      ['Ctrl+Shift+N', 'newFromTemplate'],
      ['Ctrl+o', 'open'],
      ['Ctrl+Shift+O', 'import'],
      ['Ctrl+s', 'save'],
      ['Meta+s', 'save'],
      ['Ctrl+Shift+S', 'saveAs'],
      ['Ctrl+Shift+E', 'export'],
      ['Ctrl+e', undefined],
      ['Ctrl+p', 'print'],
      ['Ctrl+Shift+P', undefined],
      ['Ctrl+Alt+s', undefined],
      ['Ctrl+\\', 'toggleOutline'],
      ['Ctrl+Shift+\\', undefined],
      // Undo and redo are the editor's: it has its own history.
      ['Ctrl+z', undefined],
      ['Ctrl+y', undefined],
    ];
    for (const [combo, command] of rows) expect(commandForKey(press(combo), 'web'), combo).toBe(command);
  });

  it('in the Electron app the window takes only Ctrl+\\; the native menu takes the file shortcuts', () => {
    expect(commandForKey(press('Ctrl+s'), 'electron')).toBeUndefined();
    expect(commandForKey(press('Ctrl+Shift+O'), 'electron')).toBeUndefined();
    expect(commandForKey(press('Ctrl+\\'), 'electron')).toBe('toggleOutline');
  });

  it('the window takes the zoom keys on both hosts, and leaves Ctrl+0 (body text) to the editor', () => {
    for (const host of ['web', 'electron'] as const) {
      expect(commandForKey(press('Ctrl+='), host), host).toBe('zoomIn');
      expect(commandForKey(press('Ctrl+-'), host), host).toBe('zoomOut');
      expect(commandForKey(press('Ctrl+Alt+0'), host), host).toBe('zoomReset');
      expect(commandForKey(press('Ctrl+0'), host), host).toBeUndefined();
    }
  });
});
