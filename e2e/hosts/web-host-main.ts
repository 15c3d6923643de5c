/**
 * Runs the web host as a process: `node dist/web-host/web-host.mjs`. Settings come from the
 * environment: LECTERN_USER_DATA (a fresh temporary folder by default), LECTERN_RENDERER_DIR
 * (dist/renderer), PORT (random). Prints `LECTERN_WEB_HOST_READY <url>` once listening.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWebHost } from './web-host';

const host = await startWebHost({
  rendererDir: process.env.LECTERN_RENDERER_DIR ?? path.resolve('dist/renderer'),
  userDataDir: process.env.LECTERN_USER_DATA ?? mkdtempSync(path.join(tmpdir(), 'lectern-user-')),
  port: Number(process.env.PORT ?? 0),
});
process.stdout.write(`LECTERN_WEB_HOST_READY ${host.url}\n`);
// Closing the server (and its event streams) leaves the event loop empty, so Node ends by itself.
const stop = () => void host.close();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
