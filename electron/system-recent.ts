/**
 * The system's own list of recent documents (the Windows jump list, the macOS Dock menu and
 * File → Open Recent of the Dock icon), kept beside Lectern's menu list (issue 20). Opening one
 * from there hands the file to the app like a double-click, so it comes back through
 * open-requests.ts. No Electron import: main.ts passes `app.addRecentDocument`.
 */
import type { Handlers } from '../shared/ipc/contract';

/**
 * `handlers`, with every open and save that reached a file (opened, or saved) also telling
 * `add` the file's path. A salvaged copy of a damaged file has no file and is not added; a
 * failure, a cancel or a conflict adds nothing. `add` failing never fails the call.
 */
export function withSystemRecent(
  handlers: Handlers,
  pathOf: (docId: string) => string | undefined,
  add: (file: string) => void,
): Handlers {
  const tell = <T extends { status: string; docId?: string }>(result: T): T => {
    const file =
      (result.status === 'opened' || result.status === 'saved') && result.docId ? pathOf(result.docId) : undefined;
    if (file) {
      try {
        add(file);
      } catch {
        // The system's list is a convenience; the open or save itself succeeded.
      }
    }
    return result;
  };
  return {
    ...handlers,
    openDocument: async (request, context) => tell(await handlers.openDocument(request, context)),
    openRecent: async (request, context) => tell(await handlers.openRecent(request, context)),
    saveDocument: async (request, context) => tell(await handlers.saveDocument(request, context)),
    saveDocumentAs: async (request, context) => tell(await handlers.saveDocumentAs(request, context)),
  };
}
