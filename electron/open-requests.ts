/**
 * Files the system asks the app to open (issue 20): named on the command line at first start
 * (Windows, Linux, `npm start -- 讲话.speech`), in a second instance's command line while the app
 * runs, or by macOS `open-file` (Finder, the Dock), before or after `ready`. This decides which
 * window takes each file and holds it until that window's renderer listens; main.ts wires it to
 * Electron. No Electron import, so plain unit tests drive it.
 *
 * The rules: a speech already shown in a window (or on its way there) focuses that window. Any
 * other file goes to a window showing nothing worth keeping (the start view, or an untitled
 * document with no changes) that no other file was given, else to a new window, so a handed-over
 * file never replaces an unsaved document nor another file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, Handlers } from '../shared/ipc/contract';
import { IMPORT_EXTENSIONS } from '../shared/import/read';

/** What a handed-over file is opened as: a `.speech` document, or a source for the import report. */
export type HandedOverKind = 'speech' | 'import';

/** A file the system handed over: its absolute path and how it is opened. */
export interface HandedOverFile {
  path: string;
  kind: HandedOverKind;
}

const IMPORTS: ReadonlySet<string> = new Set(IMPORT_EXTENSIONS.map((extension) => `.${extension}`));

/**
 * How `file` is opened: `import` for the formats File → 导入 reads (.docx, .txt, .md, .html…),
 * else `speech`, so a file of any other kind meets the same check, and message, as File → 打开.
 */
export function handedOverKind(file: string): HandedOverKind {
  return IMPORTS.has(path.extname(file).toLowerCase()) ? 'import' : 'speech';
}

/**
 * The files a command line names, in order, as absolute paths (relative ones against `cwd`).
 * Skipped: the executable (`argv[0]`), the app's own path when Electron runs an unpackaged app
 * (`defaultApp`: `electron . 讲话.speech`), and switches (`--…`, which Chromium may add to a
 * second instance's argv, and macOS's `-psn_…`). `file://` URLs, which Linux file managers pass
 * for the desktop entry's `%U`, become paths.
 */
export function filesFromArgv(
  argv: readonly string[],
  options: { cwd: string; defaultApp: boolean },
): HandedOverFile[] {
  const args = argv.slice(1).filter((arg) => arg.length > 0 && !arg.startsWith('-'));
  return (options.defaultApp ? args.slice(1) : args).flatMap((arg) => handedOverFile(arg, options.cwd) ?? []);
}

/**
 * One file the system named (a command-line argument, a path from macOS `open-file`, a `file://`
 * URL) as an absolute path, relative ones against `cwd`; undefined for a URL that names no file
 * of this machine.
 */
export function handedOverFile(arg: string, cwd: string): HandedOverFile | undefined {
  let file: string;
  try {
    file = arg.startsWith('file:') ? fileURLToPath(arg) : path.resolve(cwd, arg);
  } catch {
    // A file: URL naming another host, or malformed.
    return undefined;
  }
  return { path: file, kind: handedOverKind(file) };
}

/** The command that asks a window's renderer to open or import a handed-over file by its id. */
export function commandFor(file: HandedOverFile, handoverId: string): Command {
  return { command: file.kind === 'speech' ? 'open' : 'import', handoverId };
}

/** What the router needs to know of a window, as main knows it. */
export interface WindowView {
  id: number;
  /** The paths of the documents the window shows that have a file (as the renderer last told main). */
  files: readonly string[];
  /** Whether the window's document has unsaved changes. */
  dirty: boolean;
}

/** Main's side of the router: its windows and what it can do with them. */
export interface OpenRequestsHost {
  /** The windows, the focused one first when there is one. */
  windows(): WindowView[];
  /** Opens a new window and answers its id; its renderer is not listening yet. */
  openWindow(): number;
  /** Sends `file` to the window's renderer, which listens. */
  deliver(windowId: number, file: HandedOverFile): void;
  /** Shows the window in front (restored if minimized). */
  focus(windowId: number): void;
}

