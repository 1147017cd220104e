import type { SearchIndexDatabase } from './search-index-database';
import { HEAD_KEY, isSavedHead, type SavedHead, type SavedIndexRecord, type SavedSegment, type SavedTerms } from './saved-index';

/** The saved index's head, when one of this fingerprint is saved. */
export async function readSavedHead(db: SearchIndexDatabase, fingerprint: string): Promise<SavedHead | null> {
  const head = await db.savedIndex.get(HEAD_KEY);
  return isSavedHead(head) && head.fingerprint === fingerprint ? head : null;
}

export async function readSavedTerms(db: SearchIndexDatabase, keys: readonly string[]): Promise<SavedTerms[]> {
  const records = await db.savedIndex.bulkGet([...keys]);
  return records.map((record, position) => {
    if (!record || !('terms' in record) || typeof record.terms !== 'string') throw new Error(`saved search index: term chunk ${keys[position]} is missing`);
    return record as SavedTerms;
  });
}

export async function readSavedSegment(db: SearchIndexDatabase, key: string): Promise<SavedSegment> {
  const record = await db.savedIndex.get(key);
  if (!record || !('runStarts' in record)) throw new Error(`saved search index: ${key} is missing`);
  return record;
}

/** What one write changes in the saved index; `replaceAll` first empties the table of any other index. */
export interface IndexWrite {
  replaceAll: boolean;
  put: SavedIndexRecord[];
  delete: string[];
  head: SavedHead;
}

/** One transaction: a crash leaves the saved index as it was before the write, or as after it. */
export function writeSavedIndex(db: SearchIndexDatabase, write: IndexWrite): Promise<void> {
  return db.transaction('rw', db.savedIndex, async () => {
    if (write.replaceAll) await db.savedIndex.clear();
    else if (write.delete.length > 0) await db.savedIndex.bulkDelete(write.delete);
    await db.savedIndex.bulkPut([...write.put, write.head]);
  });
}
