import type { PaperdropDatabase } from './database';
import { restoreStates, setMarks, type Mark, type PriorState } from './paper-state';

/** How many mark changes z can take back. */
const UNDO_DEPTH = 200;

/** Mark changes, each one undoable as a whole: a bulk "mark all as read" is one step. */
export class MarkHistory {
  private readonly steps: PriorState[][] = [];

  constructor(private readonly db: PaperdropDatabase) {}

  async set(paperIds: readonly string[], mark: Mark, on: boolean): Promise<void> {
    if (paperIds.length === 0) return;
    const prior = await setMarks(this.db, paperIds, mark, on);
    // A change that changed nothing is no step: z takes back what the user last changed.
    if (prior.every(({ state }) => (state?.[mark] ?? 0) === (on ? 1 : 0))) return;
    this.steps.push(prior);
    if (this.steps.length > UNDO_DEPTH) this.steps.shift();
  }

  /** Forgets every step: after a restore, an older step would put back marks from before it. */
  clear(): void {
    this.steps.length = 0;
  }

  get canUndo(): boolean {
    return this.steps.length > 0;
  }

  /** Takes back the last change; the number of papers it touched. */
  async undo(): Promise<number> {
    const last = this.steps.pop();
    if (!last) return 0;
    await restoreStates(this.db, last);
    return last.length;
  }
}
