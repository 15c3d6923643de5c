/**
 * File → Export (Ctrl+Shift+E): the format and layout profile (with its values shown), and, before
 * anything is written, the placeholders still in the text with links to jump to them, and the font check under the
 * profile choice (issue 14, item 9: which faces this machine has, the fallbacks, the characters a face lacks, a CFF
 * face's Type 3 in the PDF). Exporting anyway is always allowed: neither the placeholders nor the fonts block it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { exportFormats, profileIds, type FontCheckResult } from '../../shared/ipc/contract';
import {
  PROFILES,
  PROFILE_LIMITS,
  adjustProfile,
  withinLimit,
  type ProfileAdjustment,
} from '../../shared/export/profiles';
import { FACE_NAMES, type FaceName } from '../../shared/document/fonts';
import { documentPlaceholders, groupPlaceholders, type PlaceholderOccurrence } from '../../shared/placeholders/scan';
import { Modal } from './modal';
import { fontCheckLines, type FontCheckStrings } from '../../shared/export/font-check';
import { selectOccurrence } from '../placeholders/placeholder-panel';
import { PrintPreview } from '../page-view/print-preview';

export type ExportFormat = (typeof exportFormats)[number];
export type ExportProfileId = (typeof profileIds)[number];

interface ExportDialogProps {
  editor: Editor;
  /** Export a file, or print through the system dialog (no format to choose). */
  mode?: 'export' | 'print';
  /** The user's saved adjustments, by profile. */
  saved: Readonly<Record<string, ProfileAdjustment>>;
  onExport: (format: ExportFormat, profile: ExportProfileId, adjustment: ProfileAdjustment) => Promise<void>;
  /** The font check of a profile against the speech's text (the checkFonts channel); none, and no check is shown. */
  checkFonts?: (text: string, profile: ExportProfileId, adjustment: ProfileAdjustment) => Promise<FontCheckResult>;
  onClose: () => void;
}

/** What the font check shows: nothing yet, the answer, or why there is none. */
type FontCheckState =
  { status: 'checking' } | { status: 'checked'; check: FontCheckResult } | { status: 'failed'; message: string };

/** The adjustable values of a profile as the form edits them. */
function formValues(id: ExportProfileId, saved: Readonly<Record<string, ProfileAdjustment>>) {
  const profile = adjustProfile(PROFILES[id], saved[id]);
  return {
    ...profile.margins,
    bodySizePt: profile.body.sizePt,
    lineSpacingPt: profile.lineSpacingPt,
    pageNumbers: profile.pageNumbers.placement,
    numberedLevels: profile.numberedLevels,
    bodyFace: profile.body.face,
    titleFace: profile.title.face,
    heading1Face: profile.headings[0]!.face,
    heading2Face: profile.headings[1]!.face,
  };
}

/**
 * The export (or print) dialog: format, profile and its adjustable values, the font check and the placeholders left.
 * It calls `onExport` with the choice and never writes anything itself.
 */
