/**
 * The placeholder panel: every blank the template left, grouped by token ("X市 ×3") with the
 * sentence around each occurrence. Typing a value shows, for every occurrence, the sentence as the
 * fill will leave it (刚才，王建国同志通报了…) before anything is applied (DESIGN.md, decision 8);
 * then fill the group (one undo step) or the chosen occurrence only. Click an occurrence to select
 * it in the text; mark one as not a placeholder.
 */
import { useDeferredValue, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { filledText } from '../../shared/placeholders/fill';
import {
  documentPlaceholders,
  groupPlaceholders,
  type PlaceholderGroup,
  type PlaceholderOccurrence,
} from '../../shared/placeholders/scan';
import { placeholdersOf } from '../editor/extensions/placeholders';

/** Selects an occurrence in the text and scrolls it into view. */
export function selectOccurrence(editor: Editor, occurrence: Pick<PlaceholderOccurrence, 'pos' | 'end'>): void {
  const { state, view } = editor;
  view.dispatch(
    state.tr.setSelection(TextSelection.create(state.doc, occurrence.pos, occurrence.end)).scrollIntoView(),
  );
  view.focus();
}

/** An occurrence's sentence, with its placeholder as the fill with `value` will write it (or as it is). */
function Context({ occurrence, value }: { occurrence: PlaceholderOccurrence; value: string }) {
  const { context, contextAt: at, token } = occurrence;
  if (!value) return <>{context}</>;
  return (
    <>
      {context.slice(0, at)}
      <ins className="placeholder-preview" data-testid="placeholder-preview">
        {filledText(occurrence, value)}
      </ins>
      {context.slice(at + token.length)}
    </>
  );
}

function Group({
  editor,
  group,
  values,
}: {
  editor: Editor;
  group: PlaceholderGroup;
  values: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(group.field !== undefined ? (values[group.field] ?? '') : '');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const typed = value.trim();
  const fill = (at?: number) => {
    if (!typed) return;
    editor.chain().focus().fillPlaceholder(group.token, typed, at).run();
    setChosen(undefined);
  };
  // What the fill will write shows as soon as a value is typed: every occurrence, or the chosen one.
  const shown = open || typed !== '';
  return (
    <li className="placeholder-group" data-testid="placeholder-group" data-token={group.token}>
      <div className="placeholder-group-head">
        <button
          type="button"
          className="outline-toggle"
          aria-expanded={shown}
          aria-label={shown ? t('outline.collapse') : t('outline.expand')}
          onClick={() => setOpen(!shown)}
        >
          {shown ? '▾' : '▸'}
        </button>
        <span className="placeholder-token">{group.token}</span>
        <span className="placeholder-count" data-testid="placeholder-count">
          ×{group.occurrences.length}
        </span>
      </div>
      <form
        className="placeholder-fill"
        onSubmit={(event) => {
          event.preventDefault();
          fill(chosen);
        }}
      >
        <input
          aria-label={t('placeholders.valueFor', { token: group.token })}
          placeholder={t('placeholders.value')}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="button" disabled={!value.trim()} onClick={() => fill()}>
          {t('placeholders.fillAll')}
        </button>
        <button type="button" disabled={!value.trim() || chosen === undefined} onClick={() => fill(chosen)}>
          {t('placeholders.fillOne')}
        </button>
      </form>
      {shown ? (
        <ul className="placeholder-occurrences" aria-label={typed ? t('placeholders.previewLabel') : undefined}>
          {group.occurrences.map((occurrence) => (
            <li key={occurrence.pos} className={occurrence.pos === chosen ? 'chosen' : undefined}>
              <button
                type="button"
                className="placeholder-context"
                onClick={() => {
                  setChosen(occurrence.pos);
                  selectOccurrence(editor, occurrence);
                }}
              >
                <Context
                  occurrence={occurrence}
                  value={typed && (chosen === undefined || chosen === occurrence.pos) ? typed : ''}
                />
              </button>
              <button
                type="button"
                className="placeholder-ignore"
                title={t('placeholders.ignoreHint')}
                onClick={() => editor.chain().focus().ignorePlaceholder(occurrence.pos, occurrence.end).run()}
              >
                {t('placeholders.ignore')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function PlaceholderPanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  // The groups depend only on the document; building them is cheap with per-block caching, and
  // deferred so that typing never waits for the panel.
  const doc = useDeferredValue(
    useEditorState({ editor, selector: ({ editor: ed }) => ed.state.doc, equalityFn: (a, b) => a === b }),
  );
  const values =
    useEditorState({
      editor,
      selector: ({ editor: ed }) => placeholdersOf(ed.state).values,
      equalityFn: (a, b) => a === b,
    }) ?? {};
  const groups = doc ? groupPlaceholders(documentPlaceholders(doc)) : [];
  const total = groups.reduce((n, g) => n + g.occurrences.length, 0);
  return (
    <aside className="placeholder-panel" aria-label={t('placeholders.title')} data-testid="placeholders">
      <header>
        <h2>{t('placeholders.title')}</h2>
        <span data-testid="placeholder-total">{t('placeholders.remaining', { count: total })}</span>
        <span className="spacer" />
        <button type="button" aria-label={t('placeholders.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p className="placeholder-hint">{t('placeholders.hint')}</p>
      {groups.length === 0 ? <p className="outline-empty">{t('placeholders.none')}</p> : null}
      <ul>
        {groups.map((group) => (
          <Group key={group.token} editor={editor} group={group} values={values} />
        ))}
      </ul>
    </aside>
  );
}
