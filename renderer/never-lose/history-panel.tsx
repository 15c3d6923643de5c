/**
 * The History panel (issue 8): the version snapshots of the document's file, newest first, with
 * time, name (named ones: 送审稿, 定稿…) and size; view one, compare it with the current text,
 * restore it as the current text (the app applies it as one undoable step), delete it (after a
 * confirmation: a deleted version cannot be recovered), and keep the current text as a named
 * version.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { comparedBlocks } from '../../shared/document/compare';
import type { SpeechFile } from '../../shared/document/file-format';
import { EXTERNAL_SNAPSHOT_NAME, type LecternApi, type SnapshotEntry } from '../../shared/ipc/contract';
import { CompareView } from './compare-view';
import { formatTime } from './recovery-dialog';
import './never-lose.css';

/** The calls the panel makes. */
export type HistoryApi = Pick<LecternApi, 'listSnapshots' | 'readSnapshot' | 'addSnapshot' | 'deleteSnapshot'>;

export interface HistoryPanelProps {
  api: HistoryApi;
  /** The document shown; undefined or without a file: there is no history yet. */
  docId: string | undefined;
  hasFile: boolean;
  /** The document as it stands in the editor. */
  current: () => SpeechFile | undefined;
  /** Replace the editor's text with a snapshot's, as one undoable step (the document becomes unsaved). */
  onRestore: (file: SpeechFile, entry: SnapshotEntry) => void;
  onClose: () => void;
  /** Bumped by the app after each save, so the list reloads. */
  revision?: number;
  /** Bumped by File → 保留当前版本…: the name form opens. */
  nameRequest?: number;
}

type Opened = { entry: SnapshotEntry; file: SpeechFile; mode: 'view' | 'compare' };

