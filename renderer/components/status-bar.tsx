/** The status bar: length of the speech and whether it is saved. */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** Counts Han characters (FORMAT.md's speaking-time rule counts each as 1). */
const HAN = /\p{Script=Han}/gu;

export function StatusBar({ editor, dirty }: { editor: Editor; dirty: boolean }) {
  const { t } = useTranslation();
  const count = useEditorState({ editor, selector: ({ editor: ed }) => ed.state.doc.textContent.match(HAN)?.length ?? 0 }) ?? 0;
  return (
    <footer className="status-bar">
      <span data-testid="char-count">{t('status.characters', { count })}</span>
      <span className="spacer" />
      <span data-testid="save-state" data-dirty={dirty ? 'true' : 'false'}>
        {dirty ? t('status.unsaved') : t('status.saved')}
      </span>
    </footer>
  );
}
