/**
 * The names of the contract's calls and events and their channels, with no dependencies, so the
 * sandboxed preload can build `window.lectern` without bundling schemas. `contract.ts` is checked
 * against these names at compile time (and by a test), so the two cannot drift.
 */

export const CALL_NAMES = [
  'newDocument',
  'openDocument',
  'openRecent',
  'saveDocument',
  'saveDocumentAs',
  'closeDocument',
  'listRecent',
  'setDocumentState',
  'closeWindow',
  'readyForCommands',
  'getSettings',
  'setSettings',
  'exportDocument',
  'printDocument',
  'checkFonts',
  'revealExport',
  'importFile',
  'backupDocument',
  'listRecovery',
  'readRecovery',
  'restoreRecovery',
  'discardRecovery',
  'checkExternal',
  'reloadDocument',
  'listSnapshots',
  'readSnapshot',
  'addSnapshot',
  'deleteSnapshot',
  'listLibrary',
  'readLibraryEntry',
  'saveLibraryEntry',
  'updateLibraryEntry',
  'duplicateLibraryEntry',
  'deleteLibraryEntry',
  'restoreLibraryEntry',
  'exportLibrary',
  'importLibrary',
  'newFromLibraryEntry',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

export const EVENT_NAMES = ['command'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The IPC channel of a call. */
export const callChannel = (name: CallName): string => `lectern:${name}`;
/** The IPC channel of an event. */
export const eventChannel = (name: EventName): string => `lectern-event:${name}`;
