/**
 * What closing a window with unsaved changes does, as a pure decision: the native prompt offers
 * 保存 / 不保存 / 取消 (buttons 0, 1, 2; Esc is 取消). 保存 asks the renderer to save and then close
 * (it closes the window itself once the save succeeded); 不保存 closes; 取消 keeps the window.
 *
 * A window whose renderer died (crash, OOM, GPU, killed) has nobody left to save: it is not
 * asked about, 保存 cannot reach it, and its documents' backups are kept so they are offered by
 * File → 恢复未保存的文稿… (another window now, or the next start).
 */

/** The prompt's buttons, in order. */
export const CLOSE_PROMPT_BUTTONS = ['saveButton', 'dontSaveButton', 'cancelButton'] as const;
export const CLOSE_PROMPT_CANCEL_ID = 2;

export type CloseAction = 'close' | 'save-then-close' | 'keep-open';

/** What main knows of a window when it closes. */
export interface WindowCloseState {
  /** The document has unsaved changes (as last told by the renderer). */
  dirty: boolean;
  /** The user answered the close prompt with 不保存, or the live renderer closed the window itself (after saving). */
  confirmedClose: boolean;
  /** The window's renderer process is gone (`render-process-gone`): whatever it held is lost but for the backups. */
  rendererGone?: boolean;
}

/**
 * Whether to ask at all: only a window whose document has unsaved changes is asked about, and
 * not one whose renderer is gone (保存 could not reach it; the backups are kept instead).
 */
export function mustAsk(dirty: boolean, confirmedClose: boolean, rendererGone = false): boolean {
  return dirty && !confirmedClose && !rendererGone;
}

/**
 * The action for the prompt's answer (the index of the button pressed). 保存 with a renderer that
 * died while the prompt was open closes (its backups are kept: see `backupsOnClose`).
 */
export function closeAction(response: number, rendererGone = false): CloseAction {
  switch (response) {
    case 0:
      return rendererGone ? 'close' : 'save-then-close';
    case 1:
      return 'close';
    default:
      return 'keep-open';
  }
}

/**
 * What becomes of the backups of a closed window's documents: `remove` only when nothing was
 * unsaved or the user deliberately gave it up (不保存, or the live renderer saved and closed);
 * `keep` when the renderer died (its backups are all that is left of the work) or the window
 * closed with unsaved changes nobody confirmed. Kept backups are released to recovery: offered by
 * File → 恢复未保存的文稿… in another window, or at the next start. An unknown window keeps.
 */
export function backupsOnClose(state: WindowCloseState | undefined): 'remove' | 'keep' {
  if (!state || state.rendererGone) return 'keep';
  return !state.dirty || state.confirmedClose ? 'remove' : 'keep';
}
