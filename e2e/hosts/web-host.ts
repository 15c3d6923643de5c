/**
 * The web host: the built renderer served on 127.0.0.1 with the same handlers the Electron main
 * process binds, so the end-to-end tests drive the real renderer and the real services in
 * Chromium where no Electron binary exists (DESIGN.md, decision 4). Native dialogs are replaced by
 * answers the test queues; window effects are recorded for the test to read.
 *
 *   GET  /?token=…       the page (index.html); the other renderer files need no token
 *   POST /ipc/<call>     a contract call: JSON request in, JSON response out (400 on a bad request)
 *   GET  /events         server-sent events: `command` events for the page
 *   POST /test/dialog    { kind: 'open' | 'save', path: string | null } queues the next dialog answer
 *   POST /test/command   a Command, sent to the page
 *   POST /test/hand-over { path } the system hands the app a file (a double-click): sent to the page
 *                        as main sends it to a window (electron/open-requests.ts; one page, so no routing)
 *   GET  /test/state     what the window bridge recorded
 *
 * The host drives the user's files, so it answers its own page and the tests only (issue 19): any
 * other page in any browser on the machine can reach 127.0.0.1. Each start draws a secret that the
 * page and the tests send on every call (`refusal` says what else is checked), and the /test
 * controls exist only in a host started for tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  command as commandSchema,
  contract,
  type CallName,
  type Command,
  type Language,
} from '../../shared/ipc/contract';
import { createHandlers } from '../../electron/handlers';
import { createServices } from '../../electron/services/index';
import { commandFor, handedOverFile } from '../../electron/open-requests';
import { renderPdf } from '../../cli/pdf';
import type { Dialogs, WindowBridge } from '../../electron/services/types';
// The web host sends the app's own CSP and content types, so the tests run the renderer under the
// same rules as the app's scheme does.
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../../electron/services/app-files';
import { windowTitle } from '../../shared/document/window-title';
import { hostStrings } from '../../renderer/host/strings';
import { TOKEN_HEADER, TOKEN_PARAM } from '../../renderer/host/web-bridge';

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
  /**
   * Whether the /test controls (queued dialog answers, commands, recorded state) answer over HTTP.
   * Only a host started for tests has them: with them, whoever holds the secret picks where a save
   * goes without a dialog ever showing.
   * @default false
   */
  testControls?: boolean;
}

/**
 * A running web host. The same controls are reachable over HTTP (`/test/*`) for other processes
 * when it was started with `testControls`.
 */
export interface WebHost {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** The secret of this start: every /ipc, /events and /test request carries it (`X-Lectern-Token`). */
  token: string;
  /** The page's address with its secret, `<url>/?token=<token>`: what a browser opens. */
  pageUrl: string;
  userDataDir: string;
  state: HostState;
  /** Queues the answer of the next open or save dialog; null (or nothing queued) cancels. */
  answerDialog(kind: 'open' | 'save', answer: string | null): void;
  /** Sends a command to every page listening on `/events`; answers how many there were. */
  sendCommand(command: Command): number;
  /** Ends the event streams and stops listening. */
  close(): Promise<void>;
}

// Node lower-cases the names of the headers it received.
const TOKEN_HEADER_RECEIVED = TOKEN_HEADER.toLowerCase();

/** What `refusal` reads of a request: its method, its target as sent, and its headers. */
export type RequestHead = Pick<IncomingMessage, 'method' | 'url' | 'headers'>;

/**
 * The request's path and query, or undefined for a target that is no path (`*`, `http://…`).
 * Parsed against a fixed origin so that `//name/x` stays a path instead of naming a host.
 */
function targetOf(url: string | undefined): URL | undefined {
  if (!url?.startsWith('/')) return undefined;
  try {
    return new URL(`http://127.0.0.1${url}`);
  } catch {
    return undefined;
  }
}

/** Whether `route` is the page itself, which is opened with the secret in its address. */
const isPage = (route: string): boolean => route === '/' || route === '/index.html';
/** Whether `route` reaches the services or the test controls rather than a file of the renderer. */
const isCall = (route: string): boolean =>
  route.startsWith('/ipc/') || route === '/events' || route.startsWith('/test/');

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  // timingSafeEqual needs equal lengths; the length of a secret drawn at random tells nothing.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why the web host on `port` with secret `token` refuses `request` with 403, or undefined when it
 * may answer it. Refused, in this order:
 * - a Host other than `127.0.0.1:<port>` or `localhost:<port>`, or none: a page that rebinds its own
 *   name to 127.0.0.1 (DNS rebinding) sends its own name here;
 * - an Origin other than the host's own (`http://` and one of those two), `null` included: another
 *   page's request; same-origin reads and the tests from Node send none or the host's own;
 * - a target that is no path;
 * - a call (/ipc, /events, /test), any method other than GET and HEAD, or the page itself, without
 *   the secret: in the `X-Lectern-Token` header, or in the `token` query parameter for a GET of
 *   /events (EventSource sends no headers) and of the page (whose address carries it); the
 *   renderer's other files are public and need none;
 * - a POST whose body is not `application/json`: a browser sends that type across origins only
 *   after a CORS preflight, which the host never grants.
 */
