// `npm run fuzz`: the fuzz suite (shared/import/fuzz.test.ts) at a larger count than `npm test`
// runs it, printing how many damaged files of each kind were read or refused and a sample of the
// refusal lines. LECTERN_FUZZ_ROUNDS (default 10) sets the rounds of random damage per seed file,
// LECTERN_FUZZ_SEED the seed; set here rather than in package.json so that it works in any shell.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const env = { ...process.env, LECTERN_FUZZ_ROUNDS: process.env.LECTERN_FUZZ_ROUNDS ?? '10' };
const run = spawnSync(process.execPath, [vitest, 'run', 'shared/import/fuzz.test.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exitCode = run.status ?? 1;
