/**
 * Save to Library: the whole speech or the section at the cursor, as an outline (headings and
 * points, body replaced by 【此处写……】) or in full, named and tagged with an occasion and a year.
 * Main extracts and validates (shared/library/extract.ts) and writes the entry file.
 */
import { useMemo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import type { NodeJSON } from '../../shared/document/file-format';
import type { LecternApi, LibraryEntrySummary } from '../../shared/ipc/contract';
import { Modal, SubmitButtons } from '../components/modal';
import { sectionAt, suggestedName } from './preview';
import { EntryFields, entryFieldsValid, typedYear, type EntryFieldValues } from './entry-fields';
import './library.css';

export interface SaveToLibraryProps {
  api: Pick<LecternApi, 'saveLibraryEntry'>;
  editor: Editor;
  /** The speech's occasion from its properties, offered as the tag. */
  occasion?: string;
  onSaved: (entry: LibraryEntrySummary) => void;
  onClose: () => void;
  /** The year offered; this year by default. */
  now?: () => Date;
}

export function SaveToLibraryDialog({
  api,
  editor,
  occasion: initialOccasion,
  onSaved,
  onClose,
  now = () => new Date(),
}: SaveToLibraryProps) {
  const { t, i18n } = useTranslation();
  const doc = editor.state.doc;
  const section = useMemo(() => sectionAt(doc, editor.state.selection.from), [doc, editor]);
  const [scope, setScope] = useState<'whole' | 'section'>(section ? 'section' : 'whole');
  const [kind, setKind] = useState<'outline' | 'full'>('outline');
  const [fields, setFields] = useState<EntryFieldValues>(() => ({
    name: suggestedName(doc, section),
    occasion: initialOccasion ?? '',
    year: String(now().getFullYear()),
  }));
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const yearValue = typedYear(fields);
  const valid = entryFieldsValid(fields);

  const save = async () => {
    if (!valid || busy) return;
    setBusy(true);
    const result = await api.saveLibraryEntry({
      name: fields.name.trim(),
      kind,
      doc: editor.getJSON() as NodeJSON,
      ...(scope === 'section' && section ? { section: section.index } : {}),
      ...(fields.occasion.trim() ? { occasion: fields.occasion.trim() } : {}),
      ...(yearValue !== undefined ? { year: yearValue } : {}),
    });
    setBusy(false);
    if (result.status === 'saved') onSaved(result.entry);
    else {
      const key = `library.code.${result.error.code}`;
      setError(t('library.failed', { message: i18n.exists(key) ? t(key) : result.error.message }));
    }
  };

  return (
    <Modal label={t('library.save.title')} onCancel={onClose}>
      <form
        className="library-save"
        data-testid="library-save"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2>{t('library.save.title')}</h2>
        <fieldset>
          <legend>{t('library.save.scope')}</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'whole'} onChange={() => setScope('whole')} />
            {t('library.save.whole')}
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              disabled={!section}
              checked={scope === 'section'}
              onChange={() => setScope('section')}
            />
            {section
              ? t('library.save.section', { heading: `${section.label}${section.text}` })
              : t('library.save.noSection')}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('library.save.kind')}</legend>
          <label>
            <input type="radio" name="kind" checked={kind === 'outline'} onChange={() => setKind('outline')} />
            {t('library.save.outline')}
          </label>
          <label>
            <input type="radio" name="kind" checked={kind === 'full'} onChange={() => setKind('full')} />
            {t('library.save.full')}
          </label>
        </fieldset>
        <EntryFields values={fields} onChange={setFields} />
        {error ? (
          <p role="alert" className="library-message error">
            {error}
          </p>
        ) : null}
        <SubmitButtons
          ok={t('library.save.go')}
          cancel={t('library.save.cancel')}
          disabled={!valid || busy}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
