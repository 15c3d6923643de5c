/**
 * The web host's protocol, without a browser: the renderer's files and their CSP, path traversal,
 * the contract over `POST /ipc/<call>` (every answer checked against the call's response schema),
 * the test controls, commands over server-sent events, and the refusal of every request that is
 * not its own page's or the tests' (issue 19). The host runs in this process on a throwaway
 * renderer folder, so these tests need no build; the last one starts the built host as
 * `npm run web` does.
 */
import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { contract, type CallName } from '../shared/ipc/contract';
import { emptySpeechFile, parseSpeechFile, serializeSpeechFile } from '../shared/document/file-format';
import { startWebHost, type HostState, type WebHost } from './hosts/web-host';
import { CONTENT_SECURITY_POLICY } from '../electron/services/app-files';
import { startWebHost as startBuiltWebHost, stopProcess } from './fixtures';

// The one policy (electron/services/app-files.ts); electron/window.test.ts checks what it allows and that index.html
// agrees.
const CSP = CONTENT_SECURITY_POLICY;
const SECRET = 'the user-data folder is not for the page';

let dir: string;
let host: WebHost;

test.beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lectern-web-host-'));
  await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>讲稿</title>');
  await writeFile(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  // A file beside the renderer folder that no URL may reach.
  await writeFile(path.join(dir, 'secret.txt'), SECRET);
  host = await startWebHost({
    rendererDir: path.join(dir, 'renderer'),
    userDataDir: path.join(dir, 'user'),
    testControls: true,
  });
});

test.afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

/** The headers the page sends with a call: JSON, and this start's secret. */
const own = () => ({ 'content-type': 'application/json', 'x-lectern-token': host.token });

/** Calls the contract as the page does, and checks the answer against the call's response schema. */
async function call<N extends CallName>(
  name: N,
  body: unknown,
): Promise<ReturnType<(typeof contract)[N]['response']['parse']>> {
  const response = await fetch(`${host.url}/ipc/${name}`, {
    method: 'POST',
    headers: own(),
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return contract[name].response.parse(await response.json()) as ReturnType<(typeof contract)[N]['response']['parse']>;
}

const post = (route: string, body: string) => fetch(`${host.url}${route}`, { method: 'POST', headers: own(), body });

/**
 * A request sent exactly as written: the path as it is (fetch would normalise `..` away) and the
 * headers as given, Host and Origin included (fetch sets its own). Stream answers end at the
 * first chunk, so a refused /events and an accepted one can both be read.
 */
function raw(
  rawPath: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (res.headers['content-type'] === 'text/event-stream') res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const rawGet = (rawPath: string) => raw(rawPath);

test('serves index.html for / and the renderer files, under the app CSP', async () => {
  const index = await fetch(host.pageUrl);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(index.headers.get('content-security-policy')).toBe(CSP);
  expect(await index.text()).toContain('<title>讲稿</title>');
  const script = await fetch(`${host.url}/assets/app.js`);
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(script.headers.get('content-security-policy')).toBe(CSP);
  expect((await fetch(`${host.url}/assets/missing.js`)).status).toBe(404);
  // A folder is no file: no listing of what the renderer holds.
  for (const folder of ['/assets', '/assets/']) {
    const listing = await rawGet(folder);
    expect(listing.status, folder).toBe(404);
    expect(listing.body, folder).not.toContain('app.js');
  }
});

test('refuses every path that would reach outside the renderer folder', async () => {
  const outside = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
  ];
  for (const target of [...outside, '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A']) {
    const { status, body } = await rawGet(target);
    expect(status, target).toBeGreaterThanOrEqual(400);
    expect(body, target).not.toContain(SECRET);
  }
});

test('answers the contract: new, save as where the dialog says, list recent, open it again', async () => {
  const created = await call('newDocument', {});
  await post('/test/dialog', JSON.stringify({ kind: 'save', path: path.join(dir, '讲话') }));
  const file = { ...created.file, meta: { title: '讲话' } };
  const saved = await call('saveDocumentAs', { docId: created.docId, file });
  expect(saved).toEqual({ status: 'saved', docId: created.docId, name: '讲话.speech' });
  expect(parseSpeechFile(await readFile(path.join(dir, '讲话.speech'), 'utf8')).file.meta.title).toBe('讲话');
  const { entries } = await call('listRecent', {});
  expect(entries).toEqual([{ recentId: expect.stringMatching(/^[0-9a-f]{16}$/), name: '讲话.speech', folder: dir }]);
  expect(await call('openRecent', { recentId: entries[0]!.recentId })).toMatchObject({
    status: 'opened',
    name: '讲话.speech',
  });
  expect(await call('closeDocument', { docId: created.docId })).toEqual({ ok: true });
});

test('answers each dialog from the queue in order; null or nothing queued cancels', async () => {
  const { docId, file } = await call('newDocument', {});
  await post('/test/dialog', JSON.stringify({ kind: 'save', path: null }));
  await post('/test/dialog', JSON.stringify({ kind: 'save', path: path.join(dir, 'b.speech') }));
  expect(await call('saveDocumentAs', { docId, file })).toEqual({ status: 'canceled' });
  expect(await call('saveDocumentAs', { docId, file })).toMatchObject({ status: 'saved', name: 'b.speech' });
  expect(await call('saveDocumentAs', { docId, file })).toEqual({ status: 'canceled' });
  expect(await call('openDocument', {})).toEqual({ status: 'canceled' });
});

test('refuses a corrupt file with its code and leaves it byte-identical', async () => {
  const corrupt = path.join(dir, '坏.speech');
  const bytes = serializeSpeechFile({
    ...emptySpeechFile(),
    doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 7 } }] },
  });
  await writeFile(corrupt, bytes);
  host.answerDialog('open', corrupt);
  expect(await call('openDocument', {})).toMatchObject({
    status: 'failed',
    error: { code: 'invalid-content', fileName: '坏.speech' },
  });
  expect(await readFile(corrupt, 'utf8')).toBe(bytes);
});

