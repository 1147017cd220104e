import type { PaperdropDatabase, PaperState } from '../db/database';
import { newestMarks, sameMarks, unmarked } from '../db/mark-merge';
import { papersAnswering } from '../db/pending-marks';
import { fromBackupMark, type BackupSettings } from './backup-format';
import { parseBackup } from './parse-backup';

export interface RestoreSummary {
  /** Backup marks that changed a paper's marks. */
  applied: number;
  /** Backup marks of papers in the library where every local mark was as new or newer. */
  keptLocal: number;
  /** Backup marks of papers not in the library: kept, to apply when those papers arrive. */
  pending: number;
  /** The backup's settings, as they were given to backupDocument. */
  settings: BackupSettings;
}

/**
 * Restores a backup file's text into the library in one transaction: field by field, the later
 * change wins, so newer local marks are never overwritten. A file that is not a valid backup
 * throws a BackupError and changes nothing.
 */
export async function restoreBackup(db: PaperdropDatabase, text: string): Promise<RestoreSummary> {
  const backup = parseBackup(text);
  const marks = backup.marks.map(fromBackupMark);
  return db.transaction('rw', db.papers, db.states, db.pendingMarks, async () => {
    const answering = await papersAnswering(db, [...new Set(marks.map((mark) => mark.paperId))]);
    const waiting = marks.filter((mark) => answering.get(mark.paperId)!.length === 0).map((mark) => mark.paperId);
    const states = await rowsOf(db.states, [...new Set([...answering.values()].flat())]);
    const pending = await rowsOf(db.pendingMarks, waiting);
    const summary = { applied: 0, keptLocal: 0, pending: 0, settings: backup.settings };
    for (const mark of marks) {
      const targets = answering.get(mark.paperId)!;
      if (targets.length === 0) {
        pending.merge(mark.paperId, mark);
        summary.pending += 1;
      } else if (targets.map((id) => states.merge(id, mark)).includes(true)) summary.applied += 1;
      else summary.keptLocal += 1;
    }
    await db.states.bulkPut(states.changed());
    await db.pendingMarks.bulkPut(pending.changed());
    return summary;
  });
}

/** Rows of one table, read once, merged with backup marks in memory, and the changed ones written at the end. */
async function rowsOf(table: PaperdropDatabase['states'], ids: string[]) {
  const rows = new Map((await table.bulkGet(ids)).flatMap((row) => (row ? [[row.paperId, row] as const] : [])));
  const changed = new Set<string>();
  return {
    /** Whether the mark changed the row. */
    merge(id: string, mark: PaperState): boolean {
      const current = rows.get(id) ?? unmarked(id);
      const next = newestMarks(current, mark);
      if (sameMarks(current, next)) return false;
      rows.set(id, next);
      changed.add(id);
      return true;
    },
    changed: () => [...changed].map((id) => rows.get(id)!),
  };
}
