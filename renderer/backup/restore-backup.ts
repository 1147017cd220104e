import type { PaperdropDatabase } from '../db/database';
import { restoreMarks, type RestoredMarks } from '../db/mark-writer';
import { fromBackupMark, type BackupSettings } from './backup-format';
import { parseBackup } from './parse-backup';

export interface RestoreSummary extends RestoredMarks {
  /** The backup's settings, as they were given to backupDocument. */
  settings: BackupSettings;
}

/**
 * Restores a backup file's text into the library in one transaction: field by field, the later
 * change wins, so newer local marks are never overwritten (restoreMarks). A file that is not a
 * valid backup throws a BackupError and changes nothing.
 */
export async function restoreBackup(db: PaperdropDatabase, text: string): Promise<RestoreSummary> {
  const backup = parseBackup(text);
  const restored = await restoreMarks(db, backup.marks.map(fromBackupMark));
  return { ...restored, settings: backup.settings };
}
