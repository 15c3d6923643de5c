/**
 * Export and print, from the dialog to the notice: the dialog chooses the format and the profile
 * (adjusted), the adjustment is kept for next time, main writes the file or prints, and the notice
 * says what happened (with 打开所在文件夹 after an export).
 */
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import type { LecternApi } from '../../shared/ipc/contract';
import type { SpeechFile } from '../../shared/document/file-format';
import { useCallback } from 'react';
import { ExportDialog, type ExportProfileId } from './export-dialog';
import type { ProfileAdjustment } from '../../shared/export/profiles';
import type { WindowSettings } from '../settings/use-settings';
import type { NoticeState } from './notice';

/** What the export flow needs of the window. */
export interface ExportFlowProps {
  api: Pick<LecternApi, 'exportDocument' | 'printDocument' | 'checkFonts'>;
  editor: Editor;
  mode: 'export' | 'print';
  docId: string | undefined;
  /** The document as it stands in the editor. */
  current: () => SpeechFile | undefined;
  settings: Pick<WindowSettings, 'profiles' | 'keepProfile'>;
  notice: Pick<NoticeState, 'show'>;
  onClose: () => void;
}

/**
 * The export (or print) dialog and what follows from its choice; it closes itself when done, not on a canceled save
 * dialog.
 */
export function ExportFlow({ api, editor, mode, docId, current, settings, notice, onClose }: ExportFlowProps) {
  const { t, i18n } = useTranslation();
  // A failure whose code has a sentence in the UI's language says that sentence; main's own message (often a
  // library's English) is shown only when there is none (issue 14, item 11: an empty speech was refused in English).
  const failureText = ({ code, message }: { code?: string; message?: string }) =>
    code && code !== 'unknown' && i18n.exists(`error.code.${code}`) ? t(`error.code.${code}`) : (message ?? '');
  // One function for the dialog's lifetime, so its check runs when the profile or a face changes, not every render.
  const checkFonts = useCallback(
    (text: string, profile: ExportProfileId, adjustment: ProfileAdjustment) =>
      api.checkFonts({ text, profile, adjustment }),
    [api],
  );
  return (
    <ExportDialog
      editor={editor}
      mode={mode}
      saved={settings.profiles}
      onClose={onClose}
      checkFonts={checkFonts}
      onExport={async (format, profile, adjustment) => {
        const file = current();
        if (!file || !docId) return;
        // The adjusted profile is offered again next time.
        settings.keepProfile(profile, adjustment);
        if (mode === 'print') {
          const printed = await api.printDocument({ docId, file, profile, adjustment });
          onClose();
          if (printed.status === 'failed') notice.show(t('print.failed', { message: failureText(printed) }));
          return;
        }
        const result = await api.exportDocument({ docId, file, format, profile, adjustment });
        if (result.status === 'canceled') return;
        onClose();
        if (result.status === 'exported') notice.show(t('export.done', { name: result.name }), true);
        else notice.show(t('export.failed', { name: result.error.fileName ?? '', message: failureText(result.error) }));
      }}
    />
  );
}
