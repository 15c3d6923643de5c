// Bundles the plain-Node programs into single ES modules: the command line (dist/cli/lectern.mjs)
// and the web host the end-to-end tests run (dist/web-host/web-host.mjs).
import { build } from 'esbuild';

const programs = [
  { entry: 'cli/lectern.ts', out: 'dist/cli/lectern.mjs' },
  { entry: 'e2e/hosts/web-host-main.ts', out: 'dist/web-host/web-host.mjs' },
  // The web host reads imports on a worker thread, as the app does.
  { entry: 'electron/services/import-worker.ts', out: 'dist/web-host/import-worker.mjs' },
];
const only = process.argv[2];

for (const { entry, out } of programs.filter((p) => !only || p.entry.includes(only))) {
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // Playwright finds its own files relative to its package, so it is loaded from node_modules.
    external: ['playwright-core'],
    // Bundled CommonJS dependencies may call require(); give them one in the ES module.
    banner: {
      js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
