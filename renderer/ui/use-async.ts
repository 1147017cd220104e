import { useEffect, useRef, useState, type DependencyList } from 'react';

/**
 * The result of an async read, run again when a dependency changes — unlike a live query, not on
 * every database write, for reads too large to repeat per write. Undefined until the first result.
 * A read that finishes after a later one started still shows, unless that later one has finished
 * first: under a heavy ingest a read can take longer than the interval between changes, and the
 * list must not wait for the ingest to end.
 */
export function useAsync<T>(read: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  const started = useRef(0);
  const shown = useRef(0);
  useEffect(() => {
    const run = ++started.current;
    void read().then((result) => {
      if (run < shown.current) return;
      shown.current = run;
      setValue(() => result);
    });
  }, deps);
  return value;
}
