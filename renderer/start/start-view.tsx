/**
 * The start view: what the window shows while no document is open (the first start, unless a
 * crash left work to recover). Like Word's and WPS's start page it offers a blank speech, a speech
 * from one of the library's templates, opening and importing a file, and the recent files, all as
 * buttons in reading order, so the keyboard reaches each with Tab and Enter (issue 12, item 10).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LecternApi, LibraryEntrySummary, RecentEntry } from '../../shared/ipc/contract';
import './start.css';

/** What a list the view asked main for holds: still on its way, the entries, or why it could not be read. */
type Listed<T> = { status: 'loading' } | { status: 'listed'; entries: T[] } | { status: 'failed'; message: string };

export interface StartViewProps {
  /** The two lists the view reads from main: the library (for its templates) and the recent files. */
  api: Pick<LecternApi, 'listLibrary' | 'listRecent'>;
  /** 新建空白讲稿: a new, empty speech. */
  onNew: () => void;
  /** 打开…: the open dialog. */
  onOpen: () => void;
  /** 导入…: the import flow (file dialog, then the import report). */
  onImport: () => void;
  /** A template was chosen: a new untitled speech from that library entry. */
  onTemplate: (id: string) => void;
  /** A recent file was chosen: open it. */
  onRecent: (recentId: string) => void;
  /**
   * Changes each time File → 从模板新建 (Ctrl+Shift+N) is chosen while the view shows; the focus then
   * moves to the first template, since the library panel belongs to an open document.
   */
  templatesRequest?: number;
}

/**
 * What a list shows in its place: 正在读取… while it is on its way, `failed` (naming why) when it could not be
 * read, `empty` when it holds nothing, else its entries as `children` draws them.
 */
function ListedState<T>({
  list,
  failed,
  empty,
  children,
}: {
  list: Listed<T>;
  failed: (message: string) => string;
  empty: string;
  children: (entries: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (list.status === 'loading') return <p className="start-note">{t('start.loading')}</p>;
  if (list.status === 'failed')
    return (
      <p className="start-note error" role="alert">
        {failed(list.message)}
      </p>
    );
  return list.entries.length ? children(list.entries) : <p className="start-note">{empty}</p>;
}

/** A rejected call's text for the sentence that says what could not be read. */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Shows the start view. Both lists are read once when it appears; a list that cannot be read says
 * so in the UI's language and leaves the rest of the view working.
 */
export function StartView({
  api,
  onNew,
  onOpen,
  onImport,
  onTemplate,
  onRecent,
  templatesRequest = 0,
}: StartViewProps) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<Listed<LibraryEntrySummary>>({ status: 'loading' });
  const [recent, setRecent] = useState<Listed<RecentEntry>>({ status: 'loading' });
  const templatesRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    api.listLibrary({}).then(
      ({ entries }) => live && setTemplates({ status: 'listed', entries }),
      (error: unknown) => live && setTemplates({ status: 'failed', message: reason(error) }),
    );
    api.listRecent({}).then(
      ({ entries }) => live && setRecent({ status: 'listed', entries }),
      (error: unknown) => live && setRecent({ status: 'failed', message: reason(error) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (templatesRequest > 0) templatesRef.current?.querySelector<HTMLButtonElement>('.start-template')?.focus();
  }, [templatesRequest, templates]);

  const group = (heading: string, entries: LibraryEntrySummary[]) =>
    entries.length ? (
      <div className="start-group">
        <h3>{heading}</h3>
        <ul className="start-template-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="start-template"
                data-testid="start-template"
                onClick={() => onTemplate(entry.id)}
              >
                <span className="start-template-name">{entry.name}</span>
                {entry.occasion ? <span className="start-template-occasion">{entry.occasion}</span> : null}
                {entry.description ? <span className="start-template-description">{entry.description}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </div>
    ) : null;

  return (
    <main className="start-view" data-testid="start-view" aria-label={t('start.label')}>
      <div className="start-sheet">
        <header className="start-head">
          <h1>{t('app.name')}</h1>
          <p>{t('start.tagline')}</p>
        </header>
        <div className="start-actions">
          {/* Focused first, as Word's blank document is: Enter on the start view starts writing. */}
          <button
            type="button"
            className="start-new"
            data-testid="start-new"
            title={t('start.newBlankHint')}
            autoFocus
            onClick={onNew}
          >
            {t('start.newBlank')}
          </button>
          <button type="button" title={t('start.openHint')} onClick={onOpen}>
            {t('start.open')}
          </button>
          <button type="button" title={t('file.importHint')} onClick={onImport}>
            {t('start.import')}
          </button>
        </div>
        <div className="start-columns">
          <section className="start-templates" aria-labelledby="start-templates-heading" ref={templatesRef}>
            <h2 id="start-templates-heading" title={t('start.templatesHint')}>
              {t('start.templates')}
            </h2>
            <ListedState
              list={templates}
              failed={(message) => t('start.templatesFailed', { message })}
              empty={t('start.noTemplates')}
            >
              {(entries) => (
                <>
                  {group(
                    t('library.builtIn'),
                    entries.filter((entry) => entry.builtIn),
                  )}
                  {group(
                    t('library.mine'),
                    entries.filter((entry) => !entry.builtIn),
                  )}
                </>
              )}
            </ListedState>
          </section>
          <section className="start-recent" aria-labelledby="start-recent-heading">
            <h2 id="start-recent-heading">{t('start.recent')}</h2>
            <ListedState
              list={recent}
              failed={(message) => t('start.recentFailed', { message })}
              empty={t('start.recentEmpty')}
            >
              {(entries) => (
                <ul className="start-recent-list">
                  {entries.map((entry) => (
                    <li key={entry.recentId}>
                      <button
                        type="button"
                        className="start-recent-entry"
                        data-testid="start-recent"
                        title={t('start.recentIn', { folder: entry.folder })}
                        onClick={() => onRecent(entry.recentId)}
                      >
                        <span className="start-recent-name">{entry.name}</span>
                        <span className="start-recent-folder">{entry.folder}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </ListedState>
          </section>
        </div>
      </div>
    </main>
  );
}