export function ExportDialog({ editor, mode = 'export', saved, onExport, checkFonts, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [profileId, setProfileId] = useState<ExportProfileId>('gbt9704');
  const [values, setValues] = useState(() => formValues('gbt9704', saved));
  const number = (
    key: 'top' | 'bottom' | 'left' | 'right' | 'bodySizePt' | 'lineSpacingPt',
    label: string,
    step = 1,
  ) => (
    <label className="field-inline">
      {label}
      <input
        type="number"
        step={step}
        value={values[key]}
        onChange={(event) => setValues({ ...values, [key]: Number(event.target.value) })}
      />
    </label>
  );
  const adjustment: ProfileAdjustment = {
    margins: { top: values.top, bottom: values.bottom, left: values.left, right: values.right },
    bodySizePt: values.bodySizePt,
    lineSpacingPt: values.lineSpacingPt,
    pageNumbers: values.pageNumbers,
    numberedLevels: values.numberedLevels,
    bodyFace: values.bodyFace,
    titleFace: values.titleFace,
    heading1Face: values.heading1Face,
    heading2Face: values.heading2Face,
  };
  // The check follows the profile and the faces chosen for it; an answer to an earlier choice is dropped.
  const [fonts, setFonts] = useState<FontCheckState>({ status: 'checking' });
  const faces = [values.bodyFace, values.titleFace, values.heading1Face, values.heading2Face].join();
  useEffect(() => {
    if (!checkFonts) return;
    let current = true;
    setFonts({ status: 'checking' });
    // Only the faces: a margin being typed (out of bounds for a moment) must not fail the check.
    const { bodyFace, titleFace, heading1Face, heading2Face } = values;
    checkFonts(editor.state.doc.textContent, profileId, { bodyFace, titleFace, heading1Face, heading2Face }).then(
      (check) => current && setFonts({ status: 'checked', check }),
      (error: unknown) =>
        current && setFonts({ status: 'failed', message: String((error as Error)?.message ?? error) }),
    );
    return () => {
      current = false;
    };
    // `values` changes with every keystroke in the form: the profile and its faces are what the check depends on.
  }, [checkFonts, editor, profileId, faces]);
  const fontLines =
    fonts.status === 'checked'
      ? fontCheckLines(
          fonts.check,
          t('export.fonts', { returnObjects: true }) as FontCheckStrings,
          mode === 'print' || format === 'pdf',
        )
      : [];
  /** A select's options: each name, labelled by its string in the `export.<group>` strings. */
  const options = (group: 'faces' | 'formats', names: readonly string[]) =>
    names.map((name) => (
      <option key={name} value={name}>
        {t(`export.${group}.${name}`)}
      </option>
    ));
  const face = (key: 'bodyFace' | 'titleFace' | 'heading1Face' | 'heading2Face', label: string) => (
    <label className="field-inline">
      {label}
      <select value={values[key]} onChange={(event) => setValues({ ...values, [key]: event.target.value as FaceName })}>
        {options('faces', FACE_NAMES)}
      </select>
    </label>
  );
  const valid =
    [values.top, values.bottom, values.left, values.right].every((v) => withinLimit(v, PROFILE_LIMITS.marginMm)) &&
    withinLimit(values.bodySizePt, PROFILE_LIMITS.bodySizePt) &&
    withinLimit(values.lineSpacingPt, PROFILE_LIMITS.lineSpacingPt);
  const [busy, setBusy] = useState(false);
  const groups = useMemo(() => groupPlaceholders(documentPlaceholders(editor.state.doc)), [editor]);
  const remaining = groups.reduce((n, g) => n + g.occurrences.length, 0);
  const jump = (occurrence: PlaceholderOccurrence) => {
    onClose();
    // After the dialog has closed and given the focus back, or the selection would be lost.
    window.setTimeout(() => selectOccurrence(editor, occurrence), 0);
  };
  // The print preview of the profile as adjusted, in place of the form until the user goes back to it.
  const [previewing, setPreviewing] = useState(false);
  if (previewing)
    return (
      <Modal label={t('pageView.preview')} onCancel={() => setPreviewing(false)}>
        <h2>{`${t(mode === 'print' ? 'print.title' : 'export.title')} · ${t('pageView.preview')}`}</h2>
        <PrintPreview
          doc={editor.state.doc}
          profile={adjustProfile(PROFILES[profileId], adjustment)}
          onBack={() => setPreviewing(false)}
        />
      </Modal>
    );
  return (
    <Modal label={t(mode === 'print' ? 'print.title' : 'export.title')} onCancel={() => !busy && onClose()}>
      <h2>{t(mode === 'print' ? 'print.title' : 'export.title')}</h2>
      {mode === 'export' ? (
        <label className="field">
          {t('export.format')}
          <select
            value={format}
            onChange={(event) => setFormat(event.target.value as ExportFormat)}
            aria-label={t('export.format')}
          >
            {options('formats', exportFormats)}
          </select>
        </label>
      ) : null}
      <label className="field">
        {t('export.profile')}
        <select
          value={profileId}
          onChange={(event) => {
            const id = event.target.value as ExportProfileId;
            setProfileId(id);
            setValues(formValues(id, saved));
          }}
          aria-label={t('export.profile')}
        >
          {profileIds.map((id) => (
            <option key={id} value={id}>
              {PROFILES[id].name}
            </option>
          ))}
        </select>
      </label>
      {checkFonts ? (
        <div className="export-fonts" role="status" aria-label={t('export.fonts.label')} data-testid="export-fonts">
          {fonts.status === 'checking' ? <p>{t('export.fonts.checking')}</p> : null}
          {fonts.status === 'failed' ? <p>{t('export.fonts.failed', { message: fonts.message })}</p> : null}
          {fontLines.length ? (
            <ul>
              {fontLines.map((line, i) => (
                <li key={i} className={`export-fonts-${line.kind}`} data-kind={line.kind}>
                  {line.kind === 'face' ? t('export.fonts.heading') : null}
                  {line.text}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <fieldset className="export-values" data-testid="export-values">
        <legend>{t('export.margins')}</legend>
        {number('top', t('export.top'))}
        {number('bottom', t('export.bottom'))}
        {number('left', t('export.left'))}
        {number('right', t('export.right'))}
        <div>
          {number('bodySizePt', t('export.bodySize'), 0.5)}
          {number('lineSpacingPt', t('export.lineSpacing'), 0.05)}
        </div>
        <div>
          {face('bodyFace', t('export.bodyFace'))}
          {face('titleFace', t('export.titleFace'))}
          {face('heading1Face', t('export.heading1Face'))}
          {face('heading2Face', t('export.heading2Face'))}
        </div>
        <div>
          <label className="field-inline">
            {t('export.pageNumbers')}
            <select
              value={values.pageNumbers}
              onChange={(event) => setValues({ ...values, pageNumbers: event.target.value as 'odd-even' | 'center' })}
            >
              <option value="odd-even">{t('export.oddEven')}</option>
              <option value="center">{t('export.center')}</option>
            </select>
          </label>
          <label className="field-inline">
            {t('export.numberedLevels')}
            <select
              value={values.numberedLevels}
              onChange={(event) => setValues({ ...values, numberedLevels: Number(event.target.value) })}
            >
              {[0, 1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      {remaining ? (
        <div className="export-warning" role="alert" data-testid="export-warning">
          <p>{t('export.placeholders', { count: remaining })}</p>
          <ul>
            {groups.map((group) => (
              <li key={group.token}>
                <button type="button" className="link" onClick={() => jump(group.occurrences[0]!)}>
                  {group.token} ×{group.occurrences.length}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="modal-buttons">
        <button
          type="button"
          disabled={busy || !valid}
          onClick={() => {
            setBusy(true);
            void onExport(format, profileId, adjustment).finally(() => setBusy(false));
          }}
        >
          {mode === 'print'
            ? remaining
              ? t('print.anyway')
              : t('print.go')
            : busy
              ? t('export.working')
              : remaining
                ? t('export.anyway')
                : t('export.go')}
        </button>
        <button type="button" disabled={busy || !valid} onClick={() => setPreviewing(true)}>
          {t('pageView.preview')}
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          {t('export.cancel')}
        </button>
      </div>
    </Modal>
  );
}
