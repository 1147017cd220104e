import type { PaperdropDatabase, PaperState } from './database';
import { READ_RANGE_FROM, rowsSpanning } from './id-range';
import { STAMP, unmarked } from './mark-merge';
import { papersAnswering, storedIds } from './pending-marks';

export type Mark = 'read' | 'starred';
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

/*
 * A row in `states` is for a paper in the library: the counts rely on it. A key press can race a
 * batch that merges its paper away, so marks go to the paper that answers to the id now, and an
 * undo puts back only the rows of papers still there.
 */

/** Sets one mark on many papers in one transaction, stamping that mark's time only; returns what each was before, for undo. */
export async function setMarks(db: PaperdropDatabase, paperIds: readonly string[], mark: Mark, change: MarkChange): Promise<PriorState[]> {
  return db.transaction('rw', db.papers, db.states, async () => {
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
  await db.transaction('rw', db.papers, db.states, async () => {
    const present = await storedIds(db, prior.map((each) => each.paperId));
    const still = prior.filter((each) => present.has(each.paperId));
    await db.states.bulkDelete(still.filter((each) => each.state === undefined).map((each) => each.paperId));
    await db.states.bulkPut(still.flatMap((each) => (each.state ? [each.state] : [])));
  });
}
