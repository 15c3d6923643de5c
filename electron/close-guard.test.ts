import { describe, expect, it } from 'vitest';
import { backupsOnClose, CLOSE_PROMPT_BUTTONS, CLOSE_PROMPT_CANCEL_ID, closeAction, mustAsk } from './close-guard';
import { menuString } from '../shared/i18n/menu';

describe('closing a window', () => {
  it('asks only when the document has unsaved changes and the close was not already confirmed', () => {
    expect(mustAsk(true, false)).toBe(true);
    expect(mustAsk(false, false)).toBe(false);
    expect(mustAsk(true, true)).toBe(false);
  });

  it('offers 保存 / 不保存 / 取消, with 取消 for Esc', () => {
    expect(CLOSE_PROMPT_BUTTONS.map((key) => menuString('zh-CN', key))).toEqual(['保存', '不保存', '取消']);
    expect(CLOSE_PROMPT_BUTTONS[CLOSE_PROMPT_CANCEL_ID]).toBe('cancelButton');
  });

  it('saves then closes on 保存, closes on 不保存, and keeps the window on 取消 or anything else', () => {
    expect(closeAction(0)).toBe('save-then-close');
    expect(closeAction(1)).toBe('close');
    expect(closeAction(2)).toBe('keep-open');
    expect(closeAction(-1)).toBe('keep-open');
  });

  it('does not ask about a window whose renderer died, and closes it on 保存 (nobody is left to save)', () => {
    expect(mustAsk(true, false, true)).toBe(false);
    expect(closeAction(0, true)).toBe('close');
    expect(closeAction(1, true)).toBe('close');
    expect(closeAction(2, true)).toBe('keep-open');
  });

  it('removes backups only of a clean window or one the user gave up on purpose, never of a dead renderer', () => {
    expect(backupsOnClose({ dirty: false, confirmedClose: false })).toBe('remove');
    // 不保存, or the renderer saved and closed the window itself.
    expect(backupsOnClose({ dirty: true, confirmedClose: true })).toBe('remove');
    // Unsaved and nobody confirmed giving it up.
    expect(backupsOnClose({ dirty: true, confirmedClose: false })).toBe('keep');
    // The renderer crashed: 不保存 in the blank window, or no prompt at all, keeps them.
    expect(backupsOnClose({ dirty: true, confirmedClose: true, rendererGone: true })).toBe('keep');
    expect(backupsOnClose({ dirty: true, confirmedClose: false, rendererGone: true })).toBe('keep');
    expect(backupsOnClose({ dirty: false, confirmedClose: false, rendererGone: true })).toBe('keep');
    expect(backupsOnClose(undefined)).toBe('keep');
  });
});
