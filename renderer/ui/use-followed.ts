import { useEffect, useState, type DependencyList } from 'react';
import type { StoredChange } from '../db/store-batch';
import { followChanges } from '../sync/stored-changes';
import { useServices } from './app-context';

/** A value read once and then kept current from each stored batch (see followChanges); undefined until read. */
export function useFollowed<T>(read: () => Promise<T>, apply: (value: T, change: StoredChange) => T | Promise<T>, deps: DependencyList): T | undefined {
  const { changes } = useServices();
  const [value, setValue] = useState<T>();
  useEffect(() => followChanges(changes, read, apply, (next) => setValue(() => next)), [changes, ...deps]);
  return value;
}
