import type { StoredChange } from '../db/records';

/** Each batch's change once it is stored, for the views kept current from them. */
export class StoredChanges {
  private readonly listeners = new Set<(change: StoredChange) => void>();

  publish(change: StoredChange): void {
    for (const listener of this.listeners) listener(change);
  }

  subscribe(listener: (change: StoredChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * A value read from the database once, then kept current from every stored change instead of
 * being read again, so a large ingest never re-reads it. The read and the changes are applied in
 * turn, one at a time; a change published while the read runs is applied after it, so `apply` must
 * leave a change the read already saw as it was. Returns a function that stops following.
 */
export function followChanges<T>(
  changes: StoredChanges,
  read: () => Promise<T>,
  apply: (value: T, change: StoredChange) => T | Promise<T>,
  onValue: (value: T) => void,
): () => void {
  let value: T;
  let stopped = false;
  let failed = false;
  let turn = Promise.resolve();
  const inTurn = (next: () => Promise<T>) => {
    turn = turn.then(async () => {
      if (stopped || failed) return;
      try {
        value = await next();
        if (!stopped) onValue(value);
      } catch (error) {
        failed = true;
        console.error('Paperdrop: a view of the library stopped following it', error);
      }
    });
  };
  inTurn(read);
  const unsubscribe = changes.subscribe((change) => inTurn(async () => apply(value, change)));
  return () => {
    stopped = true;
    unsubscribe();
  };
}
