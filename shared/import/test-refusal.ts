/** Test support: what an import refused a file with. Not used by the app. */
import { ImportError } from './errors';

/**
 * The ImportError `promise` rejects with. Throws, failing the test, when it resolves instead or rejects with
 * anything else: a refusal the tests expect is always an ImportError, which the app turns into a message.
 */
export async function importRefusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError)) throw new Error(`expected an ImportError, got ${String(error)}`);
  return error;
}
