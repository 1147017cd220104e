import type { PaperdropDatabase } from '../db/database';
import { HEAD_KEY, isSavedHead, type SavedHead, type SavedIndexRecord, type SavedSegment, type SavedTerms } from './saved-index';

/** The saved index's head, when one of this fingerprint is saved. */
export async function readSavedHead(db: PaperdropDatabase, fingerprint: string): Promise<SavedHead | null> {
  const head = await db.searchIndex.get(HEAD_KEY);
  return isSavedHead(head) && head.fingerprint === fingerprint ? head : null;
}

export async function readSavedTerms(db: PaperdropDatabase, keys: readonly string[]): Promise<SavedTerms[]> {
  const records = await db.searchIndex.bulkGet([...keys]);
  return records.map((record, position) => {
    if (!record || !('terms' in record) || typeof record.terms !== 'string') throw new Error(`saved search index: term chunk ${keys[position]} is missing`);
    return record as SavedTerms;
  });
}

export async function readSavedSegment(db: PaperdropDatabase, key: string): Promise<SavedSegment> {
  const record = await db.searchIndex.get(key);
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
export function writeSavedIndex(db: PaperdropDatabase, write: IndexWrite): Promise<void> {
  return db.transaction('rw', db.searchIndex, async () => {
    if (write.replaceAll) await db.searchIndex.clear();
    else if (write.delete.length > 0) await db.searchIndex.bulkDelete(write.delete);
    await db.searchIndex.bulkPut([...write.put, write.head]);
  });
}
