// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import type { LecternApi, Settings } from '../../shared/ipc/contract';
import { renderHarness } from '../test-render';
import { useSettings, type WindowSettings } from './use-settings';

const h = renderHarness();

/** Renders a window holding the settings on a fake main and hands back what the hook gives, as it is now. */
async function windowSettings(initial: Settings) {
  const setSettings = vi.fn(async () => initial);
  const api = { setSettings } as unknown as LecternApi;
  let current: WindowSettings | undefined;
  function Probe() {
    current = useSettings(api, initial);
    return null;
  }
  await h.render(createElement(Probe));
  return { setSettings, now: () => current! };
}

describe('useSettings', () => {
  it('switches the level check and autosave at once, tells main each change once, and sends nothing unchanged', async () => {
    const { setSettings, now } = await windowSettings({
      language: 'zh-CN',
      checkLevels: true,
      autosave: false,
      profiles: {},
    });
    act(() => now().setCheckLevels(true));
    act(() => now().setAutosave(false));
    expect(setSettings).not.toHaveBeenCalled();
    act(() => now().setCheckLevels(false));
    expect(now().checkLevels).toBe(false);
    act(() => now().setAutosave(true));
    expect(now().autosave).toBe(true);
    act(() => now().setAutosave(true));
    expect(setSettings.mock.calls).toEqual([[{ checkLevels: false }], [{ autosave: true }]]);
  });
});
