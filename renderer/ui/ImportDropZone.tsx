import { useEffect, useState } from 'react';
import { describeProgress } from '../sync/import-files';
import './import.css';
import type { Importer } from './use-import';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files dragged anywhere onto the window are imported into the watched folder: an overlay says so
 * while they hover. Also renders the picker that "Import files…" opens, and the progress line.
 */
export function ImportDropZone({ importer }: { importer: Importer }) {
  const [dragging, setDragging] = useState(false);
  const { importFiles, pickerRef, progress } = importer;

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the drag leaves the window.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file in place of Paperdrop.
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      importFiles([...(event.dataTransfer?.files ?? [])]);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  return (
    <>
      <input
        ref={pickerRef}
        type="file"
        multiple
        hidden
        data-testid="import-picker"
        aria-label="Import files"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so that picking the same file again is a change too.
          event.target.value = '';
          importFiles(files);
        }}
      />
      {dragging && (
        <div className="import-overlay" aria-hidden="true">
          <p>Drop feed files to import</p>
        </div>
      )}
      {progress && (
        <p className="import-progress" role="status" data-testid="import-progress">
          {describeProgress(progress)}
        </p>
      )}
    </>
  );
}
