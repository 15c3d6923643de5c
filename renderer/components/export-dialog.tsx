/**
 * File → Export (Ctrl+Shift+E): the format and layout profile (with its values shown), and, before
 * anything is written, the placeholders still in the text with links to jump to them. Exporting
 * anyway is always allowed.
 */
import { useMemo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { exportFormats, profileIds } from '../../shared/ipc/contract';
import { PROFILES } from '../../shared/export/profiles';
import { documentPlaceholders, groupPlaceholders, type PlaceholderOccurrence } from '../../shared/placeholders/scan';
import { Modal } from './dialogs';
import { selectOccurrence } from '../placeholders/placeholder-panel';

export type ExportFormat = (typeof exportFormats)[number];
export type ExportProfileId = (typeof profileIds)[number];

export function ExportDialog({ editor, onExport, onClose }: { editor: Editor; onExport: (format: ExportFormat, profile: ExportProfileId) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [profileId, setProfileId] = useState<ExportProfileId>('gbt9704');
  const [busy, setBusy] = useState(false);
  const groups = useMemo(() => groupPlaceholders(documentPlaceholders(editor.state.doc)), [editor]);
  const remaining = groups.reduce((n, g) => n + g.occurrences.length, 0);
  const profile = PROFILES[profileId];
  const jump = (occurrence: PlaceholderOccurrence) => {
    onClose();
    // After the dialog has closed and given the focus back, or the selection would be lost.
    window.setTimeout(() => selectOccurrence(editor, occurrence), 0);
  };
  return (
    <Modal label={t('export.title')} onCancel={() => !busy && onClose()}>
      <h2>{t('export.title')}</h2>
      <label className="field">
        {t('export.format')}
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)} aria-label={t('export.format')}>
          {exportFormats.map((f) => (
            <option key={f} value={f}>
              {t(`export.formats.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('export.profile')}
        <select value={profileId} onChange={(event) => setProfileId(event.target.value as ExportProfileId)} aria-label={t('export.profile')}>
          {profileIds.map((id) => (
            <option key={id} value={id}>
              {PROFILES[id].name}
            </option>
          ))}
        </select>
      </label>
      <p className="export-values" data-testid="export-values">
        {t('export.values', {
          margins: `${profile.margins.top}/${profile.margins.bottom}/${profile.margins.left}/${profile.margins.right}`,
          size: profile.body.sizePt,
          spacing: profile.lineSpacingPt,
        })}
      </p>
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
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onExport(format, profileId).finally(() => setBusy(false));
          }}
        >
          {busy ? t('export.working') : remaining ? t('export.anyway') : t('export.go')}
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          {t('export.cancel')}
        </button>
      </div>
    </Modal>
  );
}
