import type { PaperdropDatabase } from './database';
import { READ_RANGE_FROM, rowsSpanning } from './id-range';
import { eitherMarks, newestMarks, sameMarks, STAMP, unmarked } from './mark-merge';
import { storedIds } from './paper-pages';
import { papersAnswering } from './pending-marks';
import type { Mark, PaperRecord, PaperState } from './records';

/*
 * The one module that writes the user's marks: `states` and `pendingMarks` (docs/storage-model.md).
 * Every way a mark changes is here, each with its rule: the user's word (setMarks), undo
 * (restoreStates), two stored papers found to be one (carryMarks), marks waiting for a paper that
 * arrives (applyPendingMarks) and a backup (restoreMarks).
 *
 * A row in `states` is for a paper in the library: the counts rely on it. A key press can race a
 * batch that merges its paper away, so marks go to the paper that answers to the id now, and an
 * undo puts back only the rows of papers still there.
 */

/**
 * On, off, or the other way from what the database holds when the change is written. A toggle is
 * decided inside the write's transaction, not from the window's copy of the marks, which trails the
 * writes: s pressed twice quickly stars and then unstars.
 */
export type MarkChange = boolean | 'toggle';

/** What a paper's marks were before a change: its state row, or none. */
export interface PriorState {
  paperId: string;
  state: PaperState | undefined;
}

/** Sets one mark on many papers in one transaction, stamping that mark's time only; returns what each was before, for undo. */
export async function setMarks(db: PaperdropDatabase, paperIds: readonly string[], mark: Mark, change: MarkChange): Promise<PriorState[]> {
  return db.transaction('rw', [db.pages, db.states, db.meta, db.keyDigests], async () => {
    const answering = await papersAnswering(db, paperIds);
    const targets = [...new Set(paperIds.flatMap((id) => answering.get(id) ?? []))];
    const current = await statesOf(db, targets);
    const now = new Date().toISOString();
    const next = targets.map((paperId, index): PaperState => {
      const state = { ...(current[index] ?? unmarked(paperId)) };
      state[mark] = (change === 'toggle' ? state[mark] === 0 : change) ? 1 : 0;
      // Stamped even when unchanged: setting it again is the user's latest word, which a restore must not undo.
      state[STAMP[mark]] = now;
      return state;
    });
    await db.states.bulkPut(next);
    return targets.map((paperId, index) => ({ paperId, state: current[index] }));
  });
}

/** The state rows of papers, in their order: for many, read as one range (a get per paper costs a round trip each). */
async function statesOf(db: PaperdropDatabase, paperIds: readonly string[]): Promise<(PaperState | undefined)[]> {
  if (paperIds.length < READ_RANGE_FROM) return db.states.bulkGet([...paperIds]);
  const rows = await rowsSpanning(db.states, paperIds).toArray();
  const byId = new Map(rows.map((row) => [row.paperId, row]));
  return paperIds.map((id) => byId.get(id));
}

/** Puts papers' marks back exactly as they were before a change, times included. */
export async function restoreStates(db: PaperdropDatabase, prior: readonly PriorState[]): Promise<void> {
  await db.transaction('rw', db.pages, db.states, async () => {
    const present = await storedIds(db, prior.map((each) => each.paperId));
    const still = prior.filter((each) => present.has(each.paperId));
    await db.states.bulkDelete(still.filter((each) => each.state === undefined).map((each) => each.paperId));
    await db.states.bulkPut(still.flatMap((each) => (each.state ? [each.state] : [])));
  });
}

/**
 * Inside storeBatch's transaction, for papers it merges away: folds each one's marks into the paper
 * it became (a mark set on either stays set) and drops its row, so `states` keeps to papers in the
 * library. Returns the papers whose marks changed.
 */
export async function carryMarks(db: PaperdropDatabase, absorbed: readonly { from: string; into: string }[]): Promise<string[]> {
  const states = await db.states.bulkGet(absorbed.flatMap(({ from, into }) => [from, into]));
  const merged = new Map<string, PaperState>();
  absorbed.forEach(({ into }, index) => {
    const [from, current] = [states[index * 2], merged.get(into) ?? states[index * 2 + 1]];
    if (!from && !current) return;
    merged.set(into, eitherMarks(current ?? unmarked(into), from ?? unmarked(into)));
  });
  await db.states.bulkPut([...merged.values()]);
  await db.states.bulkDelete(absorbed.map(({ from }) => from));
  return [...merged.keys()];
}

/**
 * Inside storeBatch's transaction: the papers just written take the marks waiting for them, the
 * later change winning field by field. Returns the papers that took marks.
 */
export async function applyPendingMarks(db: PaperdropDatabase, written: readonly PaperRecord[]): Promise<string[]> {
  if (written.length === 0 || (await db.pendingMarks.count()) === 0) return [];
  const addresses = (paper: PaperRecord) => [paper.id, ...paper.keys];
  const waiting = new Map<string, PaperState>();
  for (const mark of await db.pendingMarks.bulkGet([...new Set(written.flatMap(addresses))])) if (mark) waiting.set(mark.paperId, mark);
  if (waiting.size === 0) return [];
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
  return takers.map((paper) => paper.id);
}

/** What restoring a backup's marks did (see restoreMarks). */
export interface RestoredMarks {
  /** Backup marks that changed a paper's marks. */
  applied: number;
  /** Backup marks of papers in the library where every local mark was as new or newer. */
  keptLocal: number;
  /** Backup marks of papers not in the library: kept, to apply when those papers arrive. */
  pending: number;
}

/**
 * A backup's marks, in one transaction: each goes to every stored paper that answers to its id,
 * or waits in pendingMarks if none does; field by field, the later change wins, so newer local
 * marks are never overwritten.
 */
export async function restoreMarks(db: PaperdropDatabase, marks: readonly PaperState[]): Promise<RestoredMarks> {
  return db.transaction('rw', [db.pages, db.states, db.pendingMarks, db.meta, db.keyDigests], async () => {
    const answering = await papersAnswering(db, [...new Set(marks.map((mark) => mark.paperId))]);
    const waiting = marks.filter((mark) => answering.get(mark.paperId)!.length === 0).map((mark) => mark.paperId);
    const states = await rowsOf(db.states, [...new Set([...answering.values()].flat())]);
    const pending = await rowsOf(db.pendingMarks, waiting);
    const restored = { applied: 0, keptLocal: 0, pending: 0 };
    for (const mark of marks) {
      const targets = answering.get(mark.paperId)!;
      if (targets.length === 0) {
        pending.merge(mark.paperId, mark);
        restored.pending += 1;
      } else if (targets.map((id) => states.merge(id, mark)).includes(true)) restored.applied += 1;
      else restored.keptLocal += 1;
    }
    await db.states.bulkPut(states.changed());
    await db.pendingMarks.bulkPut(pending.changed());
    return restored;
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
