import { useMemo } from 'react';
import { backupDocument } from '../backup/backup-document';
import { restoreBackup, type RestoreSummary } from '../backup/restore-backup';
import { readSettings } from '../settings/settings-store';
import { useServices } from './app-context';
import { downloadFile } from './download';

export interface BackupActions {
  /** Downloads every mark with its times, and the settings; the number of marks saved. */
  backUp: () => Promise<number>;
  /** Merges a backup file into this library (newer times win) and takes its settings. Throws BackupError for a wrong file. */
  restore: (file: Blob) => Promise<RestoreSummary>;
}

export function useBackup(): BackupActions {
  const { db, settings, marks, markSets } = useServices();
  return useMemo(
    () => ({
      backUp: async () => {
        const document = await backupDocument(db, { ...settings.get() });
        downloadFile(`paperdrop-backup-${document.exportedAt.slice(0, 10)}.json`, 'application/json', JSON.stringify(document, null, 2));
        return document.marks.length;
      },
      restore: async (file) => {
        const summary = await restoreBackup(db, await file.text());
        settings.update(readSettings(summary.settings));
        marks.clear();
        await markSets.reload();
        return summary;
      },
    }),
    [db, settings, marks, markSets],
  );
}
