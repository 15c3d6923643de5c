/**
 * The start-up offer after a crash (issue 8): each document with unsaved work left in the
 * recovery store, with the time of its backup and a preview; restore it, compare it with the
 * file on disk, or discard it (after a confirmation). "Later" keeps the backups for next time.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LecternApi, RecoveryEntry, Response } from '../../shared/ipc/contract';
import { Modal } from '../components/modal';
import type { Restored } from '../session/session-types';
import { CompareView } from '../history/compare-view';
import { formatTime } from '../history/history-labels';
import './recovery.css';

/** The calls the dialog makes. */
export type RecoveryApi = Pick<LecternApi, 'readRecovery' | 'restoreRecovery' | 'discardRecovery'>;

export interface RecoveryDialogProps {
  api: RecoveryApi;
  /** From `listRecovery` at start-up; the app shows the dialog only when there are some. */
  entries: RecoveryEntry[];
  /** A backup was restored: the app shows it as an unsaved document (the dialog then closes). */
  onRestored: (restored: Restored) => void;
  /** Closed: everything handled, or "later". */
  onDone: () => void;
}

type Comparing = { recoveryId: string; result: Response<'readRecovery'> };

export function RecoveryDialog({ api, entries, onRestored, onDone }: RecoveryDialogProps) {
  const { t, i18n } = useTranslation();
  const [left, setLeft] = useState(entries);
  const [confirming, setConfirming] = useState<string | undefined>();
  const [comparing, setComparing] = useState<Comparing | undefined>();
  const [error, setError] = useState<string | undefined>();

  const restore = async (entry: RecoveryEntry) => {
    const result = await api.restoreRecovery({ recoveryId: entry.recoveryId });
    if (result.status === 'restored') {
      onRestored(result);
      onDone();
    } else setError(result.error.message);
  };
  const discard = async (entry: RecoveryEntry) => {
    await api.discardRecovery({ recoveryId: entry.recoveryId });
    setConfirming(undefined);
    const rest = left.filter((e) => e.recoveryId !== entry.recoveryId);
    setLeft(rest);
    if (rest.length === 0) onDone();
  };
  const compare = async (entry: RecoveryEntry) => {
    setComparing({ recoveryId: entry.recoveryId, result: await api.readRecovery({ recoveryId: entry.recoveryId }) });
  };

  const comparison = () => {
    if (!comparing) return null;
    const { result } = comparing;
    if (result.status === 'missing') return <p className="recovery-error">{t('recovery.diskMissing')}</p>;
    if (result.disk.status === 'read') {
      const savedAt = t('recovery.savedAt', { time: formatTime(result.savedAt, i18n.language) });
      return (
        <CompareView
          before={result.disk.file.doc}
          after={result.file.doc}
          beforeLabel={t('external.theirs')}
          afterLabel={savedAt}
        />
      );
    }
    if (result.disk.status === 'failed') {
      return <p className="recovery-error">{t('recovery.diskFailed', { message: result.disk.error.message })}</p>;
    }
    return <p>{t('recovery.diskMissing')}</p>;
  };

  return (
    <Modal label={t('recovery.title')} onCancel={onDone}>
      <h2>{t('recovery.title')}</h2>
      <p>{t('recovery.intro')}</p>
      <ul className="recovery-list" data-testid="recovery-list">
        {left.map((entry) => (
          <li key={entry.recoveryId} data-testid="recovery-entry">
            <div>
              <strong>{entry.name}</strong>{' '}
              {entry.hasFile ? null : <span className="recovery-time">{t('recovery.untitled')}</span>}
            </div>
            <div className="recovery-time">
              {t('recovery.savedAt', { time: formatTime(entry.savedAt, i18n.language) })}
            </div>
            <p className="recovery-preview" title={entry.preview}>
              {entry.preview}
            </p>
            {confirming === entry.recoveryId ? (
              <div className="recovery-actions" role="alert">
                <span>{t('recovery.discardConfirm', { name: entry.name })}</span>
                <button type="button" onClick={() => void discard(entry)}>
                  {t('recovery.discard')}
                </button>
                <button type="button" autoFocus onClick={() => setConfirming(undefined)}>
                  {t('history.cancel')}
                </button>
              </div>
            ) : (
              <div className="recovery-actions">
                <button type="button" onClick={() => void restore(entry)}>
                  {t('recovery.restore')}
                </button>
                {entry.hasFile ? (
                  <button
                    type="button"
                    onClick={() =>
                      void (comparing?.recoveryId === entry.recoveryId ? setComparing(undefined) : compare(entry))
                    }
                  >
                    {comparing?.recoveryId === entry.recoveryId ? t('recovery.close') : t('recovery.compare')}
                  </button>
                ) : null}
                <button type="button" onClick={() => setConfirming(entry.recoveryId)}>
                  {t('recovery.discard')}
                </button>
              </div>
            )}
            {comparing?.recoveryId === entry.recoveryId ? comparison() : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p className="recovery-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="modal-buttons">
        <button type="button" onClick={onDone}>
          {t('recovery.later')}
        </button>
      </div>
    </Modal>
  );
}
