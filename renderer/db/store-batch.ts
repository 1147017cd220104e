import { mergePaper } from '../../shared/merge';
import type { IngestBatch } from '../../shared/paper';
import { sortKeyOf, type PaperdropDatabase, type PaperRecord } from './database';

/**
 * Stores one file's batch in one transaction: papers merged with what is stored, and the
 * source recorded. Idempotent, and it never opens the states table, so read/star survive.
 * Returns the ids of the papers written.
 */
export async function storeBatch(db: PaperdropDatabase, batch: IngestBatch): Promise<string[]> {
  return db.transaction('rw', db.papers, db.sources, async () => {
    const ids = batch.papers.map((paper) => paper.id);
    const stored = await db.papers.bulkGet(ids);
    const merged: PaperRecord[] = batch.papers.map((incoming, index) => {
      const paper = mergePaper(stored[index], incoming);
      return { ...paper, sortKey: sortKeyOf(paper) };
    });
    await db.papers.bulkPut(merged);
    await db.sources.put({
      hash: batch.hash,
      file: batch.file,
      format: batch.format,
      seenAt: batch.seenAt,
      paperCount: batch.papers.length,
      errors: batch.errors,
    });
    return ids;
  });
}
