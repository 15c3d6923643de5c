/** The unsaved-changes prompt and the failure message, on the `Modal` every dialog uses. */
import { useTranslation } from 'react-i18next';
import { CloseButtons, Modal } from './modal';
import type { ShownFailure, UnsavedChoice } from '../session/session-types';

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
  const title = t(
    action === 'open' ? 'error.openTitle' : action === 'import' ? 'error.importTitle' : 'error.saveTitle',
    { name },
  );
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
      <CloseButtons label={t('error.ok')} onClose={onClose} />
    </Modal>
  );
}
