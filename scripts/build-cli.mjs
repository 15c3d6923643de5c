// Bundles the command line (cli/lectern.ts) into dist/cli/lectern.mjs for plain Node.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/lectern.ts'],
  outfile: 'dist/cli/lectern.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Bundled CommonJS dependencies may call require(); give them one in the ESM bundle.
  banner: { js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);" },
  logLevel: 'warning',
});
