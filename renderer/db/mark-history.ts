import type { PaperdropDatabase } from './database';
import { restoreStates, setMarks, type MarkChange, type PriorState } from './mark-writer';
import type { Mark } from './records';

/** How many mark changes z can take back. */
const UNDO_DEPTH = 200;
/** Papers marked per transaction. */
const SLICE = 2000;

/** Who shows the marks: told of a change as it is asked for, and again once it is stored. */
export interface MarkListener {
  expect(paperIds: readonly string[], mark: Mark, change: MarkChange): void;
  /** `settled`: the ids of an expected change, now stored. */
  changed(paperIds: readonly string[], settled?: readonly string[]): Promise<void> | void;
}

/** Mark changes, each one undoable as a whole: a bulk "mark all as read" is one step. */
export class MarkHistory {
  private readonly steps: PriorState[][] = [];

  constructor(
    private readonly db: PaperdropDatabase,
    private readonly listener: MarkListener = { expect: () => undefined, changed: () => undefined },
  ) {}

  async set(paperIds: readonly string[], mark: Mark, change: MarkChange): Promise<void> {
    if (paperIds.length === 0) return;
    this.listener.expect(paperIds, mark, change);
    const prior: PriorState[] = [];
    try {
      // A transaction writing marks holds the papers too (a merge must not slip in between); in slices,
      // the reader reads the open paper between them instead of waiting out a whole "mark all read".
      // Sorted, so that each slice's papers lie together in key order and are found in one read (storedIds).
      const sorted = paperIds.length > SLICE ? [...paperIds].sort() : paperIds;
      for (let start = 0; start < sorted.length; start += SLICE) prior.push(...(await setMarks(this.db, sorted.slice(start, start + SLICE), mark, change)));
    } catch (error) {
      await this.listener.changed(paperIds, paperIds);
      throw error;
    }
    // A change that changed nothing is no step: z takes back what the user last changed.
    if (change === 'toggle' || prior.some(({ state }) => (state?.[mark] ?? 0) !== (change ? 1 : 0))) {
      this.steps.push(prior);
      if (this.steps.length > UNDO_DEPTH) this.steps.shift();
    }
    // The ids asked for as well: a paper merged away since, or never stored, was expected all the same.
    await this.listener.changed([...new Set([...paperIds, ...prior.map((each) => each.paperId)])], paperIds);
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
    await this.listener.changed(last.map((each) => each.paperId));
    return last.length;
  }
}
