import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { describeImport, importFiles, type ImportProgress, type ImportSource } from '../sync/import-files';
import { useServices } from './app-context';

export interface Importer {
  /** While files are sent and read; null otherwise. */
  progress: ImportProgress | null;
  /** Copies files into the watched folder; the result or the errors go to the status line. */
  importFiles: (files: readonly ImportSource[]) => void;
  /** Opens the file picker (the hidden input ImportDropZone renders). */
  openPicker: () => void;
  pickerRef: RefObject<HTMLInputElement | null>;
}

/** Imports dropped or picked files, one run after another. */
export function useImport(): Importer {
  const { bridge, status } = useServices();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const pickerRef = useRef<HTMLInputElement | null>(null);
  const queue = useRef(Promise.resolve());

  const run = useCallback(
    (files: readonly ImportSource[]) => {
      if (files.length === 0) return;
      queue.current = queue.current
        .then(async () => {
          const summary = await importFiles(bridge, files, setProgress);
          status.update({ notice: describeImport(summary) });
        })
        .catch((error: unknown) => status.update({ notice: `Import failed: ${error instanceof Error ? error.message : String(error)}` }))
        .finally(() => setProgress(null));
    },
    [bridge, status],
  );
  const openPicker = useCallback(() => pickerRef.current?.click(), []);
  return useMemo(() => ({ progress, importFiles: run, openPicker, pickerRef }), [progress, run, openPicker]);
}