export function refusal(request: RequestHead, port: number, token: string): string | undefined {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = request.headers.host?.toLowerCase();
  if (host === undefined || !own.includes(host)) return `foreign Host: ${request.headers.host ?? '(none)'}`;
  const origin = request.headers.origin;
  if (origin !== undefined && !own.some((name) => origin.toLowerCase() === `http://${name}`))
    return `foreign Origin: ${origin}`;
  const target = targetOf(request.url);
  if (!target) return 'not a path';
  const read = request.method === 'GET' || request.method === 'HEAD';
  const route = target.pathname;
  if (isCall(route) || !read || isPage(route)) {
    const header = request.headers[TOKEN_HEADER_RECEIVED];
    const inQuery =
      read && (route === '/events' || isPage(route)) ? (target.searchParams.get(TOKEN_PARAM) ?? undefined) : undefined;
    if (!sameSecret(typeof header === 'string' ? header : inQuery, token)) return 'no secret or a wrong one';
  }
  if (request.method === 'POST') {
    const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return `not JSON: ${request.headers['content-type'] ?? '(no content-type)'}`;
  }
  return undefined;
}

const dialogAnswer = z.object({ kind: z.enum(['open', 'save']), path: z.string().nullable() });
const handOver = z.object({ path: z.string().min(1) });

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
  const state: HostState = {
    title: undefined,
    dirty: false,
    closed: false,
    language: undefined,
    recentChanges: 0,
    printed: 0,
    shownInFolder: [],
  };
  const dialogs: Dialogs = {
    showOpen: async () => queues.open.shift() ?? undefined,
    showSave: async () => queues.save.shift() ?? undefined,
  };
  const windows: WindowBridge = {
    setDocumentState: (_windowId, { name, dirty }) => {
      state.title = windowTitle(name, dirty);
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
  const worker = options.importWorker ? { importWorker: options.importWorker } : {};
  const services = createServices({ userDataDir, dialogs, windows, renderPdf, desktop, ...worker });
  const handlers = createHandlers(services);
  const streams = new Set<ServerResponse>();
  const sendCommand = (command: Command): number => {
    const data = `event: command\ndata: ${JSON.stringify(commandSchema.parse(command))}\n\n`;
    for (const stream of streams) stream.write(data);
    return streams.size;
  };
  const root = path.resolve(options.rendererDir);
  // 192 bits, as Jupyter's token: too many to guess from a page.
  const token = randomBytes(24).toString('hex');

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const refused = refusal(req, (server.address() as AddressInfo).port, token);
        if (refused)
          return isPage(targetOf(req.url)?.pathname ?? '') ? sendRefusedPage(res) : send(res, 403, { error: refused });
        const route = targetOf(req.url)!.pathname;
        if (req.method === 'POST' && route.startsWith('/ipc/')) {
          const name = route.slice('/ipc/'.length) as CallName;
          if (!Object.hasOwn(contract, name)) return send(res, 404, { error: `no call "${name}"` });
          const request = parseOr400(contract[name].request as z.ZodType<unknown>, await readJson(req));
          const handler = handlers[name] as (request: unknown, context: { windowId: number }) => Promise<unknown>;
          return send(res, 200, await handler(request, { windowId: WEB_WINDOW_ID }));
        }
        if (req.method === 'GET' && route === '/events') {
          res.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-store',
            connection: 'keep-alive',
          });
          // A comment line first, so the page's EventSource opens (and a test can see it did).
          res.write(': connected\n\n');
          streams.add(res);
          req.on('close', () => streams.delete(res));
          return;
        }
        if (route.startsWith('/test/') && !options.testControls) {
          return send(res, 404, { error: 'no test controls: this host was not started for tests' });
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
        if (req.method === 'POST' && route === '/test/hand-over') {
          const file = handedOverFile(parseOr400(handOver, await readJson(req)).path, process.cwd());
          if (!file) return send(res, 400, { error: 'not a file of this machine' });
          const listeners = sendCommand(commandFor(file, services.handedOver.add(file.path)));
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
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    token,
    pageUrl: `${url}/?${TOKEN_PARAM}=${token}`,
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
 * Answers a browser that opened the page without its secret with 403 and a page that says what to
 * open instead, in both languages (the host serves no renderer without the secret to show it in).
 */
function sendRefusedPage(res: ServerResponse): void {
  const [zh, en] = [hostStrings['zh-CN'], hostStrings.en];
  res.writeHead(403, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  // The strings are ours and hold no markup, so they go into the page as they are.
  res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${zh.title}</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.6">
<h1>${zh.title}</h1><p>${zh.refused}</p>
<h1 lang="en">${en.title}</h1><p lang="en">${en.refused}</p></body></html>`);
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
