/**
 * Runs the web host as a process: `node dist/web-host/web-host.mjs [--port N]` (`npm run web`).
 * Settings come from the environment: LECTERN_USER_DATA (a fresh temporary folder by default),
 * LECTERN_RENDERER_DIR (dist/renderer), PORT (used when --port is not given; random by default),
 * LECTERN_TEST_HOST=1 (the /test controls, for the end-to-end fixture only; off under `npm run web`).
 * Prints `LECTERN_WEB_HOST_READY <url>/?token=<secret>` on stdout once listening: the address to
 * open, with this start's secret. Ends on SIGTERM or SIGINT (a second one ends it at once). A bad
 * port ends it with status 2.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWebHost } from './web-host';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 0);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`web host: not a port: ${values.port ?? process.env.PORT}\n`);
  process.exitCode = 2;
} else {
  const host = await startWebHost({
    rendererDir: process.env.LECTERN_RENDERER_DIR ?? path.resolve('dist/renderer'),
    ...(process.env.LECTERN_USER_DATA ? { userDataDir: process.env.LECTERN_USER_DATA } : {}),
    // Built beside this file by scripts/build-node.mjs.
    importWorker: fileURLToPath(new URL('./import-worker.mjs', import.meta.url)),
    port,
    testControls: process.env.LECTERN_TEST_HOST === '1',
  });
  process.stdout.write(`LECTERN_WEB_HOST_READY ${host.pageUrl}\n`);
  // Closing the server and its event streams empties the event loop, so Node ends by itself and
  // stdout is flushed. The handlers run once: should something still hold the loop (a PDF export's
  // Chromium mid-launch), a second signal ends the process the default way.
  const stop = () => void host.close();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
