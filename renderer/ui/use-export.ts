import { useCallback } from 'react';
import { readPapers } from '../db/paper-pages';
import { contentOf } from '../db/paper-record';
import { exportFile, exportPapers, type ExportFormat } from '../export/export-file';
import { useServices } from './app-context';
import { downloadFile } from './download';

/** Exports papers by id, in that order, as a downloaded file named for the view they came from. */
export function useExport(): (format: ExportFormat, ids: readonly string[], viewName: string) => Promise<void> {
  const { db } = useServices();
  return useCallback(
    async (format, ids, viewName) => {
      const records = await readPapers(db, ids);
      const papers = records.flatMap((record) => (record ? [contentOf(record)] : []));
      const now = new Date();
      const { fileName, mimeType } = exportFile(format, viewName, now);
      downloadFile(fileName, mimeType, await exportPapers(format, papers, now));
    },
    [db],
  );
}
