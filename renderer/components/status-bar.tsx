/**
 * The status bar: the speech's spoken length and time against the target length, and whether it
 * is saved (已保存 only when a file holds exactly this text). Reads the outline plugin's totals, so
 * it never walks the document per keystroke.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { formatDuration, speakingSeconds } from '../../shared/document/stats';
import { outlineOf } from '../editor/extensions/outline-state';
import { placeholdersKey } from '../editor/extensions/placeholders';

export interface StatusBarProps {
  editor: Editor;
  dirty: boolean;
  /** Whether the document has been saved to a file; one that never was reads 未保存 even when unchanged. */
  hasFile: boolean;
  rate: number;
  targetMinutes?: number | undefined;
  onProperties: () => void;
  onPlaceholders: () => void;
}

export function StatusBar({
  editor,
  dirty,
  hasFile,
  rate,
  targetMinutes,
  onProperties,
  onPlaceholders,
}: StatusBarProps) {
  const { t } = useTranslation();
  const total = useEditorState({ editor, selector: ({ editor: ed }) => outlineOf(ed.state).outline.total }) ?? 0;
  const remaining =
    useEditorState({ editor, selector: ({ editor: ed }) => placeholdersKey.getState(ed.state)?.count }) ?? undefined;
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
    </footer>
  );
}
