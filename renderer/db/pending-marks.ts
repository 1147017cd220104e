import type { PaperdropDatabase } from './database';
import { READ_RANGE_FROM, rowsSpanning } from './id-range';

/*
 * Marks for an id no stored paper answers to (restored from a backup, say) wait in pendingMarks.
 * A paper answers to an id when it is its id or one of its merge keys: the same rule that makes two
 * listings one paper, so marks find the paper whichever listing of it arrives, and whatever id it
 * had in the library the backup came from. The rule is read here; mark-writer.ts writes the marks.
 */

/** For each id, the stored papers that answer to it; none means its marks must wait. Inside a transaction on papers. */
export async function papersAnswering(db: PaperdropDatabase, ids: readonly string[]): Promise<Map<string, string[]>> {
  const present = await storedIds(db, ids);
  const absent = ids.filter((id) => !present.has(id));
  const holders = await Promise.all(absent.map((id) => db.papers.where('keys').equals(id).primaryKeys()));
  const answering = new Map(ids.map((id) => [id, present.has(id) ? [id] : []]));
  absent.forEach((id, index) => answering.set(id, holders[index]!));
  return answering;
}

/** Those of the ids that are stored papers' own ids. Fastest for ids that lie close together in key order. */
export async function storedIds(db: PaperdropDatabase, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length < READ_RANGE_FROM) return new Set(await db.papers.where(':id').anyOf([...ids]).primaryKeys());
  const inRange = new Set(await rowsSpanning(db.papers, ids).primaryKeys());
  return new Set(ids.filter((id) => inRange.has(id)));
}
