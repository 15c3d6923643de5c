// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import type { LibraryEntrySummary, RecentEntry } from '../../shared/ipc/contract';
import { StartView, type StartViewProps } from './start-view';
import { startViewCommand } from './commands';
import { renderHarness } from '../test-render';

const h = renderHarness();

const template: LibraryEntrySummary = {
  id: 'builtin-push-meeting',
  name: '全市XX工作推进会讲话提纲',
  occasion: '推进会',
  kind: 'outline',
  builtIn: true,
  headings: 3,
};
const mine: LibraryEntrySummary = { id: 'mine-1', name: '去年的推进会讲话', kind: 'full', builtIn: false, headings: 5 };
const recentFile: RecentEntry = { recentId: 'r1', name: '推进会讲话.speech', folder: '/home/user/讲稿' };

/** Renders the view on `api` with spies for every action, and lets its two reads settle. */
async function show(api: StartViewProps['api'], templatesRequest = 0) {
  const props = {
    api,
    onNew: vi.fn(),
    onOpen: vi.fn(),
    onImport: vi.fn(),
    onTemplate: vi.fn(),
    onRecent: vi.fn(),
    templatesRequest,
  };
  await h.render(createElement(StartView, props));
  return props;
}
const okApi = (): StartViewProps['api'] => ({
  listLibrary: vi.fn(async () => ({ entries: [template, mine], notices: [] })),
  listRecent: vi.fn(async () => ({ entries: [recentFile] })),
});
const button = (text: string) =>
  [...h.container.querySelectorAll('button')].find((b) => b.textContent?.includes(text))!;

describe('the start view', () => {
  it('lists the built-in templates and the user’s own apart, and the recent files with their folders', async () => {
    await show(okApi());
    const groups = [...h.container.querySelectorAll('.start-group')].map((group) => [
      group.querySelector('h3')!.textContent,
      [...group.querySelectorAll('.start-template-name')].map((name) => name.textContent),
    ]);
    expect(groups).toEqual([
      ['内置模板', ['全市XX工作推进会讲话提纲']],
      ['我的素材', ['去年的推进会讲话']],
    ]);
    expect(h.container.querySelector('.start-recent-entry')!.textContent).toBe('推进会讲话.speech/home/user/讲稿');
  });

  it('runs each action with what was chosen', async () => {
    const props = await show(okApi());
    act(() => button('新建空白讲稿').click());
    act(() => button('打开…').click());
    act(() => button('导入…').click());
    act(() => button('全市XX工作推进会讲话提纲').click());
    act(() => button('推进会讲话.speech').click());
    expect([props.onNew.mock.calls.length, props.onOpen.mock.calls.length, props.onImport.mock.calls.length]).toEqual([
      1, 1, 1,
    ]);
    expect(props.onTemplate.mock.calls).toEqual([['builtin-push-meeting']]);
    expect(props.onRecent.mock.calls).toEqual([['r1']]);
  });

  it('says in Chinese which list could not be read, and the rest still works', async () => {
    const props = await show({
      listLibrary: vi.fn(async () => Promise.reject(new Error('EACCES'))),
      listRecent: vi.fn(async () => Promise.reject(new Error('recent.json is damaged'))),
    });
    expect([...h.container.querySelectorAll('[role="alert"]')].map((p) => p.textContent)).toEqual([
      '无法读取素材库：EACCES',
      '无法读取最近打开的文件列表：recent.json is damaged',
    ]);
    act(() => button('新建空白讲稿').click());
    expect(props.onNew).toHaveBeenCalledTimes(1);
  });

  it('says so when there are no recent files yet', async () => {
    await show({
      listLibrary: vi.fn(async () => ({ entries: [template], notices: [] })),
      listRecent: vi.fn(async () => ({ entries: [] })),
    });
    expect(h.container.querySelector('.start-recent')!.textContent).toContain('还没有打开过的讲稿');
  });

  it('moves the focus to the first template when 从模板新建 is asked for', async () => {
    await show(okApi());
    expect(document.activeElement?.textContent).toBe('新建空白讲稿');
    await show(okApi(), 1);
    expect(document.activeElement?.querySelector('.start-template-name')?.textContent).toBe('全市XX工作推进会讲话提纲');
  });
});

describe('menu commands on the start view', () => {
  it('sends 从模板新建 and the library to the templates, drops what needs a document, runs the rest', () => {
    expect(startViewCommand({ command: 'newFromTemplate' })).toBe('templates');
    expect(startViewCommand({ command: 'toggleLibrary' })).toBe('templates');
    const needDocument = [
      'save',
      'saveAs',
      'undo',
      'export',
      'print',
      'properties',
      'toggleHistory',
      'keepVersion',
    ] as const;
    for (const command of needDocument) expect(startViewCommand({ command })).toBe('ignore');
    const anyTime = ['new', 'open', 'openRecent', 'import', 'setLanguage', 'recoverUnsaved'] as const;
    for (const command of anyTime) expect(startViewCommand({ command })).toBe('run');
  });
});
