/**
 * The title bar of a speech's window, in one place for the main process, the renderer's page and
 * the web host: the file's name, a dot while there are unsaved changes, and the app's name.
 */

/** The app's name in a title bar, in every UI language (the product's name, like the icon). */
export const APP_TITLE = '讲稿';

/** The window title for the speech `name`: `讲话 — 讲稿`, or `讲话 • — 讲稿` while `dirty` (unsaved changes). */
export function windowTitle(name: string, dirty: boolean): string {
  return `${name}${dirty ? ' •' : ''} — ${APP_TITLE}`;
}
