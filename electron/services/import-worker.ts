/**
 * The import worker: reads one file's bytes into an import source (DOCX through mammoth) on its
 * own thread, so a large or hostile document neither blocks the main process nor takes it down
 * when it runs out of memory. Started by `workerImportReader` with `{ bytes, name }`; answers
 * with one message and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from '../../shared/import/errors';
import { readImportBytes } from '../../shared/import/read';
import type { WorkerAnswer } from './import-reader';

const { bytes, name } = workerData as { bytes: Uint8Array; name: string };
const answer = (message: WorkerAnswer) => parentPort?.postMessage(message);

readImportBytes(bytes, name).then(
  (source) => answer({ ok: true, source }),
  (error: unknown) =>
    answer(
      error instanceof ImportError
        ? { ok: false, code: error.code, detail: error.detail, ...(error.fileName ? { fileName: error.fileName } : {}) }
        : { ok: false, code: 'unreadable', detail: error instanceof Error ? error.message : String(error) },
    ),
);
