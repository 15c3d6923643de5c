/**
 * The application menu as a pure function of the language, the recent files and a `send` callback,
 * so that labels, accelerators and commands are tested without Electron. The accelerators come from
 * the one command table (shared/commands.ts); a shortcut the editor or the window takes (undo, redo,
 * the outline) is shown but not registered (`registerAccelerator: false`).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { menuString, type MenuStringKey } from '../shared/i18n/menu';
import { COMMAND_INFO } from '../shared/commands';
import type { Command, Language, RecentEntry } from '../shared/ipc/contract';

export function menuTemplate(
  language: Language,
  recent: RecentEntry[],
  send: (command: Command) => void,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const t = (key: MenuStringKey) => menuString(language, key);
  const item = (key: MenuStringKey, command: Command): MenuItemConstructorOptions => {
    const { shortcut, keys } = COMMAND_INFO[command.command];
    // ⌘⇧Z is redo on a Mac, as every Mac editor has it.
    const accelerator = command.command === 'redo' && platform === 'darwin' ? 'Cmd+Shift+Z' : shortcut;
    return {
      label: t(key),
      ...(accelerator ? { accelerator } : {}),
      ...(accelerator && keys !== 'menu' ? { registerAccelerator: false } : {}),
      click: () => send(command),
    };
  };
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((entry) => ({
        label: `${entry.name}  —  ${entry.folder}`,
        click: () => send({ command: 'openRecent', recentId: entry.recentId }),
      }))
    : [{ label: t('noRecent'), enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('file'),
      submenu: [
        item('new', { command: 'new' }),
        item('newFromTemplate', { command: 'newFromTemplate' }),
        item('open', { command: 'open' }),
        { label: t('openRecent'), submenu: recentItems },
        item('import', { command: 'import' }),
        { type: 'separator' },
        item('save', { command: 'save' }),
        item('saveAs', { command: 'saveAs' }),
        item('saveToLibrary', { command: 'saveToLibrary' }),
        item('keepVersion', { command: 'keepVersion' }),
        item('recoverUnsaved', { command: 'recoverUnsaved' }),
        { type: 'separator' },
        item('export', { command: 'export' }),
        item('print', { command: 'print' }),
        { type: 'separator' },
        item('properties', { command: 'properties' }),
        { type: 'separator' },
        { label: t('quit'), role: 'quit' },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        item('undo', { command: 'undo' }),
        item('redo', { command: 'redo' }),
        { type: 'separator' },
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        // The window handles Ctrl+\ itself on every host; the menu shows it without taking the key.
        item('outline', { command: 'toggleOutline' }),
        item('library', { command: 'toggleLibrary' }),
        item('history', { command: 'toggleHistory' }),
        { type: 'separator' },
        // The window takes the zoom keys on every host (issue 14); the menu shows them.
        item('zoomIn', { command: 'zoomIn' }),
        item('zoomOut', { command: 'zoomOut' }),
        item('zoomReset', { command: 'zoomReset' }),
        item('zoomFitWidth', { command: 'zoomFitWidth' }),
        { type: 'separator' },
        {
          label: t('language'),
          submenu: (['zh-CN', 'en'] as const).map((code) => ({
            label: code === 'zh-CN' ? '中文' : 'English',
            type: 'radio' as const,
            checked: code === language,
            click: () => send({ command: 'setLanguage', language: code }),
          })),
        },
      ],
    },
    { label: t('help'), submenu: [{ label: t('about'), role: 'about' }] },
  ];
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
