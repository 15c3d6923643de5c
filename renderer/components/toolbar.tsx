/**
 * The toolbar: file actions, import, the block type of the current paragraph, run-in, the library and history panels,
 * and language.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { languages, type Command, type Language } from '../../shared/ipc/contract';
import { BLOCK_KINDS, blockKindOf, type BlockKind } from '../editor/extensions/speech-blocks';
import { COMMAND_INFO, type CommandName } from '../commands/command-table';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * The toolbar over `editor`. Its file and panel buttons are rows of the command table (label and
 * action), run through `onCommand` as the native menu's items are.
 */
export function Toolbar({
  editor,
  onLanguage,
  onCommand,
}: {
  editor: Editor;
  onLanguage: (language: Language) => void;
  /** Runs a command of the table, as the native menu would. */
  onCommand: (command: Command) => void;
}) {
  const { t, i18n } = useTranslation();
  const current = useEditorState({
    editor,
    selector: ({ editor: ed }) => {
      const block = ed.state.selection.$from.parent;
      return { kind: blockKindOf(block), runIn: Boolean(block.attrs.runIn) };
    },
  });
  const kind = current?.kind ?? 'body';
  const button = (name: CommandName, title?: string) => (
    <button type="button" {...(title ? { title } : {})} onClick={() => onCommand({ command: name })}>
      {t(COMMAND_INFO[name].label!)}
    </button>
  );
  const isHeading = kind.startsWith('heading');
  return (
    <header className="toolbar" role="toolbar" aria-label={t('app.name')}>
      {button('new')}
      {button('open')}
      {button('save')}
      {button('saveAs')}
      {button('import', t('file.importHint'))}
      <span className="separator" />
      <label>
        <span className="visually-hidden">{t('block.label')}</span>
        <select
          aria-label={t('block.label')}
          data-testid="block-kind"
          value={kind}
          onChange={(event) => {
            editor
              .chain()
              .focus()
              .setBlockKind(event.target.value as BlockKind)
              .run();
          }}
        >
          {BLOCK_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`block.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={current?.runIn ?? false}
        disabled={!isHeading}
        title={t('block.runInHint')}
        onClick={() => editor.chain().focus().toggleRunIn().run()}
      >
        {t('block.runIn')}
      </button>
      <span className="spacer" />
      {button('toggleLibrary')}
      {button('toggleHistory')}
      <label>
        <span className="visually-hidden">{t('status.language')}</span>
        <select
          aria-label={t('status.language')}
          value={i18n.language}
          onChange={(event) => onLanguage(event.target.value as Language)}
        >
          {languages.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
