import type { PaperdropDatabase } from '../db/database';
import { BACKUP_FORMAT, BACKUP_VERSION, toBackupMark, type BackupDocument, type BackupSettings } from './backup-format';

/** Every mark, of papers in the library and of those still pending, with the settings given: the UI saves it as one JSON file. */
export async function backupDocument(db: PaperdropDatabase, settings: BackupSettings): Promise<BackupDocument> {
  const [states, pending] = await db.transaction('r', db.states, db.pendingMarks, () => Promise.all([db.states.toArray(), db.pendingMarks.toArray()]));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    settings,
    marks: [...states, ...pending].map(toBackupMark),
  };
}
