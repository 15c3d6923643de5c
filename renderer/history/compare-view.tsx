/**
 * A comparison of two versions of a speech (shared/document/compare.ts), older side first:
 * added paragraphs and characters in green, deleted ones struck through in red, a change of
 * level, run-in or formatting named after the text, long runs of unchanged paragraphs folded.
 * Headings carry their numbers as the editor draws them (一、（一）1.（1）), each side's own: a
 * heading renumbered by the change shows the old number struck through and the new one beside it
 * (issue 12, item 7). Used by recovery, external changes and the History panel.
 */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { compareDocs, formatChanged, type ComparedBlock, type CompareRow } from '../../shared/document/compare';
import type { NodeJSON } from '../../shared/document/file-format';
import './history.css';

/** Unchanged paragraphs shown around a change; longer unchanged runs are folded. */
const CONTEXT = 2;

export interface CompareViewProps {
  /** The older side (a snapshot, the file on disk, theirs). */
  before: NodeJSON;
  /** The newer side (the current text, the backup, mine). */
  after: NodeJSON;
  beforeLabel?: string;
  afterLabel?: string;
}

const blockClass = (block: ComparedBlock) => (block.type === 'title' || block.level > 0 ? 'compare-heading' : '');

/** A heading's number as drawn before its text (nothing for other blocks). */
const HeadingNumber = ({ label }: { label: string | undefined }) =>
  label ? <span className="compare-number">{label}</span> : null;

/**
 * The number of a block present on both sides: one number when it is the same, else the older one
 * removed and the newer one added (a heading renumbered, or one that became or stopped being a heading).
 */
function BothNumbers({ before, after }: { before: ComparedBlock; after: ComparedBlock }): ReactNode {
  if (before.label === after.label) return <HeadingNumber label={after.label} />;
  return (
    <span className="compare-number" data-kind="renumbered">
      {before.label ? <del>{before.label}</del> : null}
      {after.label ? <ins>{after.label}</ins> : null}
    </span>
  );
}

/** A block's text after its heading number, as one version shows it (the History panel's view of one version). */
export function NumberedText({ block }: { block: ComparedBlock }): ReactNode {
  return (
    <>
      <HeadingNumber label={block.label} />
      {block.text}
    </>
  );
}

/** Whether a row shows nothing changed, its number included: such rows may be folded away. */
const quiet = (row: CompareRow) => row.kind === 'same' && row.before.label === row.after.label;

/** What changed besides the text of a changed block (level, run-in, formatting), as short notes. */
function FormatNote({ before, after }: { before: ComparedBlock; after: ComparedBlock }): ReactNode {
  const { t } = useTranslation();
  const changed = formatChanged(before, after);
  const levelName = (level: number) => (level === 0 ? t('compare.body') : t('compare.heading', { level }));
  const notes = [
    changed.level ? t('compare.level', { before: levelName(before.level), after: levelName(after.level) }) : undefined,
    changed.runIn ? t(after.runIn ? 'compare.runInOn' : 'compare.runInOff') : undefined,
    changed.format ? t('compare.format') : undefined,
  ].filter((note): note is string => Boolean(note));
  if (!notes.length) return null;
  return (
    <span className="compare-format" data-testid="compare-format">
      {t('compare.note', { notes: notes.join(t('compare.noteSeparator')) })}
    </span>
  );
}

function Row({ row }: { row: CompareRow }): ReactNode {
  switch (row.kind) {
    case 'same':
      return (
        <p className={blockClass(row.after)}>
          <BothNumbers before={row.before} after={row.after} />
          {row.after.text}
        </p>
      );
    case 'added':
    case 'removed': {
      // A paragraph only one version has: marked as inserted, or struck out, whole.
      const Mark = row.kind === 'added' ? 'ins' : 'del';
      const block = row.kind === 'added' ? row.after : row.before;
      return (
        <p className={`compare-${row.kind} ${blockClass(block)}`} data-kind={row.kind}>
          <Mark>
            <NumberedText block={block} />
          </Mark>
        </p>
      );
    }
    case 'changed':
      return (
        <p className={`compare-changed ${blockClass(row.after)}`} data-kind="changed">
          <BothNumbers before={row.before} after={row.after} />
          {row.parts.map((part, i) =>
            part.kind === 'added' ? (
              <ins key={i}>{part.text}</ins>
            ) : part.kind === 'removed' ? (
              <del key={i}>{part.text}</del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
          <FormatNote before={row.before} after={row.after} />
        </p>
      );
  }
}

/** The comparison of `before` and `after`, with a one-line summary. */
export function CompareView({ before, after, beforeLabel, afterLabel }: CompareViewProps) {
  const { t } = useTranslation();
  const comparison = useMemo(() => compareDocs(before, after), [before, after]);
  if (comparison.identical)
    return (
      <p className="compare-summary" data-testid="compare-summary">
        {t('compare.identical')}
      </p>
    );
  // Fold unchanged runs to their first and last CONTEXT paragraphs.
  const shown: ReactNode[] = [];
  const rows = comparison.rows;
  let i = 0;
  while (i < rows.length) {
    if (!quiet(rows[i]!)) {
      shown.push(<Row key={i} row={rows[i]!} />);
      i++;
      continue;
    }
    let end = i;
    while (end < rows.length && quiet(rows[end]!)) end++;
    const head = i === 0 ? 0 : CONTEXT;
    const tail = end === rows.length ? 0 : CONTEXT;
    if (end - i > head + tail + 1) {
      for (let k = i; k < i + head; k++) shown.push(<Row key={k} row={rows[k]!} />);
      shown.push(
        <p key={`fold-${i}`} className="compare-same-run">
          ⋯ {end - i - head - tail} ⋯
        </p>,
      );
      for (let k = end - tail; k < end; k++) shown.push(<Row key={k} row={rows[k]!} />);
    } else {
      for (let k = i; k < end; k++) shown.push(<Row key={k} row={rows[k]!} />);
    }
    i = end;
  }
  return (
    <div data-testid="compare">
      <p className="compare-summary" data-testid="compare-summary">
        {beforeLabel && afterLabel ? `${beforeLabel} → ${afterLabel} · ` : ''}
        {t('compare.summary', { added: comparison.added, removed: comparison.removed, changed: comparison.changed })}
      </p>
      <div className="compare">{shown}</div>
    </div>
  );
}
