/**
 * The web host: the built renderer served on 127.0.0.1 with the same handlers the Electron main
 * process binds, so the end-to-end tests drive the real renderer and the real services in
 * Chromium where no Electron binary exists (DESIGN.md, decision 4). Native dialogs are replaced by
 * answers the test queues; window effects are recorded for the test to read.
 *
 *   POST /ipc/<call>     a contract call: JSON request in, JSON response out (400 on a bad request)
 *   GET  /events         server-sent events: `command` events for the page
 *   POST /test/dialog    { kind: 'open' | 'save', path: string | null } queues the next dialog answer
 *   POST /test/command   a Command, sent to the page
 *   GET  /test/state     what the window bridge recorded
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { command as commandSchema, contract, type CallName, type Command, type Language } from '../../shared/ipc/contract';
import { createHandlers } from '../../electron/handlers';
import { createServices } from '../../electron/services/index';
import { renderPdf } from '../../cli/pdf';
import type { Dialogs, WindowBridge } from '../../electron/services/types';
// The web host sends the app's own CSP and content types, so the tests run the renderer under the
// same rules as the app's scheme does.
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../../electron/services/app-files';

// A request body may carry a whole speech (files are refused over 20 MB) plus JSON overhead.
const MAX_BODY = 30 * 1024 * 1024;
/** The window id every call from the page gets: the web host has one window. */
export const WEB_WINDOW_ID = 1;

/** What the window bridge recorded, as `GET /test/state` answers it. */
export interface HostState {
  /** The window title the app would show (`name •? — 讲稿`), or undefined before any document. */
  title: string | undefined;
  dirty: boolean;
  closed: boolean;
  language: Language | undefined;
  recentChanges: number;
  /** What the print dialog would have printed, and what was shown in a folder. */
  printed: number;
  shownInFolder: string[];
}

/** Where the web host finds the renderer and keeps its user data, and which port it takes. */
export interface WebHostOptions {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The user-data folder (settings, recent files); a fresh temporary folder when omitted. */
  userDataDir?: string;
  /** The port on 127.0.0.1; 0 or omitted picks a free one. */
  port?: number;
  /** The built import worker; imports are read in-thread without it. */
  importWorker?: string;
}

/** A running web host. The same controls are reachable over HTTP (`/test/*`) for other processes. */
export interface WebHost {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  userDataDir: string;
  state: HostState;
  /** Queues the answer of the next open or save dialog; null (or nothing queued) cancels. */
  answerDialog(kind: 'open' | 'save', answer: string | null): void;
  /** Sends a command to every page listening on `/events`; answers how many there were. */
  sendCommand(command: Command): number;
  /** Ends the event streams and stops listening. */
  close(): Promise<void>;
}

const dialogAnswer = z.object({ kind: z.enum(['open', 'save']), path: z.string().nullable() });

/** A request the host refuses with 400 and `message`. */
class BadRequest extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequest(`not JSON: ${(error as Error).message}`);
  }
}

/** Parses `value` with `schema`, or refuses the request naming the first problem and where it is. */
function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BadRequest(issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'invalid request');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Starts the web host on 127.0.0.1 with fresh services over `options.userDataDir`. Resolves once
 * it listens. Dialogs answer from the queue (`answerDialog`, `POST /test/dialog`); window effects
 * are recorded in `state`; PDF export prints through Chromium as the command line does.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'lectern-user-'));
  const queues: Record<'open' | 'save', Array<string | null>> = { open: [], save: [] };
  const state: HostState = { title: undefined, dirty: false, closed: false, language: undefined, recentChanges: 0, printed: 0, shownInFolder: [] };
  const dialogs: Dialogs = {
    showOpen: async () => queues.open.shift() ?? undefined,
    showSave: async () => queues.save.shift() ?? undefined,
  };
  const windows: WindowBridge = {
    setDocumentState: (_windowId, { name, dirty }) => {
      state.title = `${name}${dirty ? ' •' : ''} — 讲稿`;
      state.dirty = dirty;
    },
    close: () => {
      state.closed = true;
    },
    languageChanged: (language) => {
      state.language = language;
    },
    recentChanged: () => {
      state.recentChanges++;
    },
  };
  // PDF through Chromium, as the CLI prints it (the app uses Electron's printToPDF).
  const desktop = {
    print: async () => Boolean(++state.printed),
    showInFolder: (file: string) => void state.shownInFolder.push(file),
  };
  const handlers = createHandlers(createServices({ userDataDir, dialogs, windows, renderPdf, desktop, ...(options.importWorker ? { importWorker: options.importWorker } : {}) }));
  const streams = new Set<ServerResponse>();
  const sendCommand = (command: Command): number => {
    const data = `event: command\ndata: ${JSON.stringify(commandSchema.parse(command))}\n\n`;
    for (const stream of streams) stream.write(data);
    return streams.size;
  };
  const root = path.resolve(options.rendererDir);

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = url.pathname;
      try {
        if (req.method === 'POST' && route.startsWith('/ipc/')) {
          const name = route.slice('/ipc/'.length) as CallName;
          if (!Object.hasOwn(contract, name)) return send(res, 404, { error: `no call "${name}"` });
          const request = parseOr400(contract[name].request as z.ZodType<unknown>, await readJson(req));
          const handler = handlers[name] as (request: unknown, context: { windowId: number }) => Promise<unknown>;
          return send(res, 200, await handler(request, { windowId: WEB_WINDOW_ID }));
        }
        if (req.method === 'GET' && route === '/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          // A comment line first, so the page's EventSource opens (and a test can see it did).
          res.write(': connected\n\n');
          streams.add(res);
          req.on('close', () => streams.delete(res));
          return;
        }
        if (req.method === 'POST' && route === '/test/dialog') {
          const answer = parseOr400(dialogAnswer, await readJson(req));
          queues[answer.kind].push(answer.path);
          return send(res, 200, { ok: true });
        }
        if (req.method === 'POST' && route === '/test/command') {
          const listeners = sendCommand(parseOr400(commandSchema, await readJson(req)));
          return send(res, 200, { ok: true, listeners });
        }
        if (req.method === 'GET' && route === '/test/state') return send(res, 200, state);
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
        return await serveFile(root, route, res);
      } catch (error) {
        if (error instanceof BadRequest) return send(res, 400, { error: error.message });
        send(res, 500, { error: (error as Error).message });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    userDataDir,
    state,
    answerDialog: (kind, answer) => queues[kind].push(answer),
    sendCommand,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Serves a file of the built renderer: `/` is index.html; a path that decodes to anything outside
 * `root` (`..`, encoded `%2e%2e%2f`, backslashes, NUL) is refused, as the app's scheme refuses it.
 */
async function serveFile(root: string, route: string, res: ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(route);
  } catch {
    return send(res, 400, { error: 'malformed path' });
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return send(res, 400, { error: 'malformed path' });
  const file = path.resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  if (!file.startsWith(`${root}${path.sep}`)) return send(res, 403, { error: 'outside the renderer' });
  const content = await readFile(file).catch(() => undefined);
  if (!content) return send(res, 404, { error: 'not found' });
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(content);
}
