import type { Transaction } from 'dexie';
import type { PaperState } from './database';

/** A state row as schema versions 1–5 stored it. */
interface UnstampedState {
  paperId: string;
  read: 0 | 1;
  starred: 0 | 1;
  updatedAt: string;
}

/**
 * Schema 6: each mark gets its own time, the row's updatedAt. Rows for ids no paper has (a mark
 * set as its paper was merged away) move to pendingMarks, so the counts take only papers in the
 * library and the marks still apply should that id arrive again.
 */
export async function stampMarks(transaction: Transaction): Promise<void> {
  const states = transaction.table<PaperState, string>('states');
  const old = (await states.toArray()) as unknown as UnstampedState[];
  const present = new Set(await transaction.table('papers').where(':id').anyOf(old.map((row) => row.paperId)).primaryKeys());
  const stamped = old.map(({ paperId, read, starred, updatedAt }): PaperState => ({ paperId, read, readAt: updatedAt, starred, starredAt: updatedAt }));
  await states.bulkPut(stamped.filter((row) => present.has(row.paperId)));
  const orphans = stamped.filter((row) => !present.has(row.paperId));
  await transaction.table<PaperState, string>('pendingMarks').bulkPut(orphans);
  await states.bulkDelete(orphans.map((row) => row.paperId));
}
