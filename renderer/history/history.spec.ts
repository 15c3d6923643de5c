// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import { emptySpeechFile, type SpeechFile } from '../../shared/document/file-format';
import { docOf, markedPair } from '../../shared/document/test-docs';
import { EXTERNAL_SNAPSHOT_NAME, type Request, type SnapshotEntry } from '../../shared/ipc/contract';
import { p, rows, t, testEditor } from '../editor/test-editor';
import { CompareView } from './compare-view';
import { HistoryPanel, type HistoryApi } from './history-panel';
import { replaceContent } from './replace';
import { renderHarness, speech } from '../test-render';

const ui = renderHarness();
const { render, click, text } = ui;

describe('CompareView', () => {
  it('marks added, removed and changed text and sums them up', async () => {
    await render(
      createElement(CompareView, {
        before: speech('甲段', '要抓好项目建设。', '丙段').doc,
        after: speech('甲段', '要全力抓好项目建设。', '新段落内容').doc,
      }),
    );
    expect(ui.container.querySelector('[data-testid="compare-summary"]')?.textContent).toBe(
      '新增 1 段，删除 1 段，修改 1 段',
    );
    expect([...ui.container.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['全力', '新段落内容']);
    expect([...ui.container.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['丙段']);
  });

  it('names a change of level, run-in or formatting, and counts one alone as a change', async () => {
    const doc = (...blocks: Parameters<typeof docOf>) => docOf(...blocks).toJSON();
    await render(
      createElement(CompareView, {
        before: doc([1, '统一思想'], [2, '一要抓落实。要真抓实干。']),
        after: doc([2, '统一思想'], [2, '一要抓落实。要真抓实干。', 'runIn']),
      }),
    );
    expect(ui.container.querySelector('[data-testid="compare-summary"]')?.textContent).toBe(
      '新增 0 段，删除 0 段，修改 2 段',
    );
    expect([...ui.container.querySelectorAll('[data-testid="compare-format"]')].map((e) => e.textContent)).toEqual([
      '（级别：1级标题 → 2级标题）',
      '（改为连排）',
    ]);
    const { plain, marked } = markedPair();
    await render(createElement(CompareView, { before: plain, after: marked }));
    expect(ui.container.querySelector('[data-testid="compare-summary"]')?.textContent).toBe(
      '新增 0 段，删除 0 段，修改 1 段',
    );
    expect(ui.container.querySelector('[data-testid="compare-format"]')?.textContent).toBe('（文字格式有改动）');
    // Only the text changed: no note.
    await render(
      createElement(CompareView, { before: doc([0, '要抓好项目建设。']), after: doc([0, '要全力抓好项目建设。']) }),
    );
    expect(ui.container.querySelector('[data-testid="compare-format"]')).toBeNull();
  });

  it('says so when the versions are the same, and folds long unchanged runs', async () => {
    await render(createElement(CompareView, { before: speech('甲').doc, after: speech('甲').doc }));
    expect(text()).toBe('两个版本相同。');
    const many = Array.from({ length: 20 }, (_, i) => `第${i}段`);
    await render(createElement(CompareView, { before: speech(...many).doc, after: speech(...many, '新增的段落').doc }));
    expect(ui.container.querySelectorAll('.compare p').length).toBeLessThan(6);
    expect(ui.container.querySelector('.compare-same-run')?.textContent).toBe('⋯ 19 ⋯');
  });
});

describe('HistoryPanel', () => {
  const auto: SnapshotEntry = {
    snapshotId: 's1',
    kind: 'auto',
    savedAt: '2026-03-01T08:00:00.000Z',
    size: 2048,
    characters: 1200,
  };
  const named: SnapshotEntry = {
    snapshotId: 's2',
    kind: 'named',
    name: '送审稿',
    savedAt: '2026-03-02T08:00:00.000Z',
    size: 1024,
    characters: 600,
  };
  function fakeApi(): HistoryApi & { calls: string[] } {
    const calls: string[] = [];
    let list = [named, auto];
    return {
      calls,
      listSnapshots: vi.fn(async () => (calls.push('list'), { entries: list })),
      readSnapshot: vi.fn(
        async ({ snapshotId }: Request<'readSnapshot'>) => (
          calls.push(`read ${snapshotId}`),
          { status: 'found' as const, entry: auto, file: speech('旧的正文') }
        ),
      ),
      addSnapshot: vi.fn(async ({ name }: Request<'addSnapshot'>) => {
        calls.push(`add ${name}`);
        const entry: SnapshotEntry = { ...named, snapshotId: 's3', name };
        list = [entry, ...list];
        return { status: 'added' as const, entry };
      }),
      deleteSnapshot: vi.fn(async ({ snapshotId }: Request<'deleteSnapshot'>) => {
        calls.push(`delete ${snapshotId}`);
        list = list.filter((e) => e.snapshotId !== snapshotId);
        return { deleted: true };
      }),
    };
  }
  const panel = (api: HistoryApi, overrides: Partial<Parameters<typeof HistoryPanel>[0]> = {}) =>
    createElement(HistoryPanel, {
      api,
      docId: 'doc',
      hasFile: true,
      current: () => speech('新的正文'),
      onRestore: vi.fn(),
      onClose: vi.fn(),
      ...overrides,
    });

  it('lists versions with name, time and size, views one and compares it with the current text', async () => {
    const api = fakeApi();
    await render(panel(api));
    const items = [...ui.container.querySelectorAll('[data-testid="history-entry"]')];
    expect(items.map((li) => li.querySelector('.history-kind')?.textContent)).toEqual(['命名', '保存']);
    expect(items.map((li) => li.querySelector('.history-name')?.textContent ?? null)).toEqual(['送审稿', null]);
    // The length as the status bar writes it, and the change from the version before.
    expect(items[1]!.textContent).toContain('1200字 · 2.0 KB');
    expect(items[0]!.textContent).toContain('600字 · 1.0 KB · −600 字');
    await act(async () => (items[1]!.querySelector('button') as HTMLButtonElement).click());
    expect(ui.container.querySelector('[data-testid="history-opened"]')?.textContent).toContain('旧的正文');
    await click('返回列表');
    await act(async () =>
      [...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '比较')[1]!.click(),
    );
    expect([...ui.container.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['旧']);
    expect([...ui.container.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['新']);
  });

  describe('telling versions apart, comparing any two, with heading numbers', () => {
    // Two saved in one minute, a named one the same day, one the day before (in any time zone:
    // the minute and "today" are judged on the machine's clock, 08:01 UTC is past 08:00:40).
    const at = (snapshotId: string, savedAt: string, characters: number, name?: string): SnapshotEntry => ({
      snapshotId,
      kind: name ? 'named' : 'auto',
      ...(name ? { name } : {}),
      savedAt,
      size: 1024,
      characters,
    });
    const list = [
      at('s4', '2026-03-02T08:00:40.000Z', 1370, '送审稿'),
      at('s3', '2026-03-02T08:00:05.000Z', 1370),
      at('s2', '2026-03-02T08:00:01.000Z', 1250),
      at('s1', '2026-03-01T08:00:00.000Z', 1200),
    ];
    const doc = (...blocks: Parameters<typeof docOf>): SpeechFile => ({
      ...emptySpeechFile(new Date(0)),
      doc: docOf(...blocks).toJSON(),
    });
    const docs: Record<string, SpeechFile> = {
      s1: doc(['title', '讲话'], [1, '统一思想'], [0, '正文甲']),
      s2: doc(['title', '讲话'], [1, '新增一节'], [1, '统一思想'], [0, '正文甲乙']),
      s3: doc(['title', '讲话'], [1, '新增一节'], [1, '统一思想'], [2, '小节'], [0, '正文甲乙']),
      s4: doc(['title', '讲话'], [1, '统一思想'], [0, '正文甲乙丙']),
    };
    const api = (): HistoryApi => ({
      listSnapshots: vi.fn(async () => ({ entries: list })),
      readSnapshot: vi.fn(async ({ snapshotId }: Request<'readSnapshot'>) => ({
        status: 'found' as const,
        entry: list.find((e) => e.snapshotId === snapshotId)!,
        file: docs[snapshotId]!,
      })),
      addSnapshot: vi.fn(),
      deleteSnapshot: vi.fn(),
    });
    const now = () => new Date('2026-03-02T08:01:00.000Z');
    const entryText = (selector: string) =>
      [...ui.container.querySelectorAll('[data-testid="history-entry"]')].map(
        (li) => li.querySelector(selector)?.textContent ?? null,
      );
    const shownRows = () =>
      [...ui.container.querySelectorAll('[data-testid="compare"] .compare p')].map((row) => row.textContent);
    const choose = async (testId: string, value: string) => {
      const select = ui.container.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!;
      await act(async () => {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };

    it('shows each version with its kind, a time as precise as tells it apart, and the change in length', async () => {
      await render(panel(api(), { now }));
      expect(entryText('.history-kind')).toEqual(['命名', '保存', '保存', '保存']);
      const times = entryText('.history-time') as string[];
      // Three saved in one minute: with seconds, each distinct; the day before: with its date, no seconds.
      for (const time of times.slice(0, 3)) expect(time).toMatch(/^\d\d:\d\d:\d\d$/);
      expect(new Set(times.slice(0, 3)).size).toBe(3);
      expect(times[3]).toMatch(/^\d+月\d+日 \d\d:\d\d$/);
      expect(entryText('.history-change')).toEqual(['字数未变', '+120 字', '+50 字', null]);
    });

    it('compares any two versions, base and target each chosen, numbering the headings of both sides', async () => {
      const reads = api();
      await render(panel(reads, { now, current: () => docs.s4 }));
      // 比较 on the oldest: it against the current text.
      await act(async () =>
        [...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '比较')[3]!.click(),
      );
      expect(ui.container.querySelector<HTMLSelectElement>('[data-testid="history-base"]')!.value).toBe('s1');
      expect(ui.container.querySelector<HTMLSelectElement>('[data-testid="history-target"]')!.value).toBe('current');
      expect([...ui.container.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['乙丙']);
      // Now against the second version, not the current text.
      await choose('history-target', 's2');
      expect(reads.readSnapshot).toHaveBeenCalledWith({ docId: 'doc', snapshotId: 's2' });
      const summary = ui.container.querySelector('[data-testid="compare-summary"]')!.textContent;
      expect(summary).toMatch(/^保存 \d+月\d+日 \d\d:\d\d → 保存 \d\d:\d\d:\d\d · 新增 1 段，删除 0 段，修改 1 段$/);
      // The new section is 一、; 统一思想 was 一、 and is 二、 (both shown); the title has no number.
      expect(shownRows()).toEqual(['讲话', '一、新增一节', '一、二、统一思想', '正文甲乙']);
      expect([...ui.container.querySelectorAll('[data-kind="renumbered"] del')].map((e) => e.textContent)).toEqual([
        '一、',
      ]);
      expect([...ui.container.querySelectorAll('[data-kind="renumbered"] ins')].map((e) => e.textContent)).toEqual([
        '二、',
      ]);
      // And the base moved too: the second version against the third.
      await choose('history-base', 's2');
      await choose('history-target', 's3');
      expect(shownRows()).toContain('（一）小节');
    });

    it('views one version with its heading numbers', async () => {
      await render(panel(api(), { now }));
      await act(async () =>
        [...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '查看')[2]!.click(),
      );
      const viewed = [...ui.container.querySelectorAll('.history-view p')].map((row) => row.textContent);
      expect(viewed).toEqual(['讲话', '一、新增一节', '二、统一思想', '正文甲乙']);
    });
  });

  it('shows the version someone else wrote under a translated label', async () => {
    const api = fakeApi();
    const external: SnapshotEntry = { ...named, snapshotId: 's9', name: EXTERNAL_SNAPSHOT_NAME };
    api.listSnapshots = vi.fn(async () => ({ entries: [external] }));
    await render(panel(api));
    expect(ui.container.querySelector('.history-kind')?.textContent).toBe('外部修改');
    expect(ui.container.querySelector('.history-name')?.textContent).toBe('他人的版本');
  });

  it('restores a version through the app, deletes one, and keeps the current text under a name', async () => {
    const api = fakeApi();
    const onRestore = vi.fn();
    await render(panel(api, { onRestore }));
    await act(async () =>
      [...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '恢复为当前文本')[1]!.click(),
    );
    expect(onRestore).toHaveBeenCalledWith(speech('旧的正文'), auto);
    // Deleting asks first; cancel keeps the version.
    await act(async () =>
      [...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '删除')[0]!.click(),
    );
    expect(api.calls.filter((call) => call.startsWith('delete'))).toEqual([]);
    expect(ui.container.querySelector('[role="alert"]')?.textContent).toContain('删除后无法找回版本“送审稿”');
    await click('取消');
    expect(ui.container.querySelector('[role="alert"]')).toBeNull();
    expect(api.calls.filter((call) => call.startsWith('delete'))).toEqual([]);
    await act(async () =>
      [...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '删除')[0]!.click(),
    );
    await act(async () => (ui.container.querySelector('[role="alert"] button') as HTMLButtonElement).click());
    expect(api.calls).toContain('delete s2');
    expect(ui.container.querySelectorAll('[data-testid="history-entry"]')).toHaveLength(1);
    expect(ui.container.querySelector('[data-testid="history-message"]')?.textContent).toBe('已删除版本“送审稿”。');
    await click('保留当前版本…');
    const input = ui.container.querySelector('input')!;
    expect([...ui.container.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual([
      '送审稿',
      '定稿',
      '征求意见稿',
      '修改稿',
    ]);
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '定稿');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('保留');
    expect(api.calls).toContain('add 定稿');
    expect(text()).toContain('已保留版本“定稿”。');
    expect(ui.container.querySelectorAll('[data-testid="history-entry"]')).toHaveLength(2);
  });

  it('reports a delete that failed, and keeps the version listed', async () => {
    for (const failure of [async () => ({ deleted: false }), async () => Promise.reject(new Error('EACCES'))]) {
      const api = { ...fakeApi(), deleteSnapshot: vi.fn(failure) };
      await render(panel(api));
      await act(async () =>
        [...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '删除')[0]!.click(),
      );
      await act(async () => (ui.container.querySelector('[role="alert"] button') as HTMLButtonElement).click());
      expect(api.deleteSnapshot).toHaveBeenCalledTimes(1);
      const message = ui.container.querySelector('[data-testid="history-message"]');
      expect(message?.textContent).toBe('无法删除版本“送审稿”：它可能已不存在，或历史版本无法写入。');
      expect(message?.className).toContain('error');
      expect(ui.container.querySelectorAll('[data-testid="history-entry"]')).toHaveLength(2);
      ui.remount();
    }
  });

  it('reads the current text once per opened comparison and after each save, not on every render', async () => {
    const api = fakeApi();
    const current = vi.fn(() => speech('新的正文'));
    await render(panel(api, { current }));
    expect(current).not.toHaveBeenCalled();
    await act(async () =>
      [...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '比较')[1]!.click(),
    );
    expect(current).toHaveBeenCalledTimes(1);
    // The app renders again (typing, a status change): the same text is compared, not read again.
    for (let i = 0; i < 3; i++) await render(panel(api, { current }));
    expect(current).toHaveBeenCalledTimes(1);
    expect([...ui.container.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['新']);
    // A save: read again.
    await render(panel(api, { current, revision: 1 }));
    expect(current).toHaveBeenCalledTimes(2);
  });

  it('has nothing to show for an untitled document', async () => {
    const api = fakeApi();
    await render(panel(api, { hasFile: false }));
    expect(text()).toContain('文稿保存后才有历史版本。');
    expect(api.calls).toEqual([]);
  });
});

describe('replaceContent', () => {
  it('replaces the whole text as one step that a single undo takes back', () => {
    const editor = testEditor([t('讲话'), p('原来的正文')]);
    expect(replaceContent(editor, speech('旧版本的正文', '第二段').doc)).toBe(true);
    expect(rows(editor).map((row) => row[3])).toEqual(['讲话', '旧版本的正文', '第二段']);
    editor.commands.undo();
    expect(rows(editor).map((row) => row[3])).toEqual(['讲话', '原来的正文']);
    expect(replaceContent(editor, { type: 'doc', content: [{ type: 'no-such-block' }] })).toBe(false);
    expect(rows(editor).map((row) => row[3])).toEqual(['讲话', '原来的正文']);
    editor.destroy();
  });
});
