/**
 * The security baseline of every window: fails if any option is loosened or a guard is missing.
 * Electron cannot run here, so `electron` is a recording mock.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const recorded = vi.hoisted(() => ({
  options: [] as Array<Record<string, unknown>>,
  contentsListeners: new Map<string, Listener>(),
  windowOpenHandler: undefined as undefined | ((details: unknown) => { action: string }),
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  beforeRequest: undefined as
    undefined | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  loaded: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (event: string, listener: Listener) => recorded.contentsListeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: unknown) => { action: string }) =>
        (recorded.windowOpenHandler = handler),
    };
    constructor(options: Record<string, unknown>) {
      recorded.options.push(options);
    }
    once() {}
    show() {}
    destroy() {}
    loadURL(url: string) {
      recorded.loaded.push(url);
      return Promise.resolve();
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (recorded.permissionCheck = handler),
    webRequest: { onBeforeRequest: (handler: typeof recorded.beforeRequest) => (recorded.beforeRequest = handler) },
  };
  return { BrowserWindow, session: { defaultSession } };
});

const { CONTENT_SECURITY_POLICY, createMainWindow, createPrintWindow, secureSession, START_URL } =
  await import('./window');

beforeEach(() => {
  recorded.options.length = 0;
  recorded.contentsListeners.clear();
  recorded.loaded.length = 0;
});

function navigate(event: string, url: string): boolean {
  let prevented = false;
  recorded.contentsListeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('main window', () => {
  it('is created isolated, sandboxed and without Node, with nothing loosened', () => {
    createMainWindow({ preloadPath: '/app/preload.cjs' });
    const prefs = recorded.options[0]!.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(recorded.loaded).toEqual([START_URL]);
    expect(START_URL.startsWith('lectern-app://app/')).toBe(true);
  });

  it('refuses navigation and redirects away from the app, and allows the app’s own pages', () => {
    createMainWindow({ preloadPath: '/p' });
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(navigate('will-navigate', 'lectern-app://app/index.html')).toBe(false);
  });

  it('denies window.open and webviews', () => {
    createMainWindow({ preloadPath: '/p' });
    expect(recorded.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(recorded.windowOpenHandler!({ url: 'lectern-app://app/index.html' })).toEqual({ action: 'deny' });
    expect(navigate('will-attach-webview', 'about:blank')).toBe(true);
  });
});

describe('print window', () => {
  it('is hidden, sandboxed, isolated, with no preload, no Node and no script, and holds the print HTML', async () => {
    await createPrintWindow('<p>同志们：</p>');
    const options = recorded.options[0]!;
    expect(options.show).toBe(false);
    const prefs = options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('preload');
    expect(recorded.loaded).toEqual([`data:text/html;charset=utf-8,${encodeURIComponent('<p>同志们：</p>')}`]);
  });

  it('may navigate nowhere, not even to the app, and opens no window', async () => {
    await createPrintWindow('<p>x</p>');
    expect(navigate('will-navigate', 'lectern-app://app/index.html')).toBe(true);
    expect(navigate('will-redirect', 'https://example.com/')).toBe(true);
    expect(recorded.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});

describe('session guards', () => {
  it('deny every permission request and check', () => {
    secureSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      recorded.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(recorded.permissionCheck!({}, permission)).toBe(false);
    }
  });

  it('cancel every request that is not the app’s own, so the app never reaches the network', () => {
    secureSession();
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      recorded.beforeRequest!({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    expect(cancelled('https://example.com/x.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('ws://example.com/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('lectern-app://app/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only the app itself and no eval or remote host', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('is the policy the renderer’s page declares too', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    // frame-ancestors has no effect in a meta tag, so the page omits it; all else must match.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
