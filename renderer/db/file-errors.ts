import type { PaperdropDatabase } from './database';
import type { SourceRecord } from './records';

/**
 * The stored files with errors to show. Dismissing one is a write: library-writer.ts, dismissFileError.
 * One read of every source, filtered here: Dexie's `filter` steps a cursor through them one at a
 * time, a request each, and an ingest asks for them up to four times a second.
 */
export async function readFailedSources(db: PaperdropDatabase): Promise<SourceRecord[]> {
  return (await db.sources.toArray()).filter((source) => source.errors.length > 0);
}
