// Bundles the web host (e2e/hosts/web-host-main.ts) into dist/web-host/web-host.mjs for plain Node.
import { build } from 'esbuild';

await build({
  entryPoints: ['e2e/hosts/web-host-main.ts'],
  outfile: 'dist/web-host/web-host.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  banner: { js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);" },
  logLevel: 'warning',
});
