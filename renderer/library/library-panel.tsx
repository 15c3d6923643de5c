/**
 * The library panel (issue 7): the built-in templates and the user's entries, searched by name,
 * occasion, year and text; a preview of the chosen entry's outline; insert it at the cursor, start
 * a new speech from it, duplicate, rename and retag, delete (with undo for the session); export
 * the ticked entries to one file and import such a file (asking "keep both or replace?" when names
 * clash). Everything goes through `window.lectern` calls; the panel holds no paths.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import type { Failure, LecternApi, LibraryEntrySummary, LibraryNotice, Response } from '../../shared/ipc/contract';
import { OCCASIONS, type LibraryEntry } from '../../shared/library/entry';
import { SubmitButtons } from '../components/modal';
import { PanelMessage } from '../components/panel-message';
import { insertLibraryEntry } from './insert';
import { previewLines } from './preview';
import { EntryFields, entryFieldsValid, typedYear, type EntryFieldValues } from './entry-fields';
import './library.css';

/** The calls the panel makes. */
export type LibraryApi = Pick<
  LecternApi,
  | 'listLibrary'
  | 'readLibraryEntry'
  | 'updateLibraryEntry'
  | 'duplicateLibraryEntry'
  | 'deleteLibraryEntry'
  | 'restoreLibraryEntry'
  | 'exportLibrary'
  | 'importLibrary'
>;

export interface LibraryPanelProps {
  api: LibraryApi;
  editor: Editor;
  /** Start a new speech from entry `id` (the app asks about unsaved changes, then calls `newFromLibraryEntry`). */
  onNewFrom: (id: string) => void;
  onClose: () => void;
  /** Bumped by the app after it saved an entry (the save dialog), so the list reloads. */
  revision?: number;
}

interface Message {
  text: string;
  /** The entries the message offers to restore: a deleted one, or those an import replaced (their previous content). */
  undoIds?: string[];
  error?: boolean;
}

type Conflict = Extract<Response<'importLibrary'>, { status: 'conflicts' }>;

/** The debounce of the search box, in milliseconds. */
const SEARCH_DELAY = 200;

function EntryPreview({ entry }: { entry: LibraryEntry }) {
  const lines = useMemo(() => previewLines(entry.doc), [entry]);
  return (
    <ol className="library-preview-lines" data-testid="library-preview">
      {lines.map((line, i) => (
        <li
          key={i}
          className={`library-line library-line-${line.kind}${line.prompt ? ' library-line-prompt' : ''}`}
          style={line.level ? { paddingLeft: `${(line.level - 1) * 12}px` } : undefined}
        >
          {line.label ? <span className="library-line-number">{line.label}</span> : null}
          {line.text}
        </li>
      ))}
    </ol>
  );
}

function RetagForm({
  entry,
  onApply,
  onCancel,
}: {
  entry: LibraryEntrySummary;
  onApply: (patch: { name: string; occasion: string | null; year: number | null }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<EntryFieldValues>({
    name: entry.name,
    occasion: entry.occasion ?? '',
    year: entry.year === undefined ? '' : String(entry.year),
  });
  const valid = entryFieldsValid(fields);
  return (
    <form
      className="library-retag"
      data-testid="library-retag"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid)
          onApply({
            name: fields.name.trim(),
            occasion: fields.occasion.trim() || null,
            year: typedYear(fields) ?? null,
          });
      }}
    >
      <EntryFields values={fields} onChange={setFields} />
      <SubmitButtons ok={t('library.apply')} cancel={t('library.cancel')} disabled={!valid} onCancel={onCancel} />
    </form>
  );
}

