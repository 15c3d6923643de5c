/**
 * What closing a window with unsaved changes does, as a pure decision: the native prompt offers
 * 保存 / 不保存 / 取消 (buttons 0, 1, 2; Esc is 取消). 保存 asks the renderer to save and then close
 * (it closes the window itself once the save succeeded); 不保存 closes; 取消 keeps the window.
 */

/** The prompt's buttons, in order. */
export const CLOSE_PROMPT_BUTTONS = ['saveButton', 'dontSaveButton', 'cancelButton'] as const;
export const CLOSE_PROMPT_CANCEL_ID = 2;

export type CloseAction = 'close' | 'save-then-close' | 'keep-open';

/** Whether to ask at all: only a window whose document has unsaved changes is asked about. */
export function mustAsk(dirty: boolean, confirmedClose: boolean): boolean {
  return dirty && !confirmedClose;
}

/** The action for the prompt's answer (the index of the button pressed). */
export function closeAction(response: number): CloseAction {
  switch (response) {
    case 0:
      return 'save-then-close';
    case 1:
      return 'close';
    default:
      return 'keep-open';
  }
}