export function HistoryPanel({ api, docId, hasFile, current, onRestore, onClose, revision, nameRequest }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<SnapshotEntry[]>([]);
  const [opened, setOpened] = useState<Opened | undefined>();
  const [naming, setNaming] = useState<string | undefined>();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>();
  /** The snapshot whose deletion waits for a confirmation. */
  const [confirming, setConfirming] = useState<string | undefined>();

  const reload = useCallback(async () => {
    if (!docId || !hasFile) return setEntries([]);
    setEntries((await api.listSnapshots({ docId })).entries);
  }, [api, docId, hasFile]);
  useEffect(() => {
    void reload();
  }, [reload, revision]);
  // A request made while the panel is open, or the one that opened it; not an old one seen again.
  const seenRequest = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (nameRequest && nameRequest !== seenRequest.current) setNaming('');
    seenRequest.current = nameRequest;
  }, [nameRequest]);

  const open = async (entry: SnapshotEntry, mode: Opened['mode']) => {
    if (!docId) return;
    const result = await api.readSnapshot({ docId, snapshotId: entry.snapshotId });
    if (result.status === 'found') setOpened({ entry, file: result.file, mode });
    else setMessage({ text: t('neverLose.history.loadFailed', { message: result.error.message }), error: true });
  };
  const restore = async (entry: SnapshotEntry) => {
    if (!docId) return;
    const result = await api.readSnapshot({ docId, snapshotId: entry.snapshotId });
    if (result.status === 'found') onRestore(result.file, entry);
    else setMessage({ text: t('neverLose.history.loadFailed', { message: result.error.message }), error: true });
  };
  const remove = async (entry: SnapshotEntry) => {
    setConfirming(undefined);
    if (!docId) return;
    const deleted = await api.deleteSnapshot({ docId, snapshotId: entry.snapshotId }).then(
      (result) => result.deleted,
      () => false,
    );
    if (deleted) {
      if (opened?.entry.snapshotId === entry.snapshotId) setOpened(undefined);
      setMessage({ text: t('neverLose.history.removed', { name: label(entry) }) });
    } else setMessage({ text: t('neverLose.history.removeFailed', { name: label(entry) }), error: true });
    await reload();
  };
  const keep = async (name: string) => {
    const file = current();
    if (!docId || !file || !name.trim()) return;
    const result = await api.addSnapshot({ docId, file, name: name.trim() });
    if (result.status === 'added') {
      setNaming(undefined);
      setMessage({ text: t('neverLose.history.added', { name: result.entry.name ?? name.trim() }) });
      await reload();
    } else setMessage({ text: t('neverLose.history.failed', { message: result.error.message }), error: true });
  };

  function label(entry: SnapshotEntry) {
    if (entry.name === EXTERNAL_SNAPSHOT_NAME) return t('neverLose.history.external');
    return entry.name ?? t('neverLose.history.auto');
  }
  // The current text, read once per opened comparison and after each save (not on every render:
  // reading it is not free, and a new document each time would make the comparison run again).
  // `current` is left out of the dependencies on purpose: the app passes a new function on every render.
  const now = useMemo(() => (opened?.mode === 'compare' ? current() : undefined), [opened, revision]);
  return (
    <aside className="history-panel" aria-label={t('neverLose.history.title')} data-testid="history">
      <header>
        <h2>{t('neverLose.history.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('neverLose.history.close')}
        </button>
      </header>
      {!docId || !hasFile ? <p>{t('neverLose.history.untitled')}</p> : null}
      {docId && hasFile ? (
        naming === undefined ? (
          <button type="button" onClick={() => setNaming('')}>
            {t('neverLose.history.keep')}
          </button>
        ) : (
          <form
            className="history-keep"
            onSubmit={(event) => {
              event.preventDefault();
              void keep(naming);
            }}
          >
            <input aria-label={t('neverLose.history.name')} list="history-names" maxLength={100} autoFocus value={naming} onChange={(event) => setNaming(event.target.value)} />
            <datalist id="history-names">
              {t('neverLose.history.suggestions')
                .split(',')
                .map((name) => (
                  <option key={name} value={name} />
                ))}
            </datalist>
            <button type="submit" disabled={!naming.trim()}>
              {t('neverLose.history.add')}
            </button>
            <button type="button" onClick={() => setNaming(undefined)}>
              {t('neverLose.history.cancel')}
            </button>
          </form>
        )
      ) : null}
      {message ? (
        <p className={message.error ? 'history-message error' : 'history-message'} role="status" data-testid="history-message">
          {message.text}
        </p>
      ) : null}
      {opened ? (
        <section data-testid="history-opened">
          <div className="history-actions">
            <button type="button" onClick={() => setOpened(undefined)}>
              {t('neverLose.history.back')}
            </button>
            <strong>{label(opened.entry)}</strong>
            <span className="history-meta">{formatTime(opened.entry.savedAt, i18n.language)}</span>
          </div>
          {opened.mode === 'compare' && now ? (
            <CompareView before={opened.file.doc} after={now.doc} beforeLabel={label(opened.entry)} afterLabel={t('neverLose.external.mine')} />
          ) : (
            <div className="history-view compare">
              {comparedBlocks(opened.file.doc).map((block, i) => (
                <p key={i} className={block.type === 'title' || block.level > 0 ? 'compare-heading' : ''}>
                  {block.text}
                </p>
              ))}
            </div>
          )}
        </section>
      ) : (
        <>
          {docId && hasFile && entries.length === 0 ? <p>{t('neverLose.history.empty')}</p> : null}
          <ol className="history-list" data-testid="history-list">
            {entries.map((entry) => (
              <li key={entry.snapshotId} data-testid="history-entry" data-kind={entry.kind}>
                <div>
                  <span className="history-name">{label(entry)}</span> <span className="history-meta">{formatTime(entry.savedAt, i18n.language)}</span>
                </div>
                <div className="history-meta">{t('neverLose.history.size', { count: entry.characters, kb: (entry.size / 1024).toFixed(1) })}</div>
                {confirming === entry.snapshotId ? (
                  <div className="history-actions" role="alert">
                    <span>{t('neverLose.history.removeConfirm', { name: label(entry), time: formatTime(entry.savedAt, i18n.language) })}</span>
                    <button type="button" onClick={() => void remove(entry)}>
                      {t('neverLose.history.remove')}
                    </button>
                    <button type="button" autoFocus onClick={() => setConfirming(undefined)}>
                      {t('neverLose.history.cancel')}
                    </button>
                  </div>
                ) : (
                  <div className="history-actions">
                    <button type="button" onClick={() => void open(entry, 'view')}>
                      {t('neverLose.history.view')}
                    </button>
                    <button type="button" onClick={() => void open(entry, 'compare')}>
                      {t('neverLose.history.compare')}
                    </button>
                    <button type="button" title={t('neverLose.history.restoreHint')} onClick={() => void restore(entry)}>
                      {t('neverLose.history.restore')}
                    </button>
                    <button type="button" onClick={() => setConfirming(entry.snapshotId)}>
                      {t('neverLose.history.remove')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
