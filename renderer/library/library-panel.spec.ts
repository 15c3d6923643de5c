// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import type { Editor } from '@tiptap/core';
import type { LibraryEntrySummary, Request } from '../../shared/ipc/contract';
import { builtinTemplates } from '../../shared/library/builtin-templates';
import type { LibraryEntry } from '../../shared/library/entry';
import { matchesQuery } from '../../shared/library/search';
import { cursorIn, p, rows, t, testEditor } from '../editor/test-editor';
import { LibraryPanel, type LibraryApi } from './library-panel';
import { SaveToLibraryDialog } from './save-dialog';
import { renderHarness } from '../test-render';

const h = renderHarness();
let editor: Editor;

beforeEach(() => {
  editor = testEditor([t('讲话'), p('统一思想', 1), p('正文'), p('突出重点', 1)]);
  return () => editor.destroy();
});

const summary = (entry: LibraryEntry): LibraryEntrySummary => ({
  id: entry.id,
  name: entry.name,
  kind: entry.kind,
  builtIn: entry.id.startsWith('builtin-'),
  headings: 3,
  ...(entry.occasion ? { occasion: entry.occasion } : {}),
});

/** An in-memory library behind the panel's calls, recording each call. */
function fakeApi() {
  const mine: LibraryEntry = {
    ...builtinTemplates().entries.find((e) => e.id === 'builtin-section-guarantee')!,
    id: 'mine-1',
    name: '我的保障章节',
  };
  const entries = new Map<string, LibraryEntry>([
    ...builtinTemplates().entries.map((e) => [e.id, e] as const),
    ['mine-1', mine],
  ]);
  const calls: string[] = [];
  const api: LibraryApi = {
    listLibrary: vi.fn(async (request: Request<'listLibrary'>) => {
      calls.push(`list ${request.query ?? ''}`);
      const list = [...entries.values()].filter(
        (e) => matchesQuery(e, request.query ?? '') && (!request.occasion || e.occasion === request.occasion),
      );
      return { entries: list.map(summary), notices: [{ file: 'broken.json', code: 'not-json', message: 'not JSON' }] };
    }),
    readLibraryEntry: vi.fn(async ({ id }: Request<'readLibraryEntry'>) => {
      const entry = entries.get(id);
      return entry
        ? { status: 'found' as const, entry, summary: summary(entry) }
        : { status: 'failed' as const, error: { code: 'not-found', message: 'gone' } };
    }),
    updateLibraryEntry: vi.fn(async ({ id, name }: Request<'updateLibraryEntry'>) => {
      const entry = { ...entries.get(id)!, ...(name ? { name } : {}) };
      entries.set(id, entry);
      return { status: 'saved' as const, entry: summary(entry) };
    }),
    duplicateLibraryEntry: vi.fn(async ({ id }: Request<'duplicateLibraryEntry'>) => {
      const copy = { ...entries.get(id)!, id: 'copy-1', name: `${entries.get(id)!.name}（副本）` };
      entries.set(copy.id, copy);
      return { status: 'saved' as const, entry: summary(copy) };
    }),
    deleteLibraryEntry: vi.fn(async ({ id }: Request<'deleteLibraryEntry'>) => {
      if (id.startsWith('builtin-')) return { status: 'failed' as const, error: { code: 'read-only', message: 'no' } };
      const entry = entries.get(id)!;
      entries.delete(id);
      deleted.set(id, entry);
      return { status: 'saved' as const, entry: summary(entry) };
    }),
    restoreLibraryEntry: vi.fn(async ({ id }: Request<'restoreLibraryEntry'>) => {
      const entry = deleted.get(id) ?? entries.get(id)!;
      entries.set(id, entry);
      return { status: 'saved' as const, entry: summary(entry) };
    }),
    exportLibrary: vi.fn(async ({ ids }: Request<'exportLibrary'>) => ({
      status: 'exported' as const,
      name: 'x.speechlib',
      count: ids.length,
    })),
    importLibrary: vi.fn(async (request: Request<'importLibrary'>) =>
      request.pendingId
        ? {
            status: 'imported' as const,
            added: [],
            replaced: ['我的保障章节'],
            replacedIds: ['mine-1'],
            renamed: [],
            skipped: [],
          }
        : { status: 'conflicts' as const, pendingId: 'p1', names: ['我的保障章节'], count: 1 },
    ),
  };
  const deleted = new Map<string, LibraryEntry>();
  return { api, calls, entries };
}

