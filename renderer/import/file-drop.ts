/**
 * A file dropped anywhere on the window is imported (and never opened by the browser itself): its
 * bytes go to main's importer, and what main read (or why it could not) goes to `onResult`.
 */
import { useEffect, useRef } from 'react';
import type { ImportFileResult, LecternApi } from '../../shared/ipc/contract';
import { MAX_IMPORT_BYTES } from '../../shared/import/errors';

/** A dropped file's bytes as base64, without loading them into a JavaScript string twice. */
function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * Imports the first file dropped on the window; a file over `MAX_IMPORT_BYTES` (the limit main
 * applies) is refused before it is read, and one the browser cannot read is a failure like main's. `onResult` may
 * change between renders (the latest is called).
 */
export function useFileDrop(api: Pick<LecternApi, 'importFile'>, onResult: (result: ImportFileResult) => void): void {
  const latest = useRef(onResult);
  latest.current = onResult;
  useEffect(() => {
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      if (file.size > MAX_IMPORT_BYTES) {
        const message = `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`;
        latest.current({ status: 'failed', error: { code: 'import-too-large', message, fileName: file.name } });
        return;
      }
      void fileAsBase64(file)
        .then((data) => api.importFile({ dropped: { name: file.name, data } }))
        .then((result) => latest.current(result))
        .catch((error: unknown) =>
          latest.current({
            status: 'failed',
            error: { code: 'import-unreadable', message: String(error), fileName: file.name },
          }),
        );
    };
    // Capture, so the editor does not take the drop as a drag of text.
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [api]);
}