test('records the window effects for GET /test/state', async () => {
  const state = async () => (await (await fetch(`${host.url}/test/state`, { headers: own() })).json()) as HostState;
  // JSON has no undefined: no title and no language yet are absent keys.
  expect(await state()).toEqual({ dirty: false, closed: false, recentChanges: 0, printed: 0, shownInFolder: [] });
  await call('setDocumentState', { docId: 'd', name: '讲话.speech', dirty: true });
  expect(await call('setSettings', { language: 'en' })).toMatchObject({ language: 'en' });
  await call('closeWindow', {});
  expect(await state()).toMatchObject({ title: '讲话.speech • — 讲稿', dirty: true, closed: true, language: 'en' });
  expect(await call('getSettings', {})).toMatchObject({ language: 'en' });
});

test('refuses bad requests with 400 and a message, and unknown calls with 404', async () => {
  const notJson = await post('/ipc/newDocument', '{');
  expect(notJson.status).toBe(400);
  expect(((await notJson.json()) as { error: string }).error).toMatch(/^not JSON/);
  const badShape = await post('/ipc/saveDocument', JSON.stringify({ docId: '', file: emptySpeechFile() }));
  expect(badShape.status).toBe(400);
  expect(((await badShape.json()) as { error: string }).error).toMatch(/^docId: /);
  expect((await post('/ipc/newDocument', JSON.stringify({ extra: 1 }))).status).toBe(400);
  expect((await post('/ipc/toString', '{}')).status).toBe(404);
  expect((await post('/ipc/nothing', '{}')).status).toBe(404);
  expect((await post('/test/dialog', JSON.stringify({ kind: 'print', path: null }))).status).toBe(400);
  expect((await post('/test/command', JSON.stringify({ command: 'format-disk' }))).status).toBe(400);
  expect((await fetch(`${host.url}/ipc/newDocument`, { method: 'PUT', headers: own(), body: '{}' })).status).toBe(405);
});

