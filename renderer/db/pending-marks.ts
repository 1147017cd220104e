import type { PaperdropDatabase, PaperRecord, PaperState } from './database';
import { READ_RANGE_FROM, rowsSpanning } from './id-range';
import { newestMarks, unmarked } from './mark-merge';

/*
 * Marks for an id no stored paper answers to (restored from a backup, say) wait in pendingMarks.
 * A paper answers to an id when it is its id or one of its merge keys: the same rule that makes two
 * listings one paper, so marks find the paper whichever listing of it arrives, and whatever id it
 * had in the library the backup came from.
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

/** Inside storeBatch's transaction: the papers just written take the marks waiting for them, the later change winning field by field. */
export async function applyPendingMarks(db: PaperdropDatabase, written: readonly PaperRecord[]): Promise<void> {
  if (written.length === 0 || (await db.pendingMarks.count()) === 0) return;
  const addresses = (paper: PaperRecord) => [paper.id, ...paper.keys];
  const waiting = new Map<string, PaperState>();
  for (const mark of await db.pendingMarks.bulkGet([...new Set(written.flatMap(addresses))])) if (mark) waiting.set(mark.paperId, mark);
  if (waiting.size === 0) return;
  const takers = written.filter((paper) => addresses(paper).some((id) => waiting.has(id)));
  const current = await db.states.bulkGet(takers.map((paper) => paper.id));
  await db.states.bulkPut(
    takers.map((paper, index) =>
      addresses(paper)
        .flatMap((id) => waiting.get(id) ?? [])
        .reduce(newestMarks, current[index] ?? unmarked(paper.id)),
    ),
  );
  await db.pendingMarks.bulkDelete([...waiting.keys()]);
}
