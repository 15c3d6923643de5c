/**
 * One fixture, two hosts. Specs are written once against `app`:
 *   - the web host (default, and always in CI): the built renderer and the real services served on
 *     127.0.0.1 by dist/web-host/web-host.mjs, driven in Chromium (CHROMIUM_PATH, then the system's
 *     /usr/bin/chromium, then Playwright's own); the page is opened with the host's secret and the
 *     test's own requests send it too;
 *   - Electron (LECTERN_E2E_HOST=electron, where an Electron binary exists): the built app, with
 *     its native dialogs answered the same way from the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, chromium, _electron, type Browser, type Page } from '@playwright/test';
import type { Command } from '../shared/ipc/contract';
import { TOKEN_HEADER, TOKEN_PARAM } from '../renderer/host/web-bridge';
import { CHROMIUM_ARGS } from '../cli/pdf';

export { expect } from '@playwright/test';

/** Flags Debian's Chromium needs here: the command line's own (no sandbox as root, no GPU, no network). */
export { CHROMIUM_ARGS };

/** A Chromium the way the app's users' machines would find one: env var, the system's, Playwright's. */
export function chromiumPath(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** What `app.state()` answers: the window's title and dirty flag, whether it closed, the language set. */
export interface HostState {
  title: string | undefined;
  dirty: boolean;
  closed: boolean;
  language: string | undefined;
  printed?: number;
  shownInFolder?: string[];
}

/** What a spec gets as `app`, the same on both hosts. */
export interface App {
  page: Page;
  /** Queues the answer of the next open or save dialog (null cancels). */
  answerDialog(kind: 'open' | 'save', file: string | null): Promise<void>;
  /** Sends a menu command, as the native menu would. */
  sendCommand(command: Command): Promise<void>;
  /** The system hands the running app a file, as a double-click in the file manager does (issue 20). */
  handOver(file: string): Promise<void>;
  /** What main's window handling recorded (title, dirty, closed). */
  state(): Promise<HostState>;
  /** A fresh folder for the test's files. */
  tmpDir: string;
  /** Where screenshots and other artifacts go (kept after the run). */
  artifactsDir: string;
}

const ARTIFACTS = path.resolve('test-results/artifacts');

/** A web host process the fixture started, and how to reach it. */
export interface WebHostProcess {
  /** The page's address with this start's secret, as the READY line prints it: what the browser opens. */
  url: string;
  /** `http://127.0.0.1:<port>`, for requests from the test. */
  origin: string;
  /** The secret every /ipc, /events and /test request sends in the `X-Lectern-Token` header. */
  token: string;
  process: ChildProcess;
}

/**
 * Waits for the window to be ready. A first start shows the start view (no document open); unless
 * `keepStartView`, a new blank speech is then made from it, as a user clicking 新建空白讲稿 does, so
 * that a spec begins on an empty, focused page. A start that offers recovered work opens a
 * document at once and is left as it is.
 */
export async function openBlankSpeech(page: Page, keepStartView = false): Promise<void> {
  await page.locator('.app[data-ready="true"], [data-testid="start-view"]').first().waitFor();
  if (keepStartView || !(await page.getByTestId('start-view').isVisible())) return;
  await page.getByTestId('start-new').click();
  await page.locator('.app[data-ready="true"]').waitFor();
}

/**
 * Spawns the built web host with its own user-data folder and resolves its address once it prints
 * its READY line; a host that fails to start is killed, never left running. The host has its /test
 * controls (`LECTERN_TEST_HOST=1`) unless `testControls` is false, as under `npm run web`.
 */
export async function startWebHost(userDataDir: string, { testControls = true } = {}): Promise<WebHostProcess> {
  const entry = path.resolve('dist/web-host/web-host.mjs');
  if (!existsSync(entry) || !existsSync(path.resolve('dist/renderer/index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the end-to-end tests.');
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LECTERN_USER_DATA: userDataDir,
    LECTERN_TEST_HOST: testControls ? '1' : '',
  };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`web host did not start within 15 s: ${out}`)), 15_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /LECTERN_WEB_HOST_READY (\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`web host exited with ${code}: ${out}`));
      });
    });
    const { origin, searchParams } = new URL(url);
    return { url, origin, token: searchParams.get(TOKEN_PARAM) ?? '', process: child };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