test('pushes commands to the page over server-sent events', async () => {
  const controller = new AbortController();
  const events = await fetch(`${host.url}/events`, { headers: own(), signal: controller.signal });
  expect(events.headers.get('content-type')).toBe('text/event-stream');
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = '';
  while (!received.includes(': connected')) received += (await reader.read()).value ?? '';
  const sent = await post('/test/command', JSON.stringify({ command: 'setLanguage', language: 'en' }));
  expect(await sent.json()).toEqual({ ok: true, listeners: 1 });
  while (!/data: .*\n\n/.test(received)) received += (await reader.read()).value ?? '';
  expect(received).toContain(`event: command\ndata: ${JSON.stringify({ command: 'setLanguage', language: 'en' })}\n\n`);
  controller.abort();
});

/** Every way another page's request differs from the page's own, each alone (issue 19). */
const FOREIGN: Array<{ name: string; headers: () => Record<string, string>; posts?: true }> = [
  { name: 'no secret', headers: () => ({ 'content-type': 'application/json' }) },
  // The secret with its last digit changed: as long as the real one, so only its value is wrong.
  {
    name: 'a wrong secret',
    headers: () => ({ ...own(), 'x-lectern-token': host.token.replace(/.$/, (d) => (d === '0' ? '1' : '0')) }),
  },
  { name: 'a foreign Host', headers: () => ({ ...own(), host: `evil.example:${new URL(host.url).port}` }) },
  { name: 'a foreign Origin', headers: () => ({ ...own(), origin: 'http://evil.example' }) },
  { name: 'text/plain', headers: () => ({ ...own(), 'content-type': 'text/plain;charset=UTF-8' }), posts: true },
];

test('refuses with 403 and no effect a request with no secret, a wrong one, a foreign Host or Origin, or text/plain', async () => {
  // The user's state another page is after: a speech open, a recent file, an event stream listening.
  const { docId, file } = await call('newDocument', {});
  await post('/test/dialog', JSON.stringify({ kind: 'save', path: path.join(dir, '讲话') }));
  expect(await call('saveDocumentAs', { docId, file })).toMatchObject({ status: 'saved' });
  const controller = new AbortController();
  const events = await fetch(`${host.url}/events`, { headers: own(), signal: controller.signal });
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = '';
  while (!received.includes(': connected')) received += (await reader.read()).value ?? '';

  const victim = path.join(dir, 'victim.txt');
  for (const { name, headers, posts } of FOREIGN) {
    const attempts: Array<[string, string | undefined]> = [
      ['/test/dialog', JSON.stringify({ kind: 'save', path: victim })],
      ['/test/command', JSON.stringify({ command: 'saveAs' })],
      ['/ipc/saveDocumentAs', JSON.stringify({ docId, file })],
      ['/ipc/setSettings', JSON.stringify({ language: 'en' })],
      ['/ipc/listRecent', '{}'],
    ];
    if (!posts) attempts.push(['/events', undefined], ['/test/state', undefined]);
    for (const [route, body] of attempts) {
      const answer = await raw(
        route,
        body === undefined ? { headers: headers() } : { method: 'POST', headers: headers(), body },
      );
      expect(answer.status, `${name}: ${route}`).toBe(403);
      expect(answer.body, `${name}: ${route}`).not.toContain('讲话');
    }
  }

  // No dialog was queued: the next save-as cancels. No file was written where the other page said.
  expect(await call('saveDocumentAs', { docId, file })).toEqual({ status: 'canceled' });
  expect((await readdir(dir)).sort()).toEqual(['renderer', 'secret.txt', 'user', '讲话.speech']);
  // No setting changed, and no command reached the page: the first one after all this is ours.
  expect(await call('getSettings', {})).toMatchObject({ language: 'zh-CN' });
  expect(host.state.language).toBeUndefined();
  await post('/test/command', JSON.stringify({ command: 'toggleOutline' }));
  while (!/data: .*\n\n/.test(received)) received += (await reader.read()).value ?? '';
  expect(received).toBe(`: connected\n\nevent: command\ndata: ${JSON.stringify({ command: 'toggleOutline' })}\n\n`);
  controller.abort();
});

