import type { PaperdropDatabase, PaperState } from './database';
import { STAMP, unmarked } from './mark-merge';

export type Mark = 'read' | 'starred';

/** What a paper's marks were before a change: its state row, or none. */
export interface PriorState {
  paperId: string;
  state: PaperState | undefined;
}

/** Sets one mark on many papers in one transaction, stamping that mark's time only; returns what each was before, for undo. */
export async function setMarks(db: PaperdropDatabase, paperIds: readonly string[], mark: Mark, on: boolean): Promise<PriorState[]> {
  return db.transaction('rw', db.states, async () => {
    const current = await db.states.bulkGet([...paperIds]);
    const now = new Date().toISOString();
    const next = paperIds.map((paperId, index): PaperState => {
      const state = { ...(current[index] ?? unmarked(paperId)) };
      state[mark] = on ? 1 : 0;
      // Stamped even when unchanged: setting it again is the user's latest word, which a restore must not undo.
      state[STAMP[mark]] = now;
      return state;
    });
    await db.states.bulkPut(next);
    return paperIds.map((paperId, index) => ({ paperId, state: current[index] }));
  });
}

/** Puts papers' marks back exactly as they were before a change, times included. */
export async function restoreStates(db: PaperdropDatabase, prior: readonly PriorState[]): Promise<void> {
  await db.transaction('rw', db.states, async () => {
    await db.states.bulkDelete(prior.filter((each) => each.state === undefined).map((each) => each.paperId));
    await db.states.bulkPut(prior.flatMap((each) => (each.state ? [each.state] : [])));
  });
}
