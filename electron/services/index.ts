/**
 * The services, created once per app (or per web host) with the host's dialogs and window
 * effects. Plain Node: the Electron main process and the web host both call `createServices`
 * and bind the result to the contract with `createHandlers` (electron/handlers.ts).
 */
import { systemFontProbe, type FontProbe } from './fonts';
import path from 'node:path';
import { nodeFileSystem, type FileSystem } from './file-system';
import { DocumentService } from './documents';
import { RecentFiles } from './recent';
import { SettingsStore } from './settings';
import { LibraryService, LibraryStore } from './library';
import { ExportService } from './exporter';
import { ImportService } from './importer';
import { workerImportReader } from './import-reader';
import { RecoveryStore } from './recovery';
import { SnapshotStore } from './snapshots';
import { HandedOverFiles } from './handed-over';
import type { Desktop, Dialogs, WindowBridge } from './types';

/** Everything the handlers bind to: one instance of each service, and the host's window effects. */
export interface Services {
  documents: DocumentService;
  recent: RecentFiles;
  settings: SettingsStore;
  exporter: ExportService;
  /** Library entries (outlines and speeches kept for reuse) under `<userData>/library`, and the built-in templates. */
  library: LibraryService;
  /** Reads files for File → Import and files dropped on the window. */
  importer: ImportService;
  /** Backups of unsaved work under `<userData>/recovery`. */
  recovery: RecoveryStore;
  /** Version snapshots of document files under `<userData>/snapshots`. */
  snapshots: SnapshotStore;
  /** Files the system handed over, waiting for a renderer to open or import them. */
  handedOver: HandedOverFiles;
  windows: WindowBridge;
}

/** What a host supplies to `createServices`. */
export interface ServiceOptions {
  /**
   * The per-user folder for `recent.json`, `settings.json`, `recovery/` and `snapshots/` (Electron:
   * app.getPath('userData')).
   */
  userDataDir: string;
  dialogs: Dialogs;
  windows: WindowBridge;
  /**
   * Prints HTML to PDF: Electron's printToPDF in the app, Chromium elsewhere. Without it, a PDF export answers
   * `failed`.
   */
  renderPdf?: (html: string) => Promise<Uint8Array>;
  /** Printing and the file manager. Without it, printing answers `failed` and "show in folder" does nothing. */
  desktop?: Desktop;
  /** This machine's fonts, for a PDF's TrueType faces: by default the system's (fontconfig, Windows font folders). */
  fonts?: FontProbe;
  /** The built import worker (dist/…/import-worker): imports are read on their own thread when given. */
  importWorker?: string;
  /** The file system; the real one unless a test injects faults. */
  fs?: FileSystem;
}

const noPdf = async (): Promise<Uint8Array> => {
  throw new Error('This host cannot print PDF.');
};
const noDesktop: Desktop = {
  print: async () => {
    throw new Error('This host cannot print.');
  },
  showInFolder: () => undefined,
};

/** Creates the services of one app: the documents, the recent list, the settings, backups and snapshots share `fs`. */
export function createServices(options: ServiceOptions): Services {
  const fs = options.fs ?? nodeFileSystem;
  const recent = new RecentFiles(path.join(options.userDataDir, 'recent.json'), fs);
  const documents = new DocumentService({ fs, dialogs: options.dialogs, recent });
  return {
    documents,
    exporter: new ExportService({
      fs,
      dialogs: options.dialogs,
      documents,
      renderPdf: options.renderPdf ?? noPdf,
      desktop: options.desktop ?? noDesktop,
      fonts: options.fonts ?? systemFontProbe(),
    }),
    importer: new ImportService({
      fs,
      dialogs: options.dialogs,
      ...(options.importWorker ? { read: workerImportReader(options.importWorker) } : {}),
    }),
    library: new LibraryService({
      store: new LibraryStore({ folder: path.join(options.userDataDir, 'library'), fs }),
      dialogs: options.dialogs,
      fs,
    }),
    recent,
    settings: new SettingsStore(path.join(options.userDataDir, 'settings.json'), fs),
    recovery: new RecoveryStore({ dir: path.join(options.userDataDir, 'recovery'), fs }),
    snapshots: new SnapshotStore({ dir: path.join(options.userDataDir, 'snapshots'), fs }),
    handedOver: new HandedOverFiles(),
    windows: options.windows,
  };
}
