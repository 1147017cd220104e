/** Work done a piece at a time: a generator that yields between pieces and returns the result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps straight through, on this call. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
