import Dexie from 'dexie';
import { useEffect, useState } from 'react';

/** While the table is written, its reads take at most this share of the time. */
const MAX_READ_SHARE = 0.1;

/**
 * A query over one table, read at once and again after the table changes, at most once per
 * `intervalMs`, and further apart when a read takes long (at most MAX_READ_SHARE of the time);
 * undefined until first read. Unlike useLiveQuery, which reads again after every write, a stream of
 * stored batches costs one read a second, not one per batch: each batch writes `sources`, and
 * reading every source after each of 10,000 files made ingest slow down as it went. Even once a
 * second, a read of every source grows with the files stored (docs/long-run.md).
 * `query` should be stable (a useCallback's).
 */
export function useThrottledTableQuery<T>(db: Dexie, table: string, query: () => Promise<T>, intervalMs: number): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const tablePart = `idb://${db.name}/${table}/`;
    let stopped = false;
    let reading = false;
    let due = false;
    let lastRead = Number.NEGATIVE_INFINITY;
    let lastReadMs = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      reading = true;
      lastRead = performance.now();
      try {
        const next = await query();
        if (!stopped) setValue(() => next);
      } catch (error) {
        console.error(`Paperdrop: reading ${table} failed`, error);
      } finally {
        reading = false;
        lastReadMs = performance.now() - lastRead;
        if (due) schedule();
      }
    };
    const schedule = () => {
      due = reading;
      if (stopped || reading || timer !== undefined) return;
      const spacing = Math.max(intervalMs, lastReadMs / MAX_READ_SHARE);
      timer = setTimeout(() => {
        timer = undefined;
        void read();
      }, Math.max(0, lastRead + spacing - performance.now()));
    };
    const onMutated = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((part) => part.startsWith(tablePart))) schedule();
    };
    Dexie.on('storagemutated', onMutated);
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
  }, [db, table, query, intervalMs]);
  return value;
}
