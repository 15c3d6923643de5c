/**
 * The one window factory (STYLE.md, from Zettlr): every window gets `secureWebPreferences()` and the
 * navigation, new-window, webview and permission guards attached here, in one place. The renderer
 * is served from the app's own scheme; nothing may load or request anything else, so the app
 * never reaches the network (DESIGN.md, decision 5).
 */
import { BrowserWindow, session, type Session, type WebPreferences } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './services/app-files';
import { APP_TITLE } from '../shared/document/window-title';

export { CONTENT_SECURITY_POLICY } from './services/app-files';

/** The URL of the app's start page. */
export const START_URL = `${APP_ORIGIN}/index.html`;

/** Web preferences for every window: isolated, sandboxed, no Node, nothing loosened. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** Whether a URL belongs to the app itself. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === new URL(APP_ORIGIN).host;
  } catch {
    return false;
  }
}

/** Schemes a window may request: the app's own, and the in-page ones the renderer makes itself. */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/**
 * Session-wide guards, applied once per session: every permission request and check is denied,
 * and every request to another scheme (http, https, ws, ftp, file…) is cancelled.
 */
export function secureSession(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.webRequest.onBeforeRequest((details, callback) => {
    let scheme = '';
    try {
      scheme = new URL(details.url).protocol;
    } catch {
      // An unparsable URL is not the app's.
    }
    callback({ cancel: !ALLOWED_REQUEST_SCHEMES.has(scheme) });
  });
}

export interface MainWindowOptions {
  preloadPath: string;
  title?: string;
}

/**
 * The navigation guards every window gets: no navigation or redirect away from `allowed` URLs, no
 * webviews, no new windows.
 */
function guardContents(window: BrowserWindow, allowed: (url: string) => boolean): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Creates a window with the secure preferences and every guard attached, showing the app. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: options.title ?? APP_TITLE,
    show: false,
    backgroundColor: '#e9e6e1',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  guardContents(window, isAppUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(START_URL);
  return window;
}

/**
 * A hidden window holding the export's print HTML, for printToPDF and the system print dialog: the
 * secure preferences with no preload and no script at all, every guard attached (it may navigate
 * nowhere), resolved once the page has loaded. The caller destroys it.
 */
export async function createPrintWindow(html: string): Promise<BrowserWindow> {
  const { preload: _none, ...preferences } = secureWebPreferences('');
  const window = new BrowserWindow({ show: false, webPreferences: { ...preferences, javascript: false } });
  guardContents(window, () => false);
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  } catch (error) {
    window.destroy();
    throw error;
  }
  return window;
}
