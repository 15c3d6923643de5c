/**
 * Modal dialogs on Radix's Dialog (focus trapped inside, given back to where it was on close, the
 * rest of the window hidden from screen readers, Esc): the wrapper every dialog uses, the
 * unsaved-changes prompt and the failure message.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import * as Dialog from '@radix-ui/react-dialog';
import type { ShownFailure, UnsavedChoice } from '../document-session';

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

/** 保存 / 不保存 / 取消 before a document with unsaved changes is replaced. */
export function UnsavedDialog({ name, onChoose }: { name: string; onChoose: (choice: UnsavedChoice) => void }) {
  const { t } = useTranslation();
  return (
    <Modal label={t('unsaved.title')} onCancel={() => onChoose('cancel')}>
      <h2>{t('unsaved.title')}</h2>
      <p>{t('unsaved.message', { name })}</p>
      <div className="modal-buttons">
        <button type="button" autoFocus onClick={() => onChoose('save')}>
          {t('unsaved.save')}
        </button>
        <button type="button" onClick={() => onChoose('discard')}>
          {t('unsaved.discard')}
        </button>
        <button type="button" onClick={() => onChoose('cancel')}>
          {t('unsaved.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** A failure to open, save or import, naming the file and what is wrong; the technical detail folded away. */
export function FailureDialog({ failure, onClose }: { failure: ShownFailure; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { error, action } = failure;
  const name = error.fileName ?? '';
  const codeKey = `error.code.${error.code}`;
  const summary = i18n.exists(codeKey) ? t(codeKey) : t('error.code.unknown');
  const title = t(action === 'open' ? 'error.openTitle' : action === 'import' ? 'error.importTitle' : 'error.saveTitle', { name });
  return (
    <Modal label={title} onCancel={onClose}>
      <div role="alert" data-testid="failure" data-code={error.code}>
        <h2>{title}</h2>
        <p>{summary}</p>
        {/* The reader's own words (often a parser's English) are for bug reports: folded away under a
            label in the UI's language, never in the sentence above (issue 21). */}
        {error.message ? (
          <details className="detail" data-testid="failure-detail">
            <summary>{t('error.details')}</summary>
            <p>{error.message}</p>
          </details>
        ) : null}
        {action !== 'save' ? <p>{t('error.unchanged')}</p> : null}
      </div>
      <div className="modal-buttons">
        <button type="button" autoFocus onClick={onClose}>
          {t('error.ok')}
        </button>
      </div>
    </Modal>
  );
}
