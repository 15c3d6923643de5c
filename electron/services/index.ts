/**
 * The services, created once per app (or per web host) with the host's dialogs and window effects.
 */
import path from 'node:path';
import { nodeFileSystem, type FileSystem } from './file-system';
import { DocumentService } from './documents';
import { RecentFiles } from './recent';
import { SettingsStore } from './settings';
import type { Dialogs, WindowBridge } from './types';

export interface Services {
  documents: DocumentService;
  recent: RecentFiles;
  settings: SettingsStore;
  windows: WindowBridge;
}

export interface ServiceOptions {
  userDataDir: string;
  dialogs: Dialogs;
  windows: WindowBridge;
  fs?: FileSystem;
}

export function createServices(options: ServiceOptions): Services {
  const fs = options.fs ?? nodeFileSystem;
  const recent = new RecentFiles(path.join(options.userDataDir, 'recent.json'), fs);
  return {
    documents: new DocumentService({ fs, dialogs: options.dialogs, recent }),
    recent,
    settings: new SettingsStore(path.join(options.userDataDir, 'settings.json'), fs),
    windows: options.windows,
  };
}
