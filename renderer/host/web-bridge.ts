/**
 * `LecternApi` over the web host's loopback HTTP (the end-to-end tests' transport): one named
 * function per call in the contract, `POST /ipc/<name>` with the JSON request; commands arrive as
 * server-sent events on `/events`. Built from the same contract as Electron's preload, so the two
 * transports cannot drift apart.
 */
import { callNames, command as commandSchema, type CallName, type Command, type LecternApi, type Request, type Response } from '../../shared/ipc/contract';

export function createWebBridge(baseUrl: string = location.origin): LecternApi {
  const call =
    <N extends CallName>(name: N) =>
    async (request: Request<N>): Promise<Response<N>> => {
      const response = await fetch(`${baseUrl}/ipc/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Response<N>;
    };
  const listeners = new Set<(command: Command) => void>();
  let source: EventSource | undefined;
  const api = Object.fromEntries(callNames.map((name) => [name, call(name)])) as unknown as Omit<LecternApi, 'onCommand' | 'host'>;
  return {
    ...api,
    host: 'web',
    onCommand(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`${baseUrl}/events`);
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
