/**
 * `LecternApi` over the web host's loopback HTTP (the end-to-end tests' transport): one named
 * function per call in the contract, `POST /ipc/<name>` with the JSON request; commands arrive as
 * server-sent events on `/events`. Built from the same contract as Electron's preload, so the two
 * transports cannot drift apart.
 *
 * The host answers only requests that carry the secret it drew at start (issue 19): the page is
 * opened as `/?token=<secret>`, and the bridge sends that on every call as `X-Lectern-Token` and
 * on the event stream as the same query parameter (EventSource sends no headers).
 */
import {
  callNames,
  command as commandSchema,
  type CallName,
  type Command,
  type LecternApi,
  type Request,
  type Response,
} from '../../shared/ipc/contract';

/** The request header that carries the web host's secret; the host (e2e/hosts/web-host.ts) reads this one. */
export const TOKEN_HEADER = 'X-Lectern-Token';
/** The query parameter that carries the secret where no header can: the page's address, the event stream. */
export const TOKEN_PARAM = 'token';

/** The secret in the page's own address (`?token=…`), or '' when it has none (the host then refuses every call). */
export function pageToken(): string {
  return new URLSearchParams(location.search).get(TOKEN_PARAM) ?? '';
}

/**
 * The API over the web host at `baseUrl` (the page's own origin by default), sending `token` (the
 * page address's by default) with every call and on the event stream.
 */
export function createWebBridge(baseUrl: string = location.origin, token: string = pageToken()): LecternApi {
  const call =
    <N extends CallName>(name: N) =>
    async (request: Request<N>): Promise<Response<N>> => {
      const response = await fetch(`${baseUrl}/ipc/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(request),
      });
      if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Response<N>;
    };
  const listeners = new Set<(command: Command) => void>();
  let source: EventSource | undefined;
  const api = Object.fromEntries(callNames.map((name) => [name, call(name)])) as unknown as Omit<
    LecternApi,
    'onCommand' | 'host'
  >;
  return {
    ...api,
    host: 'web',
    onCommand(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`${baseUrl}/events?${new URLSearchParams({ [TOKEN_PARAM]: token })}`);
        source.addEventListener('command', (event) => {
          const parsed = commandSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
          if (parsed.success) listeners.forEach((l) => l(parsed.data));
        });
      }
      return () => {
        listeners.delete(listener);
        if (!listeners.size) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}
