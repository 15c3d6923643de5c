/**
 * What the user sees when a document's file changed on disk (issue 8):
 *
 * - changed while clean: offer to reload (never silently);
 * - changed while dirty, or a save answered `conflict`: the version on disk is read at once (which
 *   makes it the one later saves are checked against), and the user compares, keeps theirs over it
 *   ("keep mine"), or takes the version on disk;
 * - deleted: the text stays in the editor and saving creates the file again.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeechFile } from '../../shared/document/file-format';
import type { LecternApi } from '../../shared/ipc/contract';
import { CloseButtons, Modal } from '../components/modal';
import type { ExternalKind } from '../session/session-types';
import { CompareView } from '../history/compare-view';
import './recovery.css';

/** The call the dialog makes. */
export type ExternalApi = Pick<LecternApi, 'reloadDocument'>;

export interface ExternalChangeDialogProps {
  api: ExternalApi;
  docId: string;
  name: string;
  kind: ExternalKind;
  /** Whether the document has unsaved changes. */
  dirty: boolean;
  /** The document as it stands in the editor (mine). */
  current: () => SpeechFile;
  /** Replace the editor's text with the version on disk (as one undoable step), now saved. */
  onTakeTheirs: (file: SpeechFile) => void;
  /**
   * Keep the editor's text. `save`: after a conflict, save it now; `force`: the version on disk
   * could not be read, so main still holds the old one and the save must be forced.
   */
  onKeepMine: (options: { save: boolean; force: boolean }) => void;
  /** Closed without a choice (clean: "not now"; deleted: "OK"). */
  onDismiss: () => void;
}

type Theirs = { status: 'loading' } | { status: 'read'; file: SpeechFile } | { status: 'failed'; message: string };

export function ExternalChangeDialog({
  api,
  docId,
  name,
  kind,
  dirty,
  current,
  onTakeTheirs,
  onKeepMine,
  onDismiss,
}: ExternalChangeDialogProps) {
  const { t } = useTranslation();
  const conflict = kind === 'conflict' || (kind === 'changed' && dirty);
  const [theirs, setTheirs] = useState<Theirs | undefined>(conflict ? { status: 'loading' } : undefined);
  const [comparing, setComparing] = useState(false);

  const load = async (): Promise<Theirs> => {
    const result = await api
      .reloadDocument({ docId })
      .catch((error: Error) => ({ status: 'failed' as const, error: { code: 'unknown', message: error.message } }));
    if (result.status === 'opened') return { status: 'read', file: result.file };
    return {
      status: 'failed',
      message: result.status === 'failed' || result.status === 'salvaged' ? result.error.message : '',
    };
  };

  // Read when the dialog opens (again if it is reused for another document or kind).
  useEffect(() => {
    setComparing(false);
    if (!conflict) return setTheirs(undefined);
    setTheirs({ status: 'loading' });
    let live = true;
    void load().then((read) => live && setTheirs(read));
    return () => {
      live = false;
    };
  }, [docId, kind, conflict]);

  if (kind === 'deleted') {
    return (
      <Modal label={name} onCancel={onDismiss}>
        <p>{t('external.deleted', { name })}</p>
        <CloseButtons label={t('external.ok')} onClose={onDismiss} />
      </Modal>
    );
  }

  // Why their version could not be read, wherever the dialog offers it.
  const readFailed =
    theirs?.status === 'failed' ? (
      <p className="recovery-error" role="alert">
        {t('external.readFailed', { message: theirs.message })}
      </p>
    ) : null;

  if (!conflict) {
    const reload = async () => {
      const read = await load();
      if (read.status === 'read') onTakeTheirs(read.file);
      else setTheirs(read);
    };
    return (
      <Modal label={name} onCancel={onDismiss}>
        <p>{t('external.changedClean', { name })}</p>
        {readFailed}
        <div className="modal-buttons">
          <button type="button" autoFocus onClick={() => void reload()}>
            {t('external.reload')}
          </button>
          <button type="button" onClick={onDismiss}>
            {t('external.ignore')}
          </button>
        </div>
      </Modal>
    );
  }

  const failed = theirs?.status === 'failed';
  return (
    <Modal label={name} onCancel={() => onKeepMine({ save: false, force: failed })}>
      <p>{kind === 'conflict' ? t('external.conflict', { name }) : t('external.changedDirty', { name })}</p>
      {theirs?.status === 'loading' ? <p>{t('external.loading')}</p> : null}
      {readFailed}
      {comparing && theirs?.status === 'read' ? (
        <CompareView
          before={theirs.file.doc}
          after={current().doc}
          beforeLabel={t('external.theirs')}
          afterLabel={t('external.mine')}
        />
      ) : null}
      <div className="modal-buttons">
        <button type="button" disabled={theirs?.status !== 'read'} onClick={() => setComparing(!comparing)}>
          {t('external.compare')}
        </button>
        <button type="button" autoFocus onClick={() => onKeepMine({ save: kind === 'conflict', force: failed })}>
          {kind === 'conflict' ? t('external.keepMineSave') : t('external.keepMine')}
        </button>
        <button
          type="button"
          disabled={theirs?.status !== 'read'}
          onClick={() => theirs?.status === 'read' && onTakeTheirs(theirs.file)}
        >
          {t('external.takeTheirs')}
        </button>
      </div>
    </Modal>
  );
}
