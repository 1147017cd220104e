import { useEffect, useState } from 'react';
import type { StoredChange } from '../db/records';
import { followChanges } from '../sync/stored-changes';
import { useServices } from './app-context';

/**
 * A value read once and then kept current from each stored batch (see followChanges); undefined until read.
 * A new `read` or `apply` reads the value again: pass stable ones (module functions, or useCallback's).
 */
export function useFollowed<T>(read: () => Promise<T>, apply: (value: T, change: StoredChange) => T | Promise<T>): T | undefined {
  const { changes } = useServices();
  const [value, setValue] = useState<T>();
  useEffect(() => followChanges(changes, read, apply, (next) => setValue(() => next)), [changes, read, apply]);
  return value;
}
