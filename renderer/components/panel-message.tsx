/** The status line under a side panel's list (History, the library): what the last action did, or why it failed. */
import type { ReactNode } from 'react';

/**
 * `message.text` as a polite live region, so a screen reader reads it without moving the keyboard; styled as an
 * error when `message.error`. `panel` names the panel: the class is `<panel>-message` and the test id the same.
 * `children` follow the text (the library's 撤销 button).
 */
export function PanelMessage({
  panel,
  message,
  children,
}: {
  panel: 'history' | 'library';
  message: { text: string; error?: boolean };
  children?: ReactNode;
}) {
  return (
    <p
      className={message.error ? `${panel}-message error` : `${panel}-message`}
      role="status"
      data-testid={`${panel}-message`}
    >
      {message.text}
      {children}
    </p>
  );
}
