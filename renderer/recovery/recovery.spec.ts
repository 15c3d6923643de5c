// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import type { RecoveryEntry, Request } from '../../shared/ipc/contract';
import { ExternalChangeDialog, type ExternalApi } from './external-dialog';
import { RecoveryDialog, type RecoveryApi } from './recovery-dialog';
import { renderHarness, speech } from '../test-render';

const ui = renderHarness();
const { render, button, click, text } = ui;

describe('RecoveryDialog', () => {
  const entries: RecoveryEntry[] = [
    {
      recoveryId: 'a',
      name: '讲话.speech',
      savedAt: '2026-03-01T08:30:00.000Z',
      preview: '讲话 没来得及保存',
      hasFile: true,
    },
    { recoveryId: 'b', name: '未命名', savedAt: '2026-03-01T08:31:00.000Z', preview: '讲话 草稿', hasFile: false },
  ];
  function fakeApi(): RecoveryApi & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      readRecovery: vi.fn(
        async ({ recoveryId }: Request<'readRecovery'>) => (
          calls.push(`read ${recoveryId}`),
          {
            status: 'found' as const,
            name: '讲话.speech',
            savedAt: entries[0]!.savedAt,
            file: speech('原文', '新加的'),
            disk: { status: 'read' as const, file: speech('原文') },
          }
        ),
      ),
      restoreRecovery: vi.fn(
        async ({ recoveryId }: Request<'restoreRecovery'>) => (
          calls.push(`restore ${recoveryId}`),
          {
            status: 'restored' as const,
            docId: recoveryId,
            name: '讲话.speech',
            file: speech('原文', '新加的'),
            savedAt: entries[0]!.savedAt,
            hasFile: true,
          }
        ),
      ),
      discardRecovery: vi.fn(
        async ({ recoveryId }: Request<'discardRecovery'>) => (
          calls.push(`discard ${recoveryId}`),
          { ok: true as const }
        ),
      ),
    };
  }

  it('lists each backup with its preview, compares with the file on disk, and restores', async () => {
    const api = fakeApi();
    const restored: string[] = [];
    const done = vi.fn();
    await render(
      createElement(RecoveryDialog, { api, entries, onRestored: (r) => restored.push(r.docId), onDone: done }),
    );
    expect(ui.container.querySelectorAll('[data-testid="recovery-entry"]')).toHaveLength(2);
    expect(text()).toContain('讲话 没来得及保存');
    expect(text()).toContain('（未保存过的新文稿）');
    // Only a backup with a file can be compared with it.
    expect([...ui.container.querySelectorAll('button')].filter((b) => b.textContent === '与磁盘文件比较')).toHaveLength(
      1,
    );
    await click('与磁盘文件比较');
    expect(api.calls).toEqual(['read a']);
    expect([...ui.container.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['新加的']);
    await act(async () => [...ui.container.querySelectorAll('button')].find((b) => b.textContent === '恢复')!.click());
    expect(restored).toEqual(['a']);
    expect(done).toHaveBeenCalled();
  });

  it('discards only after a confirmation, and closes when none are left', async () => {
    const api = fakeApi();
    const done = vi.fn();
    await render(
      createElement(RecoveryDialog, { api, entries: [entries[1]!], onRestored: () => undefined, onDone: done }),
    );
    await click('丢弃');
    expect(api.calls).toEqual([]);
    expect(text()).toContain('丢弃后无法找回“未命名”的未保存内容');
    await click('取消');
    await click('丢弃');
    await click('丢弃');
    expect(api.calls).toEqual(['discard b']);
    expect(done).toHaveBeenCalled();
  });

  it('keeps the backups for later', async () => {
    const api = fakeApi();
    const done = vi.fn();
    await render(createElement(RecoveryDialog, { api, entries, onRestored: () => undefined, onDone: done }));
    await click('稍后处理');
    expect(done).toHaveBeenCalled();
    expect(api.calls).toEqual([]);
  });
});

describe('ExternalChangeDialog', () => {
  const props = (api: ExternalApi, overrides: Partial<Parameters<typeof ExternalChangeDialog>[0]>) => ({
    api,
    docId: 'doc',
    name: '共享.speech',
    kind: 'changed' as const,
    dirty: false,
    current: () => speech('我改的'),
    onTakeTheirs: vi.fn(),
    onKeepMine: vi.fn(),
    onDismiss: vi.fn(),
    ...overrides,
  });
  const theirsApi = (): ExternalApi & { reads: number } => {
    const api = {
      reads: 0,
      reloadDocument: vi.fn(
        async () => (
          api.reads++,
          { status: 'opened' as const, docId: 'doc', name: '共享.speech', file: speech('同事改的') }
        ),
      ),
    };
    return api;
  };

  it('offers to reload a clean document, reading the disk only when asked', async () => {
    const api = theirsApi();
    const p = props(api, {});
    await render(createElement(ExternalChangeDialog, p));
    expect(text()).toContain('“共享.speech”已被其他程序修改。是否重新载入？');
    expect(api.reads).toBe(0);
    await click('重新载入');
    expect(p.onTakeTheirs).toHaveBeenCalledWith(speech('同事改的'));
  });

  it('with unsaved edits reads theirs at once, compares, and keeps mine or takes theirs', async () => {
    const api = theirsApi();
    const p = props(api, { dirty: true });
    await render(createElement(ExternalChangeDialog, p));
    expect(api.reads).toBe(1);
    await click('比较');
    expect(text()).toContain('磁盘上的版本 → 我的版本');
    await click('保留我的版本');
    expect(p.onKeepMine).toHaveBeenCalledWith({ save: false, force: false });
    await click('采用磁盘上的版本');
    expect(p.onTakeTheirs).toHaveBeenCalledWith(speech('同事改的'));
  });

  it('after a save conflict keeps mine by saving again, forced only when the disk version could not be read', async () => {
    const p = props(theirsApi(), { kind: 'conflict', dirty: true });
    await render(createElement(ExternalChangeDialog, p));
    expect(text()).toContain('本次未保存');
    await click('保留我的版本并保存');
    expect(p.onKeepMine).toHaveBeenCalledWith({ save: true, force: false });
    const broken: ExternalApi = {
      reloadDocument: async () => ({ status: 'failed', error: { code: 'not-json', message: '不是有效的文件' } }),
    };
    const q = props(broken, { kind: 'conflict', dirty: true, docId: 'other' });
    await render(createElement(ExternalChangeDialog, q));
    expect(text()).toContain('无法读取磁盘上的版本：不是有效的文件');
    expect(button('采用磁盘上的版本').disabled).toBe(true);
    await click('保留我的版本并保存');
    expect(q.onKeepMine).toHaveBeenCalledWith({ save: true, force: true });
  });

  it('tells that a deleted file is created again by saving', async () => {
    const p = props(theirsApi(), { kind: 'deleted' });
    await render(createElement(ExternalChangeDialog, p));
    expect(text()).toContain('保存将重新创建该文件');
    await click('知道了');
    expect(p.onDismiss).toHaveBeenCalled();
  });
});
