/**
 * The main process: lifecycle, windows, menus, and the IPC contract bound to the services. Kept
 * thin: decisions live in tested modules (window.ts, ipc.ts, menu-template.ts, close-guard.ts,
 * services/); this file wires them to Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import type { Command, Language } from '../shared/ipc/contract';
import { menuString } from '../shared/i18n/menu';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { backupsOnClose, CLOSE_PROMPT_BUTTONS, CLOSE_PROMPT_CANCEL_ID, closeAction, mustAsk, type WindowCloseState } from './close-guard';
import { createHandlers, rendererGone, windowClosed } from './handlers';
import { bindContract, sendEvent } from './ipc';
import { menuTemplate } from './menu-template';
import { createServices, type Services } from './services/index';
import type { Dialogs, WindowBridge } from './services/types';
import { createMainWindow, secureSession } from './window';

interface WindowState extends WindowCloseState {
  name: string;
  /** Set once the user answered the close prompt (or the renderer saved for it). */
  confirmedClose: boolean;
  /** Set when the window's renderer process died: its backups are kept, never removed on close. */
  rendererGone: boolean;
}

const windows = new Map<number, WindowState>();
let services: Services;
let language: Language = 'zh-CN';
let quitting = false;

if (process.env.LECTERN_USER_DATA) app.setPath('userData', process.env.LECTERN_USER_DATA);
registerAppScheme();

function windowById(id: number): BrowserWindow | undefined {
  return BrowserWindow.fromId(id) ?? undefined;
}

function send(command: Command): void {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (target) sendEvent(target.webContents, 'command', command);
}

async function rebuildMenu(): Promise<void> {
  const recent = await services.recent.list();
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, recent, send)));
}

const dialogs: Dialogs = {
  async showOpen(windowId, { title, filters }) {
    const owner = windowById(windowId);
    const options = { title, filters, properties: ['openFile' as const] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
  async showSave(windowId, { title, defaultName, filters }) {
    const owner = windowById(windowId);
    const options = { title, defaultPath: defaultName, filters };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  },
};

const bridge: WindowBridge = {
  setDocumentState(windowId, { name, dirty }) {
    const state = windows.get(windowId);
    const window = windowById(windowId);
    if (!state || !window) return;
    state.name = name;
    state.dirty = dirty;
    window.setTitle(`${name}${dirty ? ' •' : ''} — 讲稿`);
    window.setDocumentEdited(dirty);
  },
  close(windowId) {
    const state = windows.get(windowId);
    if (state) state.confirmedClose = true;
    windowById(windowId)?.close();
  },
  languageChanged(next) {
    language = next;
    void rebuildMenu();
  },
  recentChanged() {
    void rebuildMenu();
  },
};

/**
 * Prints export HTML to PDF in a hidden window that runs no script and shows nothing else: the
 * same Chromium layout as the CLI's, through Electron's printToPDF.
 */
async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const printer = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await printer.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateDocumentOutline: true, generateTaggedPDF: true });
    return new Uint8Array(pdf);
  } finally {
    printer.destroy();
  }
}

/** The system print dialog for the print HTML, from a hidden window that runs no script. */
const desktop = {
  async print(_windowId: number, html: string): Promise<boolean> {
    const printer = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    try {
      await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      return await new Promise<boolean>((resolve) => printer.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)));
    } finally {
      printer.destroy();
    }
  },
  showInFolder: (file: string) => shell.showItemInFolder(file),
};

function openWindow(): BrowserWindow {
  const window = createMainWindow({ preloadPath: path.join(__dirname, 'preload.cjs') });
  const id = window.id;
  windows.set(id, { name: menuString(language, 'untitled'), dirty: false, confirmedClose: false, rendererGone: false });
  window.webContents.on('render-process-gone', () => {
    const state = windows.get(id);
    if (state) state.rendererGone = true;
    // Its documents' backups are all that is left: offered by File → 恢复未保存的文稿… elsewhere.
    if (services) rendererGone(services, id);
  });
  window.on('close', (event) => {
    const state = windows.get(id);
    if (!state || !mustAsk(state.dirty, state.confirmedClose, state.rendererGone)) return;
    event.preventDefault();
    const buttons = CLOSE_PROMPT_BUTTONS.map((key) => menuString(language, key));
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        title: menuString(language, 'unsavedTitle'),
        message: menuString(language, 'unsavedMessage', { name: state.name }),
        detail: menuString(language, 'unsavedDetail'),
        buttons,
        defaultId: 0,
        cancelId: CLOSE_PROMPT_CANCEL_ID,
        noLink: true,
      })
      .then(({ response }) => {
        const action = closeAction(response, state.rendererGone);
        if (action === 'keep-open') {
          quitting = false;
          return;
        }
        if (action === 'close') {
          state.confirmedClose = true;
          window.close();
          return;
        }
        // The renderer saves, then calls closeWindow (bridge.close) when the save succeeded.
        sendEvent(window.webContents, 'command', { command: 'saveThenClose' });
      });
  });
  window.on('closed', () => {
    const backups = backupsOnClose(windows.get(id));
    windows.delete(id);
    // Closed on purpose (saved, 不保存, or nothing unsaved): its backups go. A dead renderer's stay.
    if (services) void windowClosed(services, id, backups).catch(() => undefined);
    if (quitting && windows.size === 0) app.quit();
  });
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  // TODO(file association): open a .speech path from argv and macOS `open-file` in a window.
  app.on('open-file', (event) => event.preventDefault());

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  void app.whenReady().then(async () => {
    secureSession();
    serveAppScheme(path.join(__dirname, '../renderer'));
    // Imports are read on a worker thread (bundled beside main.cjs; Electron loads workers from app.asar).
    services = createServices({ userDataDir: app.getPath('userData'), dialogs, windows: bridge, renderPdf: printHtmlToPdf, desktop, importWorker: path.join(__dirname, 'import-worker.cjs') });
    language = (await services.settings.get()).language;
    bindContract(createHandlers(services));
    await rebuildMenu();
    openWindow();
  });
}
