/**
 * The services, created once per app (or per web host) with the host's dialogs and window effects.
 */
import path from 'node:path';
import { nodeFileSystem, type FileSystem } from './file-system';
import { DocumentService } from './documents';
import { RecentFiles } from './recent';
import { SettingsStore } from './settings';
import { ExportService } from './exporter';
import type { Desktop, Dialogs, WindowBridge } from './types';

export interface Services {
  documents: DocumentService;
  recent: RecentFiles;
  settings: SettingsStore;
  exporter: ExportService;
  windows: WindowBridge;
}

export interface ServiceOptions {
  userDataDir: string;
  dialogs: Dialogs;
  windows: WindowBridge;
  /** Prints HTML to PDF: Electron's printToPDF in the app, Chromium elsewhere. */
  renderPdf: (html: string) => Promise<Uint8Array>;
  desktop: Desktop;
  fs?: FileSystem;
}

export function createServices(options: ServiceOptions): Services {
  const fs = options.fs ?? nodeFileSystem;
  const recent = new RecentFiles(path.join(options.userDataDir, 'recent.json'), fs);
  const documents = new DocumentService({ fs, dialogs: options.dialogs, recent });
  return {
    documents,
    exporter: new ExportService({ fs, dialogs: options.dialogs, documents, renderPdf: options.renderPdf, desktop: options.desktop }),
    recent,
    settings: new SettingsStore(path.join(options.userDataDir, 'settings.json'), fs),
    windows: options.windows,
  };
}
