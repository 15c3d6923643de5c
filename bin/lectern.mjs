#!/usr/bin/env node
// The `lectern` command. Runs the built CLI (dist/cli/lectern.mjs, from `npm run build`); in a
// development checkout without a build it runs the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/lectern.mjs', import.meta.url));
let cli;
if (existsSync(built)) {
  cli = await import(pathToFileURL(built).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport('../cli/lectern.ts', import.meta.url);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
