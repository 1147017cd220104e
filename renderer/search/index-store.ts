import type { PaperdropDatabase } from '../db/database';
import { INDEX_SCHEMA, partKey, type SnapshotHead, type SnapshotPart, type SnapshotRecord } from './index-snapshot';

const isHead = (record: SnapshotRecord): record is SnapshotHead => 'schema' in record;

/** The saved index's head, when one of this schema is saved. */
export async function readSnapshotHead(db: PaperdropDatabase): Promise<SnapshotHead | null> {
  const head = await db.searchIndex.get('head');
  return head && isHead(head) && head.schema === INDEX_SCHEMA ? head : null;
}

export async function readSnapshotPart(db: PaperdropDatabase, part: number): Promise<SnapshotPart> {
  const record = await db.searchIndex.get(partKey(part));
  if (!record || isHead(record)) throw new Error(`search index part ${part} is missing`);
  return record;
}

/** Replaces whatever index was saved, of any schema, in one transaction: a crash keeps the old one whole. */
export function writeSnapshot(db: PaperdropDatabase, records: readonly SnapshotRecord[]): Promise<void> {
  return db.transaction('rw', db.searchIndex, async () => {
    await db.searchIndex.clear();
    await db.searchIndex.bulkPut([...records]);
  });
}
