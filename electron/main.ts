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
import {
  backupsOnClose,
  CLOSE_PROMPT_BUTTONS,
  CLOSE_PROMPT_CANCEL_ID,
  closeAction,
  mustAsk,
  type WindowCloseState,
} from './close-guard';
import { createHandlers, rendererGone, windowClosed } from './handlers';
import { bindContract, sendEvent } from './ipc';
import { menuTemplate } from './menu-template';
import {
  commandFor,
  filesFromArgv,
  handedOverFile,
  OpenRequests,
  withHandoverFailures,
  type WindowView,
} from './open-requests';
import { withSystemRecent } from './system-recent';
import { createServices, type Services } from './services/index';
import type { Dialogs, WindowBridge } from './services/types';
import { createMainWindow, createPrintWindow, secureSession } from './window';
import { windowTitle } from '../shared/document/window-title';

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

/** How Electron runs: `electron . 讲话.speech` (npm start) names the app's folder before the files. */
const defaultApp = Boolean(process.defaultApp);
// `npm start` runs in the package's folder; INIT_CWD is where the user typed it, so a relative file is theirs.
const argvOptions = { cwd: (defaultApp && process.env.INIT_CWD) || process.cwd(), defaultApp };

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
    window.setTitle(windowTitle(name, dirty));
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
  readyForCommands(windowId) {
    openRequests.ready(windowId);
  },
};

/**
 * Prints export HTML to PDF in a hidden window that runs no script and shows nothing else: the
 * same Chromium layout as the CLI's, through Electron's printToPDF.
 */
async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const printer = await createPrintWindow(html);
  try {
    const pdf = await printer.webContents.printToPDF({
      preferCSSPageSize: true,
      printBackground: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
    return new Uint8Array(pdf);
  } finally {
    printer.destroy();
  }
}

/** The system print dialog for the print HTML, from a hidden window that runs no script. */
const desktop = {
  async print(_windowId: number, html: string): Promise<boolean> {
    const printer = await createPrintWindow(html);
    try {
      return await new Promise<boolean>((resolve) =>
        printer.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)),
      );
    } finally {
      printer.destroy();
    }
  },
  showInFolder: (file: string) => shell.showItemInFolder(file),
};

/** The app's windows as the open-file router sees them (the focused one first; never the hidden print windows). */
function windowViews(): WindowView[] {
  const focused = BrowserWindow.getFocusedWindow()?.id;
  const ids = [...windows.keys()].sort((a, b) => Number(b === focused) - Number(a === focused));
  return ids.map((id) => ({
    id,
    files: services.documents.documentsOf(id).flatMap((docId) => services.documents.pathOf(docId) ?? []),
    dirty: windows.get(id)?.dirty ?? false,
  }));
}

function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  // A new window shows (and takes the focus) by itself once it has painted.
  if (window.isVisible()) window.focus();
}

// Files the system hands over: queued until the app is ready and the first window exists, then
// each given to the window showing it, a window with nothing to lose, or a new one.
const openRequests = new OpenRequests({
  windows: windowViews,
  openWindow: () => openWindow().id,
  deliver: (windowId, file) => {
    const window = windowById(windowId);
    // The renderer is given an id for the file, never its path.
    if (window) sendEvent(window.webContents, 'command', commandFor(file, services.handedOver.add(file.path)));
  },
  focus: (windowId) => {
    const window = windowById(windowId);
    if (window) focusWindow(window);
  },
});
openRequests.open(filesFromArgv(process.argv, argvOptions));

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
    openRequests.closed(id);
    // Closed on purpose (saved, 不保存, or nothing unsaved): its backups go. A dead renderer's stay.
    if (services) void windowClosed(services, id, backups).catch(() => undefined);
    if (quitting && windows.size === 0) app.quit();
  });
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Lectern started again (a double-click in Explorer, the jump list, `npm start -- 讲话.speech`): that
  // instance quits at once, and its files open here. With none, the app comes to the front.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = filesFromArgv(argv, { cwd: workingDirectory, defaultApp });
    if (files.length) return openRequests.open(files);
    const window = BrowserWindow.getFocusedWindow() ?? windowById([...windows.keys()][0] ?? -1);
    if (window) focusWindow(window);
    else if (app.isReady()) openWindow();
  });
  // macOS: Finder, the Dock icon and its recent documents; may come before `ready` (then queued).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    const handed = handedOverFile(file, process.cwd());
    if (handed) openRequests.open([handed]);
  });

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
    services = createServices({
      userDataDir: app.getPath('userData'),
      dialogs,
      windows: bridge,
      renderPdf: printHtmlToPdf,
      desktop,
      importWorker: path.join(__dirname, 'import-worker.cjs'),
    });
    language = (await services.settings.get()).language;
    const handlers = withHandoverFailures(createHandlers(services), openRequests);
    // Opens and saves go on the system's recent documents too (jump list, Dock menu).
    bindContract(
      withSystemRecent(
        handlers,
        (docId) => services.documents.pathOf(docId),
        (file) => app.addRecentDocument(file),
      ),
    );
    await rebuildMenu();
    openWindow();
    openRequests.start();
  });
}
