/**
 * The status bar: the speech's spoken length and time against the target length, the page the caret is on and the
 * pages in all (第 3 页 / 共 8 页, from the page layout), the page's zoom, and whether it is saved (已保存 only when a file
 * holds exactly this text). Reads the outline plugin's totals and the page layout's last run, so it never walks the
 * document per keystroke.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../shared/ipc/contract';
import { formatDuration, speakingSeconds } from '../../shared/document/stats';
import { outlineOf } from '../editor/extensions/outline-state';
import { placeholdersKey } from '../editor/extensions/placeholders';
import { pageAt } from '../page-view/page-map';
import type { PageLayoutStore } from '../page-view/page-layout-store';
import { usePages } from '../page-view/use-page-layout';
import { COMMAND_INFO, type CommandName } from '../commands/command-table';
import '../page-view/page-view.css';

export interface StatusBarProps {
  editor: Editor;
  dirty: boolean;
  /** Whether the document has been saved to a file; one that never was reads 未保存 even when unchanged. */
  hasFile: boolean;
  rate: number;
  targetMinutes?: number | undefined;
  onProperties: () => void;
  onPlaceholders: () => void;
  /** The speech's pages (read at each layout's end); no page position shows before the first layout. */
  pages?: PageLayoutStore | undefined;
  /** The zoom the page is shown at, in percent, between the zoom buttons (as a word processor's status bar has it). */
  zoom: number;
  /** Runs a command of the table (the zoom buttons'), as the View menu would. */
  onCommand: (command: Command) => void;
}

/** The status bar over `editor`: counts and time, the page position, the save state; its buttons open their panels. */
export function StatusBar({
  editor,
  dirty,
  hasFile,
  rate,
  targetMinutes,
  onProperties,
  onPlaceholders,
  pages: store,
  zoom,
  onCommand,
}: StatusBarProps) {
  const { t } = useTranslation();
  const pages = usePages(store);
  const total = useEditorState({ editor, selector: ({ editor: ed }) => outlineOf(ed.state).outline.total }) ?? 0;
  const remaining =
    useEditorState({ editor, selector: ({ editor: ed }) => placeholdersKey.getState(ed.state)?.count }) ?? undefined;
  // The page of the caret in the last layout (a keystroke's shift shows once the next layout has run): the bar
  // draws again when the page changes, not at every move of the caret.
  const caretPage =
    useEditorState({
      editor,
      selector: ({ editor: ed }) => (pages ? pageAt(pages.starts, ed.state.selection.head) + 1 : 0),
    }) ?? 0;
  const seconds = speakingSeconds(total, rate);
  const over = targetMinutes !== undefined && seconds > targetMinutes * 60;
  const target = targetMinutes !== undefined ? ` / ${formatDuration(targetMinutes * 60, true)}` : '';
  return (
    <footer className="status-bar">
      <span data-testid="char-count">{t('outline.length', { count: total })}</span>
      <button
        type="button"
        className={`timing${over ? ' over' : ''}`}
        data-testid="timing"
        data-over={over ? 'true' : 'false'}
        title={over ? t('timing.over') : t('timing.total')}
        onClick={onProperties}
      >
        {formatDuration(seconds)}
        {target}
      </button>
      {pages ? (
        <span
          data-testid="page-position"
          data-page={caretPage}
          data-pages={pages.starts.length}
          title={t('pageView.positionHint', { profile: pages.profile.name })}
        >
          {t('pageView.position', { page: caretPage, count: pages.starts.length })}
        </span>
      ) : null}
      {remaining !== undefined ? (
        <button
          type="button"
          className={`placeholder-status${remaining ? ' pending' : ''}`}
          data-testid="placeholder-status"
          data-count={remaining}
          onClick={onPlaceholders}
        >
          {t('placeholders.badge', { count: remaining })}
        </button>
      ) : null}
      <span className="spacer" />
      <ZoomControls zoom={zoom} onCommand={onCommand} />
      <SaveState dirty={dirty} hasFile={hasFile} />
    </footer>
  );
}

/**
 * The zoom buttons and the zoom shown between them; and below, the save state. Each draws again only when its own
 * props change, not at every keystroke that redraws the counts beside them (issue 18: the bar's translations,
 * redone per keystroke, were a fifth of what typing allocated at 30,000 characters).
 */
const ZoomControls = memo(function ZoomControls({ zoom, onCommand }: Pick<StatusBarProps, 'zoom' | 'onCommand'>) {
  const { t } = useTranslation();
  // A zoom button: its label is the command table's, its face `face` when a sign says it shorter (− and +).
  const zoomButton = (name: CommandName, face?: string) => {
    const label = t(COMMAND_INFO[name].label!);
    const shortcut = COMMAND_INFO[name].shortcut?.replace('CmdOrCtrl', 'Ctrl');
    return (
      <button
        type="button"
        className="zoom-step"
        aria-label={label}
        title={shortcut ? `${label} (${shortcut})` : label}
        onClick={() => onCommand({ command: name })}
      >
        {face ?? label}
      </button>
    );
  };
  return (
    <span className="zoom-controls" role="group" aria-label={t('pageView.zoom')}>
      {zoomButton('zoomOut', '−')}
      <button
        type="button"
        className="zoom-step zoom-shown"
        data-testid="zoom"
        data-zoom={zoom}
        title={t('pageView.zoomHint')}
        onClick={() => onCommand({ command: 'zoomReset' })}
      >
        {t('pageView.zoomShown', { percent: zoom })}
      </button>
      {zoomButton('zoomIn', '+')}
      {zoomButton('zoomFitWidth')}
    </span>
  );
});

const SaveState = memo(function SaveState({ dirty, hasFile }: Pick<StatusBarProps, 'dirty' | 'hasFile'>) {
  const { t } = useTranslation();
  return (
    <>
      {/* 已保存 only for a file that holds this text: a new document is on no disk yet, changed or not
          (issue 12, item 6). data-dirty keeps its meaning (changes since the last save or start). */}
      <span
        data-testid="save-state"
        data-dirty={dirty ? 'true' : 'false'}
        data-has-file={hasFile ? 'true' : 'false'}
        title={hasFile ? undefined : t('status.noFile')}
      >
        {dirty || !hasFile ? t('status.unsaved') : t('status.saved')}
      </span>
    </>
  );
});