/** Ends a child with SIGTERM and waits for it; SIGKILL if it has not ended after 5 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function webApp(use: (app: App) => Promise<void>, tmpDir: string, keepStartView: boolean): Promise<void> {
  const userData = await mkdtemp(path.join(tmpdir(), 'lectern-e2e-user-'));
  const host = await startWebHost(userData);
  const executablePath = chromiumPath();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await openBlankSpeech(page, keepStartView);
    const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: host.token };
    const post = async (route: string, body: unknown) => {
      const response = await fetch(`${host.origin}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
    };
    await use({
      page,
      answerDialog: (kind, file) => post('/test/dialog', { kind, path: file }),
      sendCommand: (command) => post('/test/command', command),
      handOver: (file) => post('/test/hand-over', { path: file }),
      state: async () => (await (await fetch(`${host.origin}/test/state`, { headers })).json()) as HostState,
      tmpDir,
      artifactsDir: ARTIFACTS,
    });
  } finally {
    await browser?.close();
    await stopProcess(host.process);
    await rm(userData, { recursive: true, force: true });
  }
}

/**
 * Electron: launches the built app, replaces `dialog.showOpenDialog`/`showSaveDialog` in main with
 * answers queued by the test, and reads window state from main. Runs only where Electron's binary
 * can be had (LECTERN_E2E_HOST=electron).
 */
async function electronApp(use: (app: App) => Promise<void>, tmpDir: string, keepStartView: boolean): Promise<void> {
  const userData = await mkdtemp(path.join(tmpdir(), 'lectern-e2e-user-'));
  // main.ts takes its user-data folder from LECTERN_USER_DATA, so each test starts with no settings.
  const electronApp = await _electron.launch({ args: ['.'], env: { ...process.env, LECTERN_USER_DATA: userData } });
  try {
    await electronApp.evaluate(({ dialog }) => {
      const queues: Record<string, Array<string | null>> = { open: [], save: [] };
      (globalThis as unknown as { __lecternDialogs: typeof queues }).__lecternDialogs = queues;
      dialog.showOpenDialog = (async () => {
        const answer = queues.open!.shift() ?? null;
        return { canceled: answer === null, filePaths: answer ? [answer] : [] };
      }) as typeof dialog.showOpenDialog;
      dialog.showSaveDialog = (async () => {
        const answer = queues.save!.shift() ?? null;
        return { canceled: answer === null, filePath: answer ?? '' };
      }) as typeof dialog.showSaveDialog;
    });
    const page = await electronApp.firstWindow();
    await openBlankSpeech(page, keepStartView);
    await use({
      page,
      answerDialog: async (kind, file) => {
        await electronApp.evaluate(
          (_electron, [k, f]) => {
            const queues = (globalThis as unknown as { __lecternDialogs: Record<string, Array<string | null>> })
              .__lecternDialogs;
            queues[k as string]!.push(f as string | null);
          },
          [kind, file] as const,
        );
      },
      sendCommand: async (command) => {
        await electronApp.evaluate(({ BrowserWindow }, cmd) => {
          BrowserWindow.getAllWindows()[0]?.webContents.send('lectern-event:command', cmd);
        }, command);
      },
      // As a second start of Lectern with the file on its command line hands it over: the same
      // executable and, for an unpackaged app (`electron .`), the same app folder before the file.
      handOver: async (file) => {
        await electronApp.evaluate(({ app: electron }, named) => {
          electron.emit(
            'second-instance',
            {},
            [...process.argv.slice(0, process.defaultApp ? 2 : 1), named],
            process.cwd(),
          );
        }, file);
      },
      state: async () =>
        electronApp.evaluate(({ BrowserWindow }) => {
          const window = BrowserWindow.getAllWindows()[0];
          const title = window?.getTitle();
          return { title, dirty: Boolean(title?.includes('•')), closed: !window, language: undefined };
        }),
      tmpDir,
      artifactsDir: ARTIFACTS,
    });
  } finally {
    await electronApp.close();
    await rm(userData, { recursive: true, force: true });
  }
}

/**
 * Playwright's `test` with an `app` fixture: a fresh app, user-data folder and temp folder per test,
 * started on a blank speech; `test.use({ keepStartView: true })` starts it on the start view instead.
 */
export const test = base.extend<{ app: App; keepStartView: boolean }>({
  keepStartView: [false, { option: true }],
  app: async ({ keepStartView }, use, testInfo) => {
    await mkdir(ARTIFACTS, { recursive: true });
    const tmpDir = await mkdtemp(path.join(tmpdir(), `lectern-e2e-${testInfo.workerIndex}-`));
    try {
      if (process.env.LECTERN_E2E_HOST === 'electron') await electronApp(use, tmpDir, keepStartView);
      else await webApp(use, tmpDir, keepStartView);
    } finally {
      await rm(tmpDir, { recursive: true, force: true });
    }
  },
});
