/**
 * How the import service turns a file's bytes into an import source: in the calling thread
 * (`readImportBytes`, for tests and the CLI), or in a worker thread with its own memory limit and
 * a time limit (`workerImportReader`, for the app and the web host). A worker that runs out of
 * memory, crashes or takes too long is ended and answers an ImportError; the main process goes on.
 */
import { Worker } from 'node:worker_threads';
import { ImportError, type ImportErrorCode } from '../../shared/import/errors';
import type { ImportSource } from '../../shared/import/index';

/** Reads a file's bytes into what the importer reads; throws ImportError for anything unreadable. */
export type ImportReader = (bytes: Uint8Array, name: string) => Promise<ImportSource>;

/** The worker's one message. */
export type WorkerAnswer =
  { ok: true; source: ImportSource } | { ok: false; code: ImportErrorCode; detail: string; fileName?: string };

export interface WorkerReaderOptions {
  /** The longest one file may take (ms). */
  timeoutMs?: number;
  /** The worker's heap limit (MB). */
  maxHeapMb?: number;
}

/** Reads files in a worker started from `script` (the built import-worker). */
export function workerImportReader(script: string, options: WorkerReaderOptions = {}): ImportReader {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxHeapMb = options.maxHeapMb ?? 1024;
  return (bytes, name) =>
    new Promise<ImportSource>((resolve, reject) => {
      let settled = false;
      const settle = (run: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        run();
      };
      const worker = new Worker(script, {
        workerData: { bytes, name },
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      });
      const timer = setTimeout(() => {
        settle(() =>
          reject(new ImportError('unreadable', `reading it took longer than ${Math.round(timeoutMs / 1000)} s`, name)),
        );
        void worker.terminate();
      }, timeoutMs);
      worker.once('message', (answer: WorkerAnswer) =>
        settle(() =>
          answer.ok
            ? resolve(answer.source)
            : reject(new ImportError(answer.code, answer.detail, answer.fileName ?? name)),
        ),
      );
      worker.once('error', (error: Error & { code?: string }) =>
        settle(() =>
          reject(
            new ImportError(
              'unreadable',
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? 'reading it needed more memory than an import may use'
                : `the reader failed: ${error.message}`,
              name,
            ),
          ),
        ),
      );
      worker.once('exit', (code) =>
        settle(() =>
          reject(new ImportError('unreadable', `the reader ended (exit code ${code}) without an answer`, name)),
        ),
      );
    });
}
