/**
 * Modal dialogs on the platform's own `<dialog>` element (focus trapping, Esc and the top layer
 * come from the browser): the unsaved-changes prompt and the failure message.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownFailure, UnsavedChoice } from '../document-session';

export function Modal({ label, onCancel, children }: { label: string; onCancel: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
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

/** A failure to open or save, naming the file and what is wrong. */
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
        <p className="detail">{t('error.detail', { detail: error.message })}</p>
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