/** Where the system's requests to open files wait, and which window takes each. */
export class OpenRequests {
  /** Files handed over before the app could open windows. */
  private early: HandedOverFile[] | undefined = [];
  /** Files given to a window whose renderer does not listen yet. */
  private readonly waiting = new Map<number, HandedOverFile[]>();
  private readonly listening = new Set<number>();
  /**
   * The files given to each window, until it shows a file of its own: a window given a file is
   * not given another, and a speech on its way to a window is found there.
   */
  private readonly given = new Map<number, HandedOverFile[]>();

  constructor(private readonly host: OpenRequestsHost) {}

  /** Files to open, in order. Before `start` they wait, as macOS sends `open-file` before `ready`. */
  open(files: readonly HandedOverFile[]): void {
    if (this.early) {
      this.early.push(...files);
      return;
    }
    for (const file of files) this.route(file);
  }

  /** The app is ready and has opened its first window (which may take the first file): route what waited. */
  start(): void {
    const early = this.early ?? [];
    this.early = undefined;
    this.open(early);
  }

  /** The window's renderer listens for commands: give it what waited for it. */
  ready(windowId: number): void {
    this.listening.add(windowId);
    const waiting = this.waiting.get(windowId) ?? [];
    this.waiting.delete(windowId);
    for (const file of waiting) this.host.deliver(windowId, file);
  }

  /**
   * The window could not open what it was given (the file was gone or damaged beyond salvage):
   * it shows what it showed before, so it may take the next file.
   */
  failed(windowId: number): void {
    this.given.delete(windowId);
  }

  /** The window closed: what still waited for it goes to another window. */
  closed(windowId: number): void {
    const waiting = this.waiting.get(windowId) ?? [];
    this.waiting.delete(windowId);
    this.listening.delete(windowId);
    this.given.delete(windowId);
    if (this.early) this.early.push(...waiting);
    else for (const file of waiting) this.route(file);
  }

  private route(file: HandedOverFile): void {
    const windows = this.host.windows();
    // What a window was given counts only until it shows files of its own (then those tell).
    const given = (window: WindowView) => (window.files.length === 0 ? (this.given.get(window.id) ?? []) : []);
    if (file.kind === 'speech') {
      const shows = (window: WindowView) =>
        window.files.some((shown) => samePath(shown, file.path)) ||
        given(window).some((sent) => sent.kind === 'speech' && samePath(sent.path, file.path));
      const showing = windows.find(shows);
      if (showing) {
        this.host.focus(showing.id);
        return;
      }
    }
    const free = windows.find((window) => !window.dirty && window.files.length === 0 && given(window).length === 0);
    const target = free?.id ?? this.host.openWindow();
    // Free or new: it was given nothing before.
    this.given.set(target, [file]);
    if (this.listening.has(target)) this.host.deliver(target, file);
    else this.waiting.set(target, [...(this.waiting.get(target) ?? []), file]);
    this.host.focus(target);
  }
}

/**
 * `handlers`, telling `requests` when a window could not open or import the file it was handed
 * (`failed`), so that window, still showing what it showed, may take the next one.
 */
export function withHandoverFailures(handlers: Handlers, requests: Pick<OpenRequests, 'failed'>): Handlers {
  return {
    ...handlers,
    openDocument: async (request, context) => {
      const result = await handlers.openDocument(request, context);
      if (request.handoverId !== undefined && result.status === 'failed') requests.failed(context.windowId);
      return result;
    },
    importFile: async (request, context) => {
      const result = await handlers.importFile(request, context);
      if (request.handoverId !== undefined && result.status === 'failed') requests.failed(context.windowId);
      return result;
    },
  };
}

/** Whether two absolute paths name the same file: case-blind where the file systems usually are (Windows, macOS). */
function samePath(a: string, b: string): boolean {
  const caseBlind = process.platform === 'win32' || process.platform === 'darwin';
  const normal = (file: string) => (caseBlind ? path.normalize(file).toLowerCase() : path.normalize(file));
  return normal(a) === normal(b);
}
