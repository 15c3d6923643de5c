/**
 * The application menu as a pure function of the language, the recent files and a `send` callback,
 * so that labels, accelerators and commands are tested without Electron. Undo and redo show their
 * shortcuts but leave the keys to the editor (`registerAccelerator: false`), which has its own
 * history; file commands are the menu's.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { menuString, type MenuStringKey } from '../shared/i18n/menu';
import type { Command, Language, RecentEntry } from '../shared/ipc/contract';

export function menuTemplate(language: Language, recent: RecentEntry[], send: (command: Command) => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const t = (key: MenuStringKey) => menuString(language, key);
  const item = (key: MenuStringKey, accelerator: string | undefined, command: Command): MenuItemConstructorOptions => ({
    label: t(key),
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((entry) => ({ label: `${entry.name}  —  ${entry.folder}`, click: () => send({ command: 'openRecent', recentId: entry.recentId }) }))
    : [{ label: t('noRecent'), enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('file'),
      submenu: [
        item('new', 'CmdOrCtrl+N', { command: 'new' }),
        item('newFromTemplate', 'CmdOrCtrl+Shift+N', { command: 'newFromTemplate' }),
        item('open', 'CmdOrCtrl+O', { command: 'open' }),
        { label: t('openRecent'), submenu: recentItems },
        item('import', 'CmdOrCtrl+Shift+O', { command: 'import' }),
        { type: 'separator' },
        item('save', 'CmdOrCtrl+S', { command: 'save' }),
        item('saveAs', 'CmdOrCtrl+Shift+S', { command: 'saveAs' }),
        item('saveToLibrary', undefined, { command: 'saveToLibrary' }),
        item('keepVersion', undefined, { command: 'keepVersion' }),
        item('recoverUnsaved', undefined, { command: 'recoverUnsaved' }),
        { type: 'separator' },
        item('export', 'CmdOrCtrl+Shift+E', { command: 'export' }),
        item('print', 'CmdOrCtrl+P', { command: 'print' }),
        { type: 'separator' },
        item('properties', undefined, { command: 'properties' }),
        { type: 'separator' },
        { label: t('quit'), role: 'quit' },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { ...item('undo', 'CmdOrCtrl+Z', { command: 'undo' }), registerAccelerator: false },
        { ...item('redo', platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y', { command: 'redo' }), registerAccelerator: false },
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
        // The editor handles Ctrl+\ itself on every host; the menu shows it without taking the key.
        { ...item('outline', 'CmdOrCtrl+\\', { command: 'toggleOutline' }), registerAccelerator: false },
        item('library', undefined, { command: 'toggleLibrary' }),
        item('history', undefined, { command: 'toggleHistory' }),
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
