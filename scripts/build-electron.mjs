// Bundles the main process, the preload and the import worker for Electron: dist/electron/main.cjs,
// preload.cjs and import-worker.cjs.
// The sandboxed preload can require only Electron's own modules, so it is one self-contained file.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
await build({
  ...common,
  entryPoints: ['electron/services/import-worker.ts'],
  outfile: 'dist/electron/import-worker.cjs',
});
