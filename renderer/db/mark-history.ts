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
    this.steps.push(await setMarks(this.db, paperIds, mark, on));
    if (this.steps.length > UNDO_DEPTH) this.steps.shift();
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
