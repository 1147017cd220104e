export interface Paced<T> {
  /** Hands over the latest value: delivered at once after a quiet interval, else at the end of the current one. */
  push(value: T): void;
  /** Drops a delivery still waiting. */
  cancel(): void;
}

/**
 * Delivers the values pushed at most once per `intervalMs`, always the latest, and the last of a
 * burst always: a value after a quiet interval at once, values that keep coming at the end of each
 * interval. What a stream of stored batches changes is drawn a few times a second, not once a
 * batch, and the search index saved every few seconds.
 */
export function paced<T>(deliver: (value: T) => void, intervalMs: number): Paced<T> {
  let lastDelivered = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: T;
  const deliverLatest = () => {
    timer = undefined;
    lastDelivered = performance.now();
    deliver(latest);
  };
  return {
    push(value) {
      latest = value;
      if (timer !== undefined) return;
      const wait = lastDelivered + intervalMs - performance.now();
      if (wait <= 0) deliverLatest();
      else timer = setTimeout(deliverLatest, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
