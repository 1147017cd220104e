/** How often a slice of work over terms looks at the clock: performance.now() costs more than one term. */
export const TERMS_PER_CLOCK = 256;

/**
 * Feeds the iterator's entries to `each` until they run out (true) or `deadline` (performance.now())
 * has passed (false); the next call carries on where this one stopped.
 */
export function walkUntil<T>(entries: Iterator<T>, deadline: number, each: (entry: T) => void): boolean {
  for (let count = 1; ; count += 1) {
    const next = entries.next();
    if (next.done) return true;
    each(next.value);
    if (count % TERMS_PER_CLOCK === 0 && performance.now() > deadline) return false;
  }
}
