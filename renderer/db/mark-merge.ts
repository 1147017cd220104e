import type { Mark, PaperState } from './records';

export const MARKS = ['read', 'starred'] as const satisfies readonly Mark[];

/** The field holding when each mark last changed. */
export const STAMP = { read: 'readAt', starred: 'starredAt' } as const satisfies Record<Mark, keyof PaperState>;

/** A paper's marks before anyone set them: what no state row means. */
export function unmarked(paperId: string): PaperState {
  return { paperId, read: 0, readAt: null, starred: 0, starredAt: null };
}

/**
 * Field by field, the later change wins: how a backup or pending marks meet local ones. At the same
 * instant a set mark wins over a cleared one, so the result never depends on which side came first.
 */
export function newestMarks(local: PaperState, other: PaperState): PaperState {
  return pickEach(local, other, (mark, state) => [state[STAMP[mark]] ?? '', state[mark]]);
}

/** Field by field, a mark set on either stays set, with the time it was last set: how two papers found to be one combine. */
export function eitherMarks(local: PaperState, other: PaperState): PaperState {
  return pickEach(local, other, (mark, state) => [state[mark], state[STAMP[mark]] ?? '']);
}

export function sameMarks(a: PaperState, b: PaperState): boolean {
  return MARKS.every((mark) => a[mark] === b[mark] && a[STAMP[mark]] === b[STAMP[mark]]);
}

/** Keeps local's paperId; each mark, with its time, comes from whichever side ranks higher (local on a tie). */
function pickEach(local: PaperState, other: PaperState, rank: (mark: Mark, state: PaperState) => [string | number, string | number]): PaperState {
  const next = { ...local };
  for (const mark of MARKS) {
    const [mine, theirs] = [rank(mark, local), rank(mark, other)];
    if (theirs[0] > mine[0] || (theirs[0] === mine[0] && theirs[1] > mine[1])) {
      next[mark] = other[mark];
      next[STAMP[mark]] = other[STAMP[mark]];
    }
  }
  return next;
}