test("answers the page's own requests: by either of its names, from its own origin, JSON with a charset", async () => {
  const { port } = new URL(host.url);
  for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
    const headers = {
      ...own(),
      host: name,
      origin: `http://${name}`,
      'content-type': 'application/json; charset=utf-8',
    };
    const answer = await raw('/ipc/listRecent', { method: 'POST', headers, body: '{}' });
    expect(answer.status, name).toBe(200);
    expect(JSON.parse(answer.body), name).toEqual({ entries: [] });
  }
  // EventSource sends no headers: the event stream takes the secret in its address, the calls do not.
  expect((await raw(`/events?token=${host.token}`)).body).toBe(': connected\n\n');
  expect((await raw('/events?token=wrong')).status).toBe(403);
  const json = { 'content-type': 'application/json' };
  const tokenInAddress = await raw(`/ipc/listRecent?token=${host.token}`, {
    method: 'POST',
    headers: json,
    body: '{}',
  });
  expect(tokenInAddress.status).toBe(403);
});

test('the page opened without its secret says what to open instead; its files need none', async () => {
  for (const address of ['/', '/index.html', '/?token=wrong']) {
    const page = await raw(address);
    expect(page.status, address).toBe(403);
    expect(page.body, address).toContain('此地址缺少访问令牌');
    expect(page.body, address).toContain('This address lacks the access token');
    expect(page.body, address).not.toContain('<title>讲稿</title>');
  }
  expect((await raw(`/index.html?token=${host.token}`)).body).toContain('<title>讲稿</title>');
  expect((await raw('/assets/app.js')).status).toBe(200);
});

test('a host started without test controls has no /test endpoints, whatever the request carries', async () => {
  const plain = await startWebHost({
    rendererDir: path.join(dir, 'renderer'),
    userDataDir: path.join(dir, 'plain-user'),
  });
  try {
    const headers = { 'content-type': 'application/json', 'x-lectern-token': plain.token };
    const postPlain = (route: string, body: unknown) =>
      fetch(`${plain.url}${route}`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect((await postPlain('/test/dialog', { kind: 'save', path: path.join(dir, 'victim.txt') })).status).toBe(404);
    expect((await postPlain('/test/command', { command: 'saveAs' })).status).toBe(404);
    expect((await fetch(`${plain.url}/test/state`, { headers })).status).toBe(404);
    // Its contract still answers the page, and no dialog answer was queued by the refused controls.
    const { docId, file } = (await (await postPlain('/ipc/newDocument', {})).json()) as {
      docId: string;
      file: unknown;
    };
    expect(await (await postPlain('/ipc/saveDocumentAs', { docId, file })).json()).toEqual({ status: 'canceled' });
  } finally {
    await plain.close();
  }
});

test('npm run web prints the address with a fresh secret, and has no test controls unless started for tests', async () => {
  const users = await Promise.all([1, 2].map(() => mkdtemp(path.join(tmpdir(), 'lectern-web-user-'))));
  const web = await startBuiltWebHost(users[0]!, { testControls: false });
  const forTests = await startBuiltWebHost(users[1]!);
  try {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect(web.token).not.toBe(forTests.token);
    const headers = (token: string) => ({ 'content-type': 'application/json', 'x-lectern-token': token });
    expect((await fetch(`${web.origin}/test/state`, { headers: headers(web.token) })).status).toBe(404);
    expect((await fetch(`${forTests.origin}/test/state`, { headers: headers(forTests.token) })).status).toBe(200);
    // The secret of one start opens nothing of another.
    expect((await fetch(`${forTests.origin}/test/state`, { headers: headers(web.token) })).status).toBe(403);
    expect((await fetch(web.url)).status).toBe(200);
  } finally {
    await Promise.all([stopProcess(web.process), stopProcess(forTests.process)]);
    await Promise.all(users.map((user) => rm(user, { recursive: true, force: true })));
  }
});
