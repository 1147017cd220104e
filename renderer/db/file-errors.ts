import type { FileError } from '../../shared/paper';
import type { PaperdropDatabase, SourceRecord } from './database';

/** The stored files with errors to show. */
export function readFailedSources(db: PaperdropDatabase): Promise<SourceRecord[]> {
  return db.sources.filter((source) => source.errors.length > 0).toArray();
}

/** The user has seen one of a file's errors: it leaves the list. The file stays stored, so it is not read again. */
export async function dismissFileError(db: PaperdropDatabase, hash: string, dismissed: FileError): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const source = await db.sources.get(hash);
    const kept = source?.errors.filter((error) => error.file !== dismissed.file || error.message !== dismissed.message);
    if (kept) await db.sources.update(hash, { errors: kept });
  });
}