export function LibraryPanel({ api, editor, onNewFrom, onClose, revision = 0 }: LibraryPanelProps) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [occasion, setOccasion] = useState('');
  const [entries, setEntries] = useState<LibraryEntrySummary[]>([]);
  const [notices, setNotices] = useState<LibraryNotice[]>([]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<LibraryEntry | undefined>(undefined);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [retagging, setRetagging] = useState(false);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [conflict, setConflict] = useState<Conflict | undefined>(undefined);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const describe = useCallback(
    (error: Failure) => {
      const key = `library.code.${error.code}`;
      return t('library.failed', { message: i18n.exists(key) ? t(key) : error.message });
    },
    [t, i18n],
  );

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        void api
          .listLibrary({ ...(query.trim() ? { query: query.trim() } : {}), ...(occasion ? { occasion } : {}) })
          .then((listed) => {
            if (!live) return;
            setEntries(listed.entries);
            setNotices(listed.notices);
          });
      },
      query ? SEARCH_DELAY : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, occasion, revision, reloads]);

  useEffect(() => {
    let live = true;
    setPreview(undefined);
    setRetagging(false);
    if (selected === undefined) return;
    void api.readLibraryEntry({ id: selected }).then((read) => {
      if (!live) return;
      if (read.status === 'found') setPreview(read.entry);
      else setMessage({ text: describe(read.error), error: true });
    });
    return () => {
      live = false;
    };
  }, [api, selected, describe]);

  const summary = entries.find((entry) => entry.id === selected);
  const builtIn = entries.filter((entry) => entry.builtIn);
  const mine = entries.filter((entry) => !entry.builtIn);

  /** Runs a change and reports it: `saved` selects the entry and reloads, `failed` says why. */
  const change = async (
    run: () => Promise<Response<'updateLibraryEntry'>>,
    done: (entry: LibraryEntrySummary) => Message,
  ) => {
    const result = await run();
    if (result.status === 'failed') {
      setMessage({ text: describe(result.error), error: true });
      return;
    }
    setMessage(done(result.entry));
    setSelected(result.entry.id);
    setRetagging(false);
    reload();
  };

  const remove = async (entry: LibraryEntrySummary) => {
    const result = await api.deleteLibraryEntry({ id: entry.id });
    if (result.status === 'failed') {
      setMessage({ text: describe(result.error), error: true });
      return;
    }
    setSelected(undefined);
    setTicked((now) => new Set([...now].filter((id) => id !== entry.id)));
    setMessage({ text: t('library.removed', { name: entry.name }), undoIds: [entry.id] });
    reload();
  };

  const exportTicked = async () => {
    const result = await api.exportLibrary({ ids: [...ticked] });
    if (result.status === 'exported')
      setMessage({ text: t('library.exported', { count: result.count, name: result.name }) });
    else if (result.status === 'failed') setMessage({ text: describe(result.error), error: true });
  };

  const runImport = async (request: Parameters<LibraryApi['importLibrary']>[0]) => {
    setConflict(undefined);
    const result = await api.importLibrary(request);
    if (result.status === 'conflicts') setConflict(result);
    else if (result.status === 'failed') setMessage({ text: describe(result.error), error: true });
    else if (result.status === 'imported') {
      const skipped = result.skipped.length ? ` ${t('library.importSkipped', { count: result.skipped.length })}` : '';
      setMessage({
        text: `${t('library.imported', { added: result.added.length, replaced: result.replaced.length })}${skipped}`,
        error: result.skipped.length > 0,
        ...(result.replacedIds.length ? { undoIds: result.replacedIds } : {}),
      });
      reload();
    }
  };

  const row = (entry: LibraryEntrySummary) => (
    <li
      key={entry.id}
      className={entry.id === selected ? 'library-entry selected' : 'library-entry'}
      data-testid="library-entry"
      data-id={entry.id}
    >
      <input
        type="checkbox"
        aria-label={t('library.select', { name: entry.name })}
        checked={ticked.has(entry.id)}
        onChange={() =>
          setTicked((now) => {
            const next = new Set(now);
            if (!next.delete(entry.id)) next.add(entry.id);
            return next;
          })
        }
      />
      <button
        type="button"
        className="library-entry-name"
        aria-pressed={entry.id === selected}
        onClick={() => setSelected(entry.id)}
      >
        <span className="library-name">{entry.name}</span>
        <span className="library-tags">
          {[entry.occasion, entry.year, t(entry.kind === 'outline' ? 'library.outline' : 'library.full')]
            .filter((tag) => tag !== undefined && tag !== '')
            .join(' · ')}
        </span>
      </button>
    </li>
  );

  return (
    <aside className="library-panel" aria-label={t('library.title')} data-testid="library">
      <header>
        <h2>{t('library.title')}</h2>
        <span className="spacer" />
        <button type="button" aria-label={t('library.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="library-filters">
        <input
          type="search"
          aria-label={t('library.search')}
          placeholder={t('library.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <select
          aria-label={t('library.occasion')}
          value={occasion}
          onChange={(event) => setOccasion(event.target.value)}
        >
          <option value="">{t('library.allOccasions')}</option>
          {OCCASIONS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="library-actions">
        <button type="button" onClick={() => void runImport({})}>
          {t('library.import')}
        </button>
        <button type="button" disabled={ticked.size === 0} onClick={() => void exportTicked()}>
          {t('library.exportSelected', { count: ticked.size })}
        </button>
      </div>
      {conflict ? (
        <div className="library-conflict" role="alertdialog" data-testid="library-conflict">
          <p>{t('library.conflict', { count: conflict.count, names: conflict.names.join('、') })}</p>
          <div className="modal-buttons">
            <button
              type="button"
              onClick={() => void runImport({ pendingId: conflict.pendingId, onConflict: 'keep-both' })}
            >
              {t('library.keepBoth')}
            </button>
            <button
              type="button"
              onClick={() => void runImport({ pendingId: conflict.pendingId, onConflict: 'replace' })}
            >
              {t('library.replace')}
            </button>
            <button type="button" onClick={() => setConflict(undefined)}>
              {t('library.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <PanelMessage panel="library" message={message}>
          {message.undoIds?.length ? (
            <button
              type="button"
              onClick={() => {
                const ids = message.undoIds!;
                // One at a time: the store writes in order anyway, and the last answer is the one reported.
                const restoreAll = async () => {
                  let last: Response<'restoreLibraryEntry'> | undefined;
                  for (const id of ids) {
                    last = await api.restoreLibraryEntry({ id });
                    if (last.status === 'failed') break;
                  }
                  return last!;
                };
                void change(restoreAll, (entry) => ({
                  text:
                    ids.length > 1
                      ? t('library.restoredMany', { count: ids.length })
                      : t('library.restored', { name: entry.name }),
                }));
              }}
            >
              {t('library.undo')}
            </button>
          ) : null}
        </PanelMessage>
      ) : null}
      {notices.length ? (
        <p
          className="library-notices"
          role="note"
          data-testid="library-notices"
          title={notices.map((n) => `${n.file}: ${n.message}`).join('\n')}
        >
          {t('library.notices', { count: notices.length })}
        </p>
      ) : null}
      <div className="library-body">
        <div className="library-list">
          {entries.length === 0 ? <p className="outline-empty">{t('library.empty')}</p> : null}
          {mine.length ? <h3>{t('library.mine')}</h3> : null}
          <ul>{mine.map(row)}</ul>
          {!query && !occasion && !mine.length ? <p className="library-hint">{t('library.mineEmpty')}</p> : null}
          {builtIn.length ? <h3>{t('library.builtIn')}</h3> : null}
          <ul>{builtIn.map(row)}</ul>
        </div>
        <section className="library-detail" aria-label={t('library.preview')}>
          {!summary ? <p className="library-hint">{t('library.choose')}</p> : null}
          {summary && retagging ? (
            <RetagForm
              entry={summary}
              onCancel={() => setRetagging(false)}
              onApply={(patch) =>
                void change(
                  () => api.updateLibraryEntry({ id: summary.id, ...patch }),
                  (entry) => ({ text: t('library.saved', { name: entry.name }) }),
                )
              }
            />
          ) : null}
          {summary ? (
            <>
              <h3>{summary.name}</h3>
              {summary.description ? <p className="library-description">{summary.description}</p> : null}
              <div className="library-buttons">
                <button
                  type="button"
                  title={t('library.insertHint')}
                  disabled={!preview}
                  onClick={() => preview && insertLibraryEntry(editor, preview.doc)}
                >
                  {t('library.insert')}
                </button>
                <button type="button" title={t('library.newFromHint')} onClick={() => onNewFrom(summary.id)}>
                  {t('library.newFrom')}
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void change(
                      () => api.duplicateLibraryEntry({ id: summary.id }),
                      (entry) => ({ text: t('library.saved', { name: entry.name }) }),
                    )
                  }
                >
                  {t('library.duplicate')}
                </button>
                {summary.builtIn ? null : (
                  <>
                    <button type="button" onClick={() => setRetagging(true)}>
                      {t('library.rename')}
                    </button>
                    <button type="button" onClick={() => void remove(summary)}>
                      {t('library.remove')}
                    </button>
                  </>
                )}
              </div>
              {summary.builtIn ? <p className="library-hint">{t('library.readOnly')}</p> : null}
              {preview ? <EntryPreview entry={preview} /> : null}
            </>
          ) : null}
        </section>
      </div>
    </aside>
  );
}
