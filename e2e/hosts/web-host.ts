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
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { command as commandSchema, contract, type CallName, type Command, type Language } from '../../shared/ipc/contract';
import { createHandlers } from '../../electron/handlers';
import { createServices } from '../../electron/services/index';
import { renderPdf } from '../../cli/pdf';
import type { Dialogs, WindowBridge } from '../../electron/services/types';
// The web host sends the app's own CSP, so the tests run the renderer under the same rules.
import { CONTENT_SECURITY_POLICY } from '../../electron/services/app-files';


const MAX_BODY = 30 * 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.json': 'application/json',
};

/** What the window bridge recorded. */
export interface HostState {
  title: string | undefined;
  dirty: boolean;
  closed: boolean;
  language: Language | undefined;
  recentChanges: number;
  /** What the print dialog would have printed, and what was shown in a folder. */
  printed: number;
  shownInFolder: string[];
}

export interface WebHostOptions {
  rendererDir: string;
  userDataDir: string;
  port?: number;
}

export interface WebHost {
  url: string;
  state: HostState;
  answerDialog(kind: 'open' | 'save', answer: string | null): void;
  sendCommand(command: Command): void;
  close(): Promise<void>;
}

const dialogAnswer = z.object({ kind: z.enum(['open', 'save']), path: z.string().nullable() });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
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
  const handlers = createHandlers(createServices({ userDataDir: options.userDataDir, dialogs, windows, renderPdf, desktop }));
  const streams = new Set<ServerResponse>();
  const sendCommand = (command: Command) => {
    const data = `event: command\ndata: ${JSON.stringify(commandSchema.parse(command))}\n\n`;
    for (const stream of streams) stream.write(data);
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
          let body: unknown;
          try {
            body = JSON.parse(await readBody(req));
          } catch (error) {
            return send(res, 400, { error: `not JSON: ${(error as Error).message}` });
          }
          const parsed = contract[name].request.safeParse(body);
          if (!parsed.success) return send(res, 400, { error: parsed.error.issues[0]?.message ?? 'invalid request' });
          const handler = handlers[name] as (request: unknown, context: { windowId: number }) => Promise<unknown>;
          return send(res, 200, await handler(parsed.data, { windowId: 1 }));
        }
        if (req.method === 'GET' && route === '/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          res.write(': connected\n\n');
          streams.add(res);
          req.on('close', () => streams.delete(res));
          return;
        }
        if (req.method === 'POST' && route === '/test/dialog') {
          const answer = dialogAnswer.parse(JSON.parse(await readBody(req)));
          queues[answer.kind].push(answer.path);
          return send(res, 200, { ok: true });
        }
        if (req.method === 'POST' && route === '/test/command') {
          sendCommand(commandSchema.parse(JSON.parse(await readBody(req))));
          return send(res, 200, { ok: true, listeners: streams.size });
        }
        if (req.method === 'GET' && route === '/test/state') return send(res, 200, state);
        if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' });
        const file = path.resolve(root, `.${route === '/' ? '/index.html' : decodeURIComponent(route)}`);
        if (!file.startsWith(`${root}${path.sep}`)) return send(res, 403, { error: 'outside the renderer' });
        const content = await readFile(file).catch(() => undefined);
        if (!content) return send(res, 404, { error: 'not found' });
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        });
        res.end(content);
      } catch (error) {
        send(res, 500, { error: (error as Error).message });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
