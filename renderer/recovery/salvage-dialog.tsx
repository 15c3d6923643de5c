/**
 * A damaged file opened as a new untitled copy: why the file could not be opened, what was kept,
 * repaired and lost, and that the file itself was not touched.
 */
import { useTranslation } from 'react-i18next';
import { CloseButtons, Modal } from '../components/modal';
import type { Salvaged } from '../session/session-types';

export function SalvageDialog({ salvaged, onClose }: { salvaged: Salvaged; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { report, error } = salvaged;
  const codeKey = `error.code.${error.code}`;
  const reason = i18n.exists(codeKey) ? t(codeKey) : error.message;
  return (
    <Modal label={t('salvage.title')} onCancel={onClose}>
      <div role="alert" data-testid="salvaged" data-code={error.code}>
        <h2>{t('salvage.title')}</h2>
        <p>{t('salvage.message', { name: error.fileName ?? '', reason })}</p>
        <p>{t('salvage.opened', { kept: report.kept, repaired: report.repaired, lost: report.lost })}</p>
        {report.truncated ? <p>{t('salvage.truncated')}</p> : null}
        {report.droppedMeta.length ? <p>{t('salvage.droppedMeta', { names: report.droppedMeta.join('、') })}</p> : null}
        <p className="detail">{t('error.detail', { detail: error.message })}</p>
      </div>
      <CloseButtons label={t('salvage.ok')} onClose={onClose} />
    </Modal>
  );
}
