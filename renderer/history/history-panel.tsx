/**
 * The History panel (issue 8): the version snapshots of the document's file, newest first, each
 * told apart by its kind (保存, 命名 with its name, 外部修改), its time (with seconds when two share a
 * minute, the date when not today), its length as the status bar counts it and the change from
 * the version before (issue 12, item 7); view one with its heading numbers, compare any two
 * versions or one with the current text (a base and a target, each chosen), restore one as the
 * current text (the app applies it as one undoable step), delete one (after a confirmation: a
 * deleted version cannot be recovered), and keep the current text as a named version.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { comparedBlocks } from '../../shared/document/compare';
import type { SpeechFile } from '../../shared/document/file-format';
import { EXTERNAL_SNAPSHOT_NAME, type LecternApi, type SnapshotEntry } from '../../shared/ipc/contract';
import { PanelMessage } from '../components/panel-message';
import { CompareView, NumberedText } from './compare-view';
import { formatTime, lengthChanges, versionTimes } from './history-labels';
import './history.css';

/** The calls the panel makes. */
export type HistoryApi = Pick<LecternApi, 'listSnapshots' | 'readSnapshot' | 'addSnapshot' | 'deleteSnapshot'>;

/** What the History panel shows and may do. */
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
  /** The moment the times are written against (today or not); now by default. For tests. */
  now?: () => Date;
}

/** A side of a comparison: a snapshot's id, or the current text. */
const CURRENT = 'current';

type Opened =
  { mode: 'view'; entry: SnapshotEntry; file: SpeechFile } | { mode: 'compare'; base: string; target: string };

