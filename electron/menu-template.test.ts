import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Command } from '../shared/ipc/contract';
import { COMMAND_INFO } from '../shared/commands';
import { menuTemplate } from './menu-template';

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.label === label) return item;
    const sub = Array.isArray(item.submenu) ? item.submenu : [];
    const found = sub.length ? findOrUndefined(sub, label) : undefined;
    if (found) return found;
  }
  throw new Error(`no menu item ${label}`);
}
function findOrUndefined(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  try {
    return find(items, label);
  } catch {
    return undefined;
  }
}
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('menuTemplate', () => {
  it('has the File commands in Chinese with their accelerators, each sending its command', () => {
    const sent: Command[] = [];
    const template = menuTemplate('zh-CN', [], (c) => sent.push(c), 'linux');
    const rows: Array<[string, string | undefined, Command['command']]> = [
      ['新建', 'CmdOrCtrl+N', 'new'],
      ['打开…', 'CmdOrCtrl+O', 'open'],
      ['保存', 'CmdOrCtrl+S', 'save'],
      ['另存为…', 'CmdOrCtrl+Shift+S', 'saveAs'],
    ];
    for (const [label, accelerator, command] of rows) {
      const item = find(template, label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(sent.at(-1)).toEqual({ command });
    }
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('lists recent files, opening each by its id, and says when there are none', () => {
    const sent: Command[] = [];
    const template = menuTemplate(
      'zh-CN',
      [{ recentId: 'r1', name: '讲话.speech', folder: '/docs' }],
      (c) => sent.push(c),
      'linux',
    );
    const recent = find(template, '最近打开').submenu as MenuItemConstructorOptions[];
    click(recent[0]!);
    expect(sent).toEqual([{ command: 'openRecent', recentId: 'r1' }]);
    const none = find(
      menuTemplate('zh-CN', [], () => {}, 'linux'),
      '最近打开',
    ).submenu as MenuItemConstructorOptions[];
    expect(none).toEqual([{ label: '（无）', enabled: false }]);
  });

  it('shows undo, redo and the outline toggle without taking their keys from the editor', () => {
    const template = menuTemplate('zh-CN', [], () => {}, 'linux');
    expect(find(template, '撤销')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(find(template, '重做')).toMatchObject({ accelerator: 'Ctrl+Y', registerAccelerator: false });
    expect(find(template, '提纲')).toMatchObject({ accelerator: 'CmdOrCtrl+\\', registerAccelerator: false });
  });

  it('offers the page zoom in the View menu, its keys the window’s (issue 14)', () => {
    const sent: Command[] = [];
    const template = menuTemplate('zh-CN', [], (c) => sent.push(c), 'linux');
    expect(find(template, '放大')).toMatchObject({ accelerator: 'CmdOrCtrl+=', registerAccelerator: false });
    expect(find(template, '缩小')).toMatchObject({ accelerator: 'CmdOrCtrl+-', registerAccelerator: false });
    expect(find(template, '实际大小（100%）')).toMatchObject({
      accelerator: 'CmdOrCtrl+Alt+0',
      registerAccelerator: false,
    });
    click(find(template, '适合宽度'));
    expect(sent).toEqual([{ command: 'zoomFitWidth' }]);
  });

  it("takes every accelerator from the one command table, registering only the menu's own", () => {
    const items: MenuItemConstructorOptions[] = [];
    const walk = (list: MenuItemConstructorOptions[]) =>
      list.forEach((i) => (items.push(i), Array.isArray(i.submenu) && walk(i.submenu)));
    const sent: Command[] = [];
    walk(menuTemplate('en', [], (c) => sent.push(c), 'linux'));
    for (const item of items.filter((i) => i.click && i.accelerator)) {
      click(item);
      const info = COMMAND_INFO[sent.at(-1)!.command];
      expect(item.accelerator, String(item.label)).toBe(info.shortcut);
      expect(item.registerAccelerator ?? true, String(item.label)).toBe(info.keys === 'menu');
    }
    expect(items.filter((i) => i.accelerator).length).toBeGreaterThan(8);
    expect(
      find(
        menuTemplate('zh-CN', [], () => {}, 'darwin'),
        '重做',
      ).accelerator,
    ).toBe('Cmd+Shift+Z');
  });

  it('keeps a named version, recovers unsaved work and shows the History panel', () => {
    const sent: Command[] = [];
    const template = menuTemplate('zh-CN', [], (c) => sent.push(c), 'linux');
    for (const label of ['保留当前版本…', '恢复未保存的文稿…', '历史版本']) click(find(template, label));
    expect(sent).toEqual([{ command: 'keepVersion' }, { command: 'recoverUnsaved' }, { command: 'toggleHistory' }]);
    expect(
      find(
        menuTemplate('en', [], () => {}, 'linux'),
        'History',
      ),
    ).toBeDefined();
  });

  it('switches language from the View menu and is English when English is chosen', () => {
    const sent: Command[] = [];
    const template = menuTemplate('en', [], (c) => sent.push(c), 'linux');
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    click(find(template, '中文'));
    expect(sent).toEqual([{ command: 'setLanguage', language: 'zh-CN' }]);
    expect(find(template, 'English').checked).toBe(true);
  });
});
