import type { PaperdropDatabase } from './database';
import type { SourceRecord } from './records';

/** The stored files with errors to show. Dismissing one is a write: library-writer.ts, dismissFileError. */
export function readFailedSources(db: PaperdropDatabase): Promise<SourceRecord[]> {
  return db.sources.filter((source) => source.errors.length > 0).toArray();
}
