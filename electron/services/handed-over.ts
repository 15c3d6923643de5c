/**
 * Files the system handed over to the app (a double-click in Explorer or Finder, Open With, the
 * jump list, the Dock), waiting for a window's renderer to ask for them. The renderer never sees
 * a path (DESIGN.md, decision 5): main gives it a one-use id with its `open` or `import` command,
 * and the renderer passes the id back to `openDocument` or `importFile`.
 */
import { randomUUID } from 'node:crypto';

/** The handed-over files of one app, by id. */
export class HandedOverFiles {
  private readonly files = new Map<string, string>();

  /** Keeps `file` (an absolute path) and answers the id the renderer will name it by. */
  add(file: string): string {
    const id = randomUUID();
    this.files.set(id, file);
    return id;
  }

  /**
   * The path behind `id`, forgotten as it is answered: an id opens its file once, so a renderer
   * cannot use it to read the file again later. Undefined for an id that is unknown or used.
   */
  take(id: string): string | undefined {
    const file = this.files.get(id);
    this.files.delete(id);
    return file;
  }
}
