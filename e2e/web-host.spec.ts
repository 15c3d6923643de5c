/**
 * The web host's protocol, without a browser: the renderer's files and their CSP, path traversal,
 * the contract over `POST /ipc/<call>` (every answer checked against the call's response schema),
 * the test controls, and commands over server-sent events. The host runs in this process on a
 * throwaway renderer folder, so these tests need no build.
 */
import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { contract, type CallName } from '../shared/ipc/contract';
import { emptySpeechFile, parseSpeechFile, serializeSpeechFile } from '../shared/document/file-format';
import { startWebHost, type HostState, type WebHost } from './hosts/web-host';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
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
  host = await startWebHost({ rendererDir: path.join(dir, 'renderer'), userDataDir: path.join(dir, 'user') });
});

test.afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

/** Calls the contract as the page does, and checks the answer against the call's response schema. */
async function call<N extends CallName>(name: N, body: unknown): Promise<ReturnType<(typeof contract)[N]['response']['parse']>> {
  const response = await fetch(`${host.url}/ipc/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
  return contract[name].response.parse(await response.json()) as ReturnType<(typeof contract)[N]['response']['parse']>;
}

const post = (route: string, body: string) => fetch(`${host.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves index.html for / and the renderer files, under the app CSP', async () => {
  const index = await fetch(`${host.url}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(index.headers.get('content-security-policy')).toBe(CSP);
  expect(await index.text()).toContain('<title>讲稿</title>');
  const script = await fetch(`${host.url}/assets/app.js`);
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(script.headers.get('content-security-policy')).toBe(CSP);
  expect((await fetch(`${host.url}/assets/missing.js`)).status).toBe(404);
});

test('refuses every path that would reach outside the renderer folder', async () => {
  for (const raw of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A']) {
    const { status, body } = await rawGet(raw);
    expect(status, raw).toBeGreaterThanOrEqual(400);
    expect(body, raw).not.toContain(SECRET);
  }
});

test('answers the contract: new, save as where the dialog says, list recent, open it again', async () => {
  const created = await call('newDocument', {});
  await post('/test/dialog', JSON.stringify({ kind: 'save', path: path.join(dir, '讲话') }));
  const file = { ...created.file, meta: { title: '讲话' } };
  expect(await call('saveDocumentAs', { docId: created.docId, file })).toEqual({ status: 'saved', docId: created.docId, name: '讲话.speech' });
  expect(parseSpeechFile(await readFile(path.join(dir, '讲话.speech'), 'utf8')).file.meta.title).toBe('讲话');
  const { entries } = await call('listRecent', {});
  expect(entries).toEqual([{ recentId: expect.stringMatching(/^[0-9a-f]{16}$/), name: '讲话.speech', folder: dir }]);
  expect(await call('openRecent', { recentId: entries[0]!.recentId })).toMatchObject({ status: 'opened', name: '讲话.speech' });
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
  const bytes = serializeSpeechFile({ ...emptySpeechFile(), doc: { type: 'doc', content: [{ type: 'paragraph', attrs: { level: 7 } }] } });
  await writeFile(corrupt, bytes);
  host.answerDialog('open', corrupt);
  expect(await call('openDocument', {})).toMatchObject({ status: 'failed', error: { code: 'invalid-content', fileName: '坏.speech' } });
  expect(await readFile(corrupt, 'utf8')).toBe(bytes);
});

test('records the window effects for GET /test/state', async () => {
  const state = async () => (await (await fetch(`${host.url}/test/state`)).json()) as HostState;
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
  expect((await fetch(`${host.url}/ipc/newDocument`, { method: 'PUT', body: '{}' })).status).toBe(405);
});

test('pushes commands to the page over server-sent events', async () => {
  const controller = new AbortController();
  const events = await fetch(`${host.url}/events`, { signal: controller.signal });
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
