/**
 * The window's notice: one line of finished text at the bottom of the window that goes away by
 * itself after a few seconds, with 打开所在文件夹 after an export and a close button.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The notice shown now, if any, and whether it offers to show the exported file. */
export interface NoticeState {
  text: string | undefined;
  revealable: boolean;
  /** Shows `text` (finished, in the UI language); `revealable` after an export that wrote a file. */
  show(text: string, revealable?: boolean): void;
  close(): void;
}

/** How long a notice stays (ms). */
const NOTICE_MS = 6000;

/** The window's notice state; a notice closes by itself `NOTICE_MS` after it was shown. */
export function useNotice(): NoticeState {
  const [notice, setNotice] = useState<{ text: string; revealable: boolean } | undefined>(undefined);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = window.setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  // The same notice again keeps its timer, as one notice.
  const show = useCallback(
    (text: string, revealable = false) =>
      setNotice((now) => (now?.text === text && now.revealable === revealable ? now : { text, revealable })),
    [],
  );
  const close = useCallback(() => setNotice(undefined), []);
  return { text: notice?.text, revealable: notice?.revealable ?? false, show, close };
}

/** The notice, when there is one; `onReveal` shows the exported file in its folder. */
export function Notice({ notice, onReveal }: { notice: NoticeState; onReveal: () => void }) {
  const { t } = useTranslation();
  if (!notice.text) return null;
  return (
    <div className="notice" role="status" data-testid="notice">
      {notice.text}
      {notice.revealable ? (
        <button type="button" className="reveal" onClick={onReveal}>
          {t('export.reveal')}
        </button>
      ) : null}
      <button type="button" aria-label={t('app.closeNotice')} onClick={notice.close}>
        ×
      </button>
    </div>
  );
}
