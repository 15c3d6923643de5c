/** Test support: the command line run in the test's own process. Not used by the CLI. */
import { main } from './lectern';

/**
 * Runs `lectern` with `argv` as the shell would, in this process, and answers its exit status with everything it
 * wrote to stdout and to stderr. `env` stands in for the process's environment (the process's own when omitted).
 */
export async function runCli(argv: string[], env?: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const status = await main(
    argv,
    (t) => (stdout += t),
    (t) => (stderr += t),
    env,
  );
  return { status, stdout, stderr };
}