/** The History panel beside the page. */
export function HistoryPanel({
  api,
  docId,
  hasFile,
  current,
  onRestore,
  onClose,
  revision,
  nameRequest,
  now: clock,
}: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<SnapshotEntry[]>([]);
  const [opened, setOpened] = useState<Opened | undefined>();
  /** The snapshots read so far, by id: what a comparison shows (a version does not change once kept). */
  const [files, setFiles] = useState<ReadonlyMap<string, SpeechFile>>(new Map());
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

  /** A snapshot's speech, read once; undefined (and the failure told) when it cannot be read. */
  const load = async (snapshotId: string): Promise<SpeechFile | undefined> => {
    const known = files.get(snapshotId);
    if (known || !docId) return known;
    const result = await api.readSnapshot({ docId, snapshotId });
    if (result.status !== 'found') {
      setMessage({ text: t('history.loadFailed', { message: result.error.message }), error: true });
      return undefined;
    }
    setFiles((before) => new Map(before).set(snapshotId, result.file));
    return result.file;
  };
  const view = async (entry: SnapshotEntry) => {
    const file = await load(entry.snapshotId);
    if (file) setOpened({ mode: 'view', entry, file });
  };
  /** Opens (or changes) a comparison; each side a snapshot id or CURRENT, read before it is shown. */
  const compare = async (base: string, target: string) => {
    for (const side of [base, target]) if (side !== CURRENT && !(await load(side))) return;
    setOpened({ mode: 'compare', base, target });
  };
  const restore = async (entry: SnapshotEntry) => {
    if (!docId) return;
    const result = await api.readSnapshot({ docId, snapshotId: entry.snapshotId });
    if (result.status === 'found') onRestore(result.file, entry);
    else setMessage({ text: t('history.loadFailed', { message: result.error.message }), error: true });
  };
  const remove = async (entry: SnapshotEntry) => {
    setConfirming(undefined);
    if (!docId) return;
    const deleted = await api.deleteSnapshot({ docId, snapshotId: entry.snapshotId }).then(
      (result) => result.deleted,
      () => false,
    );
    if (deleted) {
      const shown = opened?.mode === 'view' ? [opened.entry.snapshotId] : opened ? [opened.base, opened.target] : [];
      if (shown.includes(entry.snapshotId)) setOpened(undefined);
      setMessage({ text: t('history.removed', { name: label(entry) }) });
    } else setMessage({ text: t('history.removeFailed', { name: label(entry) }), error: true });
    await reload();
  };
  const keep = async (name: string) => {
    const file = current();
    if (!docId || !file || !name.trim()) return;
    const result = await api.addSnapshot({ docId, file, name: name.trim() });
    if (result.status === 'added') {
      setNaming(undefined);
      setMessage({ text: t('history.added', { name: result.entry.name ?? name.trim() }) });
      await reload();
    } else setMessage({ text: t('history.failed', { message: result.error.message }), error: true });
  };

  function label(entry: SnapshotEntry) {
    if (entry.name === EXTERNAL_SNAPSHOT_NAME) return t('history.external');
    return entry.name ?? t('history.auto');
  }
  /** The kind of a version as shown: 保存, 命名, 外部修改. */
  const kindOf = (entry: SnapshotEntry) =>
    t(`history.kind.${entry.name === EXTERNAL_SNAPSHOT_NAME ? 'external' : entry.kind}`);
  /** The name shown after the kind: a named version's name, their version for someone else's; none for a save. */
  const nameOf = (entry: SnapshotEntry) =>
    entry.name === EXTERNAL_SNAPSHOT_NAME ? t('history.externalName') : entry.name;
  const times = useMemo(
    () => versionTimes(entries, { language: i18n.language, now: clock?.() ?? new Date() }),
    [entries, i18n.language, clock],
  );
  const changes = useMemo(() => lengthChanges(entries), [entries]);
  const timeOf = (entry: SnapshotEntry) => times.get(entry.snapshotId) ?? formatTime(entry.savedAt, i18n.language);
  /** A version in one line, as the comparison's sides name it: 命名 送审稿 3月2日 16:00. */
  const versionLabel = (entry: SnapshotEntry) =>
    [kindOf(entry), nameOf(entry), timeOf(entry)].filter(Boolean).join(' ');
  const sideLabel = (side: string) => {
    if (side === CURRENT) return t('history.current');
    const entry = entries.find((e) => e.snapshotId === side);
    return entry ? versionLabel(entry) : side;
  };
  const changeOf = (entry: SnapshotEntry) => {
    const change = changes.get(entry.snapshotId);
    if (change === undefined) return undefined;
    if (change === 0) return t('history.lengthSame');
    return t(change > 0 ? 'history.lengthUp' : 'history.lengthDown', { count: Math.abs(change) });
  };
  // The current text, read once per opened comparison that shows it and after each save (not on
  // every render: reading it is not free, and a new document each time would make the comparison
  // run again). `current` is left out of the dependencies on purpose: the app passes a new
  // function on every render.
  const shownCurrent = opened?.mode === 'compare' && (opened.base === CURRENT || opened.target === CURRENT);
  const now = useMemo(() => (shownCurrent ? current() : undefined), [opened, revision]);
  const sideDoc = (side: string) => (side === CURRENT ? now?.doc : files.get(side)?.doc);
  const sidePicker = (which: 'base' | 'target', value: string) => (
    <label className="history-side">
      {t(`history.${which}`)}
      <select
        value={value}
        data-testid={`history-${which}`}
        onChange={(event) => {
          if (opened?.mode !== 'compare') return;
          const side = event.target.value;
          void (which === 'base' ? compare(side, opened.target) : compare(opened.base, side));
        }}
      >
        <option value={CURRENT}>{t('history.current')}</option>
        {entries.map((entry) => (
          <option key={entry.snapshotId} value={entry.snapshotId}>
            {versionLabel(entry)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <aside className="history-panel" aria-label={t('history.title')} data-testid="history">
      <header>
        <h2>{t('history.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('history.close')}
        </button>
      </header>
      {!docId || !hasFile ? <p>{t('history.untitled')}</p> : null}
      {docId && hasFile ? (
        naming === undefined ? (
          <button type="button" onClick={() => setNaming('')}>
            {t('history.keep')}
          </button>
        ) : (
          <form
            className="history-keep"
            onSubmit={(event) => {
              event.preventDefault();
              void keep(naming);
            }}
          >
            <input
              aria-label={t('history.name')}
              list="history-names"
              maxLength={100}
              autoFocus
              value={naming}
              onChange={(event) => setNaming(event.target.value)}
            />
            <datalist id="history-names">
              {t('history.suggestions')
                .split(',')
                .map((name) => (
                  <option key={name} value={name} />
                ))}
            </datalist>
            <button type="submit" disabled={!naming.trim()}>
              {t('history.add')}
            </button>
            <button type="button" onClick={() => setNaming(undefined)}>
              {t('history.cancel')}
            </button>
          </form>
        )
      ) : null}
      {message ? <PanelMessage panel="history" message={message} /> : null}
      {opened ? (
        <section data-testid="history-opened">
          <div className="history-actions">
            <button type="button" onClick={() => setOpened(undefined)}>
              {t('history.back')}
            </button>
            {opened.mode === 'view' ? <strong>{versionLabel(opened.entry)}</strong> : null}
          </div>
          {opened.mode === 'compare' ? (
            <>
              <div className="history-sides">
                {sidePicker('base', opened.base)}
                {sidePicker('target', opened.target)}
              </div>
              {(() => {
                const before = sideDoc(opened.base);
                const after = sideDoc(opened.target);
                if (!before || !after) return null;
                const labels = { beforeLabel: sideLabel(opened.base), afterLabel: sideLabel(opened.target) };
                return <CompareView before={before} after={after} {...labels} />;
              })()}
            </>
          ) : (
            <div className="history-view compare">
              {comparedBlocks(opened.file.doc).map((block, i) => (
                <p key={i} className={block.type === 'title' || block.level > 0 ? 'compare-heading' : ''}>
                  <NumberedText block={block} />
                </p>
              ))}
            </div>
          )}
        </section>
      ) : (
        <>
          {docId && hasFile && entries.length === 0 ? <p>{t('history.empty')}</p> : null}
          <ol className="history-list" data-testid="history-list">
            {entries.map((entry) => (
              <li key={entry.snapshotId} data-testid="history-entry" data-kind={entry.kind}>
                <div>
                  <span className="history-kind">{kindOf(entry)}</span>
                  {nameOf(entry) ? (
                    <>
                      {' '}
                      <span className="history-name">{nameOf(entry)}</span>
                    </>
                  ) : null}{' '}
                  <span className="history-meta history-time" title={formatTime(entry.savedAt, i18n.language)}>
                    {timeOf(entry)}
                  </span>
                </div>
                <div className="history-meta">
                  {t('history.size', {
                    length: t('outline.length', { count: entry.characters }),
                    kb: (entry.size / 1024).toFixed(1),
                  })}
                  {changeOf(entry) ? (
                    <>
                      {' · '}
                      <span className="history-change" title={t('history.lengthHint')}>
                        {changeOf(entry)}
                      </span>
                    </>
                  ) : null}
                </div>
                {confirming === entry.snapshotId ? (
                  <div className="history-actions" role="alert">
                    <span>
                      {t('history.removeConfirm', {
                        name: label(entry),
                        time: formatTime(entry.savedAt, i18n.language),
                      })}
                    </span>
                    <button type="button" onClick={() => void remove(entry)}>
                      {t('history.remove')}
                    </button>
                    <button type="button" autoFocus onClick={() => setConfirming(undefined)}>
                      {t('history.cancel')}
                    </button>
                  </div>
                ) : (
                  <div className="history-actions">
                    <button type="button" onClick={() => void view(entry)}>
                      {t('history.view')}
                    </button>
                    <button
                      type="button"
                      title={t('history.compareHint')}
                      onClick={() => void compare(entry.snapshotId, CURRENT)}
                    >
                      {t('history.compare')}
                    </button>
                    <button type="button" title={t('history.restoreHint')} onClick={() => void restore(entry)}>
                      {t('history.restore')}
                    </button>
                    <button type="button" onClick={() => setConfirming(entry.snapshotId)}>
                      {t('history.remove')}
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
