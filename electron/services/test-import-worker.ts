/**
 * Test support: builds the import worker into `dir` the way scripts/build-node.mjs builds the one
 * the web host ships (one ES module, a require() for bundled CommonJS), and answers its path. Used
 * by the worker's own tests and by the fuzz suite, which read files through it as the app does.
 */
import path from 'node:path';
import { build } from 'esbuild';

/** Bundles electron/services/import-worker.ts to `<dir>/import-worker.mjs`; answers that path. */
export async function buildImportWorker(dir: string): Promise<string> {
  const script = path.join(dir, 'import-worker.mjs');
  await build({
    entryPoints: [path.resolve('electron/services/import-worker.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: {
      js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return script;
}
