/**
 * The web host's one refusal check (`refusal`), driven directly: what it lets through and what it
 * refuses, each case one difference from a request of the host's own page (issue 19). The spec
 * e2e/web-host.spec.ts sends the same over HTTP and checks that a refused request has no effect.
 */
import { describe, expect, it } from 'vitest';
import { refusal, type RequestHead } from './web-host';

const PORT = 43117;
const TOKEN = 'a'.repeat(48);

/** A call of the host's own page: its Host and Origin, JSON, the secret in its header. */
function own(
  changes: { method?: string; url?: string; headers?: Record<string, string | undefined> } = {},
): RequestHead {
  const headers: Record<string, string | undefined> = {
    host: `127.0.0.1:${PORT}`,
    origin: `http://127.0.0.1:${PORT}`,
    'content-type': 'application/json',
    'x-lectern-token': TOKEN,
    ...changes.headers,
  };
  // An absent header is no key at all in what Node hands over.
  for (const name of Object.keys(headers)) if (headers[name] === undefined) delete headers[name];
  return { method: changes.method ?? 'POST', url: changes.url ?? '/ipc/listRecent', headers };
}

describe('refusal', () => {
  it("lets the page's own calls through, by either of the host's names", () => {
    expect(refusal(own(), PORT, TOKEN)).toBeUndefined();
    expect(
      refusal(own({ headers: { host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` } }), PORT, TOKEN),
    ).toBeUndefined();
    expect(refusal(own({ headers: { host: `LocalHost:${PORT}` } }), PORT, TOKEN)).toBeUndefined();
    expect(
      refusal(own({ headers: { 'content-type': 'application/json; charset=utf-8' } }), PORT, TOKEN),
    ).toBeUndefined();
  });

  it('lets the tests through from Node, which sends no Origin', () => {
    expect(refusal(own({ headers: { origin: undefined } }), PORT, TOKEN)).toBeUndefined();
    const state = own({ method: 'GET', url: '/test/state', headers: { origin: undefined, 'content-type': undefined } });
    expect(refusal(state, PORT, TOKEN)).toBeUndefined();
  });

  it('refuses a call without the secret, or with a wrong one of any length', () => {
    expect(refusal(own({ headers: { 'x-lectern-token': undefined } }), PORT, TOKEN)).toMatch(/secret/);
    expect(refusal(own({ headers: { 'x-lectern-token': '' } }), PORT, TOKEN)).toMatch(/secret/);
    expect(refusal(own({ headers: { 'x-lectern-token': `${'a'.repeat(47)}b` } }), PORT, TOKEN)).toMatch(/secret/);
    expect(refusal(own({ headers: { 'x-lectern-token': `${TOKEN}a` } }), PORT, TOKEN)).toMatch(/secret/);
    expect(refusal(own({ headers: { 'x-lectern-token': TOKEN.toUpperCase() } }), PORT, TOKEN)).toMatch(/secret/);
  });

  it('refuses every call, test control and event stream without the secret', () => {
    const bare = { origin: undefined, 'x-lectern-token': undefined };
    for (const url of ['/ipc/saveDocumentAs', '/test/dialog', '/test/command']) {
      expect(refusal(own({ url, headers: bare }), PORT, TOKEN), url).toMatch(/secret/);
    }
    for (const url of ['/events', '/test/state']) {
      expect(refusal(own({ method: 'GET', url, headers: bare }), PORT, TOKEN), url).toMatch(/secret/);
    }
    // Any other method is refused too before it could mean anything (a preflight has no secret).
    expect(refusal(own({ method: 'OPTIONS', url: '/ipc/listRecent', headers: bare }), PORT, TOKEN)).toMatch(/secret/);
    expect(refusal(own({ method: 'PUT', url: '/assets/app.js', headers: bare }), PORT, TOKEN)).toMatch(/secret/);
  });

  it('takes the secret from the address only for the event stream and the page', () => {
    const bare = { origin: undefined, 'x-lectern-token': undefined };
    expect(refusal(own({ method: 'GET', url: `/events?token=${TOKEN}`, headers: bare }), PORT, TOKEN)).toBeUndefined();
    expect(refusal(own({ method: 'GET', url: `/?token=${TOKEN}`, headers: bare }), PORT, TOKEN)).toBeUndefined();
    expect(
      refusal(own({ method: 'GET', url: `/index.html?token=${TOKEN}`, headers: bare }), PORT, TOKEN),
    ).toBeUndefined();
    expect(refusal(own({ method: 'GET', url: '/?token=wrong', headers: bare }), PORT, TOKEN)).toMatch(/secret/);
    expect(refusal(own({ method: 'GET', url: '/', headers: bare }), PORT, TOKEN)).toMatch(/secret/);
    expect(refusal(own({ url: `/ipc/listRecent?token=${TOKEN}`, headers: bare }), PORT, TOKEN)).toMatch(/secret/);
    expect(refusal(own({ method: 'GET', url: `/test/state?token=${TOKEN}`, headers: bare }), PORT, TOKEN)).toMatch(
      /secret/,
    );
  });

  it("serves the renderer's other files without the secret", () => {
    const bare = { origin: undefined, 'x-lectern-token': undefined, 'content-type': undefined };
    expect(refusal(own({ method: 'GET', url: '/assets/index-abc.js', headers: bare }), PORT, TOKEN)).toBeUndefined();
    expect(refusal(own({ method: 'HEAD', url: '/assets/index-abc.css', headers: bare }), PORT, TOKEN)).toBeUndefined();
  });

  it('refuses a foreign Host, a missing one and the right name on another port (DNS rebinding)', () => {
    const hosts = [
      'evil.example',
      `evil.example:${PORT}`,
      `127.0.0.1.evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      '127.0.0.1',
    ];
    for (const host of [...hosts, `[::1]:${PORT}`, `0.0.0.0:${PORT}`]) {
      expect(refusal(own({ headers: { host } }), PORT, TOKEN), host).toMatch(/^foreign Host/);
    }
    expect(refusal(own({ headers: { host: undefined } }), PORT, TOKEN)).toMatch(/^foreign Host/);
    // The page's files too: a rebound name reads nothing of the host.
    const file = own({ method: 'GET', url: '/assets/app.js', headers: { host: `evil.example:${PORT}` } });
    expect(refusal(file, PORT, TOKEN)).toMatch(/^foreign Host/);
  });

  it("refuses any Origin but the host's own, null included", () => {
    const origins = ['http://evil.example', 'null', `https://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT + 1}`];
    for (const origin of [...origins, `http://localhost:${PORT}.evil.example`, '']) {
      expect(refusal(own({ headers: { origin } }), PORT, TOKEN), origin).toMatch(/^foreign Origin/);
    }
  });

  it('refuses a POST whose body is not declared JSON, which a browser sends across origins without a preflight', () => {
    const types = [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ];
    for (const type of [...types, 'application/jsonx']) {
      expect(refusal(own({ headers: { 'content-type': type } }), PORT, TOKEN), type).toMatch(/^not JSON/);
    }
    expect(refusal(own({ headers: { 'content-type': undefined } }), PORT, TOKEN)).toMatch(/^not JSON/);
  });

  it('refuses a target that is no path', () => {
    expect(refusal(own({ method: 'OPTIONS', url: '*' }), PORT, TOKEN)).toBe('not a path');
    expect(refusal(own({ url: `http://127.0.0.1:${PORT}/ipc/listRecent` }), PORT, TOKEN)).toBe('not a path');
  });
});
