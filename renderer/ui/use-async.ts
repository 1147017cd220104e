import { useEffect, useState, type DependencyList } from 'react';

/**
 * The result of an async read, run again when a dependency changes — unlike a live query, not on
 * every database write, for reads too large to repeat per write. Undefined until the first result;
 * keeps the last result while the next one is read.
 */
export function useAsync<T>(read: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void read().then((result) => {
      if (live) setValue(() => result);
    });
    return () => {
      live = false;
    };
  }, deps);
  return value;
}
