/**
 * The wrapper every dialog uses, on Radix's Dialog: focus trapped inside and given back to where it
 * was on close, the rest of the window hidden from screen readers, Esc.
 */
import { useState, type ReactNode } from 'react';
import * as Dialog from '@radix-ui/react-dialog';

/**
 * A modal dialog named `label`, open while it is rendered. Esc calls `onCancel` (the dialog decides
 * whether to close: a busy export does not); a click outside does nothing, as with a native modal,
 * so that a stray click never throws away what the user filled in.
 */
export function Modal({ label, onCancel, children }: { label: string; onCancel: () => void; children: ReactNode }) {
  // What had the keyboard before the dialog, taken while rendering: Radix takes it after the
  // dialog's own autoFocus field has the focus, and would give the focus back to that field.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : undefined));
  return (
    // In place rather than in a portal: the dialog stays where its component renders it (the unit
    // tests render a dialog into a container and read it there), and nothing above it in the app
    // is transformed or clipped, so the fixed backdrop and dialog still cover the window.
    <Dialog.Root open>
      <Dialog.Overlay className="modal-backdrop" />
      <Dialog.Content
        className="modal"
        aria-label={label}
        // The dialogs say what they are about in their own text, read as the dialog's content.
        aria-describedby={undefined}
        onEscapeKeyDown={(event) => {
          event.preventDefault();
          onCancel();
        }}
        onInteractOutside={(event) => event.preventDefault()}
        onCloseAutoFocus={(event) => {
          // Where the app put the focus on closing (the page after an import) stays; else back to the opener.
          const moved = document.activeElement && document.activeElement !== document.body;
          if (moved || opener?.isConnected) event.preventDefault();
          if (!moved && opener?.isConnected) opener.focus();
        }}
      >
        {children}
      </Dialog.Content>
    </Dialog.Root>
  );
}

/**
 * The foot of a dialog that only tells the user something: one button, `label` (好 / 知道了), with the keyboard on
 * it, so Enter or Esc both close the dialog through `onClose`.
 */
export function CloseButtons({ label, onClose }: { label: string; onClose: () => void }) {
  return (
    <div className="modal-buttons">
      <button type="button" autoFocus onClick={onClose}>
        {label}
      </button>
    </div>
  );
}

/**
 * The foot of a dialog that is a form: the submit button `ok`, which `disabled` greys out while the form cannot be
 * sent (the form's own onSubmit does the work), then `cancel`, which calls `onCancel` and sends nothing.
 */
export function SubmitButtons({
  ok,
  cancel,
  disabled = false,
  onCancel,
}: {
  ok: string;
  cancel: string;
  disabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="modal-buttons">
      <button type="submit" disabled={disabled}>
        {ok}
      </button>
      <button type="button" onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