/** Lets effects, timers and the fake calls settle. */
async function settle(ms = 0) {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

const buttons = (label: string) => [...h.container.querySelectorAll('button')].filter((b) => b.textContent === label);
const button = (label: string) => {
  const found = buttons(label)[0];
  if (!found) throw new Error(`no button ${label}`);
  return found;
};
const click = async (element: Element) => {
  await act(async () => {
    (element as HTMLElement).click();
  });
  await settle();
};
const names = () =>
  [...h.container.querySelectorAll('[data-testid="library-entry"] .library-name')].map((n) => n.textContent);

/** Types into a React-controlled input the way a browser does. */
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function renderPanel(api: LibraryApi, onNewFrom = vi.fn()) {
  await h.render(createElement(LibraryPanel, { api, editor, onNewFrom, onClose: () => {} }));
  await settle();
  return onNewFrom;
}

describe('the library panel', () => {
  it('lists my entries, then the built-in templates, and says that damaged files were skipped', async () => {
    const { api } = fakeApi();
    await renderPanel(api);
    expect(names()[0]).toBe('我的保障章节');
    expect(names().length).toBe(builtinTemplates().entries.length + 1);
    expect([...h.container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['我的素材', '内置模板']);
    expect(h.container.querySelector('[data-testid="library-notices"]')!.textContent).toContain('1 个损坏或重复');
  });

  it('searches as the user types, by name and text', async () => {
    const { api, calls } = fakeApi();
    await renderPanel(api);
    await type(h.container.querySelector('input[type="search"]')!, '党课');
    await settle(250);
    expect(calls.at(-1)).toBe('list 党课');
    expect(names()).toEqual([builtinTemplates().entries.find((e) => e.id === 'builtin-party-lecture')!.name]);
  });

  it('previews an entry’s numbered outline and inserts it at the cursor, renumbering', async () => {
    const { api } = fakeApi();
    await renderPanel(api);
    await click(h.container.querySelector('[data-id="builtin-section-guarantee"] .library-entry-name')!);
    const preview = h.container.querySelector('[data-testid="library-preview"]')!;
    expect(preview.textContent).toContain('一、强化组织保障');
    expect(preview.textContent).toContain('（一）加强组织领导。');
    cursorIn(editor, 2, 1);
    await click(button('插入到光标处'));
    expect(rows(editor).map((r) => r[1])).toEqual([0, 1, 0, 1, 0, 2, 2, 2, 1]);
    // Built-in templates are read-only: no rename or delete, only duplicate.
    expect(buttons('删除')).toEqual([]);
    expect(h.container.textContent).toContain('内置模板只读');
  });

  it('starts a new speech from the chosen entry through the app', async () => {
    const { api } = fakeApi();
    const onNewFrom = await renderPanel(api);
    await click(h.container.querySelector('[data-id="builtin-opening"] .library-entry-name')!);
    await click(button('以此新建讲稿'));
    expect(onNewFrom).toHaveBeenCalledWith('builtin-opening');
  });

  it('duplicates a template into my library and renames the copy', async () => {
    const { api, entries } = fakeApi();
    await renderPanel(api);
    await click(h.container.querySelector('[data-id="builtin-opening"] .library-entry-name')!);
    await click(button('复制到我的素材库'));
    expect(api.duplicateLibraryEntry).toHaveBeenCalledWith({ id: 'builtin-opening' });
    expect(names()).toContain(`${entries.get('builtin-opening')!.name}（副本）`);
    await click(button('重命名/改标签…'));
    const form = h.container.querySelector('[data-testid="library-retag"]')!;
    await type(form.querySelector('input')!, '我的开幕式提纲');
    await act(async () => form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await settle();
    expect(api.updateLibraryEntry).toHaveBeenCalledWith({
      id: 'copy-1',
      name: '我的开幕式提纲',
      occasion: '开幕式',
      year: null,
    });
    expect(names()).toContain('我的开幕式提纲');
  });

  it('deletes an entry of mine and undoes the delete', async () => {
    const { api } = fakeApi();
    await renderPanel(api);
    await click(h.container.querySelector('[data-id="mine-1"] .library-entry-name')!);
    await click(button('删除'));
    expect(names()).not.toContain('我的保障章节');
    expect(h.container.querySelector('[data-testid="library-message"]')!.textContent).toContain('已删除“我的保障章节”');
    await click(button('撤销'));
    expect(api.restoreLibraryEntry).toHaveBeenCalledWith({ id: 'mine-1' });
    expect(names()).toContain('我的保障章节');
  });

  it('exports the ticked entries, and imports asking whether to keep both or replace', async () => {
    const { api } = fakeApi();
    await renderPanel(api);
    expect(button('导出所选（0）…').disabled).toBe(true);
    await click(h.container.querySelector('[data-id="mine-1"] input[type="checkbox"]')!);
    await click(button('导出所选（1）…'));
    expect(api.exportLibrary).toHaveBeenCalledWith({ ids: ['mine-1'] });
    await click(button('导入…'));
    expect(h.container.querySelector('[data-testid="library-conflict"]')!.textContent).toContain('我的保障章节');
    await click(button('替换'));
    expect(api.importLibrary).toHaveBeenLastCalledWith({ pendingId: 'p1', onConflict: 'replace' });
    expect(h.container.querySelector('[data-testid="library-conflict"]')).toBeNull();
    expect(h.container.querySelector('[data-testid="library-message"]')!.textContent).toContain('替换 1 个');
    // A replace is undone like a delete: the replaced entry's previous content is restored.
    await click(button('撤销'));
    expect(api.restoreLibraryEntry).toHaveBeenCalledWith({ id: 'mine-1' });
    expect(h.container.querySelector('[data-testid="library-message"]')!.textContent).toContain('已恢复“我的保障章节”');
  });
});

describe('the save-to-library dialog', () => {
  it('saves the section at the cursor as an outline by default, named after its heading, tagged with the occasion and year', async () => {
    // jsdom has no modal dialogs; the dialog's content is what is tested here.
    HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
      this.open = false;
    };
    cursorIn(editor, 2, 0);
    const saveLibraryEntry = vi.fn(async (request: Request<'saveLibraryEntry'>) => ({
      status: 'saved' as const,
      entry: { id: 'n1', name: request.name, kind: request.kind, builtIn: false, headings: 1 },
    }));
    const onSaved = vi.fn();
    await h.render(
      createElement(SaveToLibraryDialog, {
        api: { saveLibraryEntry },
        editor,
        occasion: '推进会',
        onSaved,
        onClose: () => {},
        now: () => new Date('2026-05-01T00:00:00Z'),
      }),
    );
    const form = h.container.querySelector('[data-testid="library-save"]')!;
    expect(form.textContent).toContain('当前章节：一、统一思想');
    await act(async () => form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    await settle();
    expect(saveLibraryEntry).toHaveBeenCalledWith({
      name: '统一思想',
      kind: 'outline',
      doc: editor.getJSON(),
      section: 1,
      occasion: '推进会',
      year: 2026,
    });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ name: '统一思想' }));
  });
});
