/**
 * The import report: what the cleanup steps found (with counts), each step a checkbox, the
 * Traditional → Simplified conversion offered when the text is mostly Traditional, and a preview of
 * the structure detected, all recomputed as the user switches steps. Nothing reaches the document
 * until 导入 is pressed.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLEANUP_STEPS, type CleanupStep } from '../../shared/import/cleanup';
import { ImportError, importSource, type ImportResult, type ImportSource } from '../../shared/import/index';
import { hasReview, reviewSentence, type ReviewMarks, type ReviewStrings } from '../../shared/import/review-marks';
import { docFromJSON } from '../../shared/document/file-format';
import { buildOutline, flattenOutline } from '../../shared/document/outline';
import { Modal } from '../components/modal';

type StepId = CleanupStep['id'];

/** Traditional share above which conversion is switched on by default. */
const MOSTLY_TRADITIONAL = 0.05;
const PREVIEW_ENTRIES = 30;

/** What the import would give, or the error that stops it. */
function tryImport(source: ImportSource, skip: StepId[], t2s: boolean): ImportResult | ImportError {
  try {
    return importSource(source, { skip, t2s });
  } catch (error) {
    return error instanceof ImportError ? error : new ImportError('unreadable', String(error));
  }
}

export function ImportDialog({
  source,
  name,
  onAccept,
  onCancel,
}: {
  source: ImportSource;
  name?: string;
  onAccept: (result: ImportResult) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  // Every step run once, for the counts of steps the user switched off.
  const full = useMemo(() => tryImport(source, [], true), [source]);
  const [off, setOff] = useState<Set<StepId>>(() => {
    const traditional = full instanceof ImportError ? 0 : full.traditional;
    return new Set(traditional > MOSTLY_TRADITIONAL ? [] : ['t2s']);
  });
  const result = useMemo(() => tryImport(source, [...off], !off.has('t2s')), [source, off]);
  const preview = useMemo(() => {
    if (result instanceof ImportError) return undefined;
    const doc = docFromJSON(result.file.doc);
    const entries = flattenOutline(buildOutline(doc).entries);
    let paragraphs = 0;
    doc.forEach((block) => void (block.type.name === 'paragraph' && !block.attrs.level && paragraphs++));
    return {
      entries,
      headings: entries.filter((entry) => entry.kind === 'heading').length,
      paragraphs,
      title: result.file.meta.title,
    };
  }, [result]);
  const countOf = (id: StepId) =>
    full instanceof ImportError ? 0 : (full.report.find((step) => step.id === id)?.count ?? 0);
  const toggle = (id: StepId) =>
    setOff((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const traditional = full instanceof ImportError ? 0 : full.traditional;
  return (
    <Modal label={t('importing.title')} onCancel={onCancel}>
      <div className="import-report" data-testid="import-report">
        <h2>{t('importing.title')}</h2>
        <p className="detail">{t('importing.source', { name: name ?? t('importing.clipboard') })}</p>
        {result instanceof ImportError ? (
          <p role="alert" data-code={`import-${result.code}`}>
            {t(`error.code.import-${result.code}`)}
          </p>
        ) : (
          <>
            {hasReview(source.review) ? <ReviewWarning marks={source.review} /> : null}
            <h3>{t('importing.steps')}</h3>
            {traditional > MOSTLY_TRADITIONAL ? (
              <p className="hint">{t('importing.traditional', { share: Math.round(traditional * 100) })}</p>
            ) : null}
            <ul className="import-steps">
              {CLEANUP_STEPS.map(({ id }) => (
                <li key={id}>
                  <label className="check">
                    <input type="checkbox" data-step={id} checked={!off.has(id)} onChange={() => toggle(id)} />
                    <span>{t(`importing.step.${id}`)}</span>
                    <span className="count" data-testid={`step-count-${id}`}>
                      {t('importing.count', { count: countOf(id) })}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {preview ? (
              <>
                <p data-testid="import-summary">
                  {t('importing.result', {
                    title: preview.title ? `“${preview.title}”` : t('importing.none'),
                    headings: preview.headings,
                    paragraphs: preview.paragraphs,
                  })}
                </p>
                <h3>{t('importing.outline')}</h3>
                {preview.entries.length ? (
                  <ol className="import-outline">
                    {preview.entries.slice(0, PREVIEW_ENTRIES).map((entry) => (
                      <li
                        key={`${entry.kind}:${entry.index}`}
                        className={entry.kind}
                        style={{
                          paddingInlineStart: `${Math.max(0, entry.level - 1) * 1.5 + (entry.kind === 'point' ? 1.5 : 0)}em`,
                        }}
                      >
                        {/* The closing words the import found are named, so the user sees them marked before
                            accepting. */}
                        {entry.kind === 'heading'
                          ? entry.label
                          : entry.kind === 'closing'
                            ? `${t('outline.closing')} `
                            : ''}
                        {entry.text.length > 40 ? `${entry.text.slice(0, 40)}…` : entry.text}
                      </li>
                    ))}
                    {preview.entries.length > PREVIEW_ENTRIES ? <li>…</li> : null}
                  </ol>
                ) : (
                  <p className="hint">{t('importing.noOutline')}</p>
                )}
              </>
            ) : null}
          </>
        )}
      </div>
      <div className="modal-buttons">
        <button
          type="button"
          autoFocus
          disabled={result instanceof ImportError}
          onClick={() => !(result instanceof ImportError) && onAccept(result)}
        >
          {t('importing.accept')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('importing.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/**
 * What the file's review held and that it is not kept (issue 15): a DOCX's tracked changes, accepted in the text
 * imported, and its comments, left out, are said before the user takes the text, never taken in without a word.
 */
function ReviewWarning({ marks }: { marks: ReviewMarks }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="import-review" data-testid="import-review">
      {reviewSentence(marks, t('importing.review', { returnObjects: true }) as ReviewStrings)}
    </p>
  );
}
