import { useEffect, useState } from 'react';
import type { StoredChange } from '../db/records';
import { followChanges } from '../sync/stored-changes';
import { useServices } from './app-context';
import { paced } from '../paced';

/**
 * How often a followed value is drawn again while batches stream in. Drawn once a batch, the views
 * took the page's thread about 8 ms a file (React's renders and Blink's frames), a third of
 * what a small file costs (docs/long-run.md).
 */
export const FOLLOW_INTERVAL_MS = 250;

/**
 * A value read once and then kept current from each stored batch (see followChanges); undefined until read.
 * The first value shows at once, the changes at most once per `intervalMs`.
 * A new `read` or `apply` reads the value again: pass stable ones (module functions, or useCallback's).
 */
export function useFollowed<T>(read: () => Promise<T>, apply: (value: T, change: StoredChange) => T | Promise<T>, intervalMs = FOLLOW_INTERVAL_MS): T | undefined {
  const { changes } = useServices();
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const pace = paced<T>((next) => setValue(() => next), intervalMs);
    const stop = followChanges(changes, read, apply, pace.push);
    return () => {
      stop();
      pace.cancel();
    };
  }, [changes, read, apply, intervalMs]);
  return value;
}
