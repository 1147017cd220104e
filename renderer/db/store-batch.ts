import { matchKeys, planMerge } from '../../shared/merge';
import type { IngestBatch } from '../../shared/paper';
import { toPaperRecord, type PaperdropDatabase, type PaperRecord, type PaperState } from './database';

export interface StoredChange {
  /** The papers as written, for the search index. */
  written: PaperRecord[];
  /** Papers folded into another and gone. */
  removed: string[];
}

/**
 * Stores one file's batch in one transaction, merged with the stored papers it matches by the
 * shared merge rules, and records the source. Idempotent. Read/star state is only ever carried
 * over, when two stored papers turn out to be one.
 */
export async function storeBatch(db: PaperdropDatabase, batch: IngestBatch): Promise<StoredChange> {
  return db.transaction('rw', [db.papers, db.states, db.sources, db.meta], async () => {
    const keys = [...new Set(batch.papers.flatMap(matchKeys))];
    const stored = keys.length > 0 ? await db.papers.where('keys').anyOf(keys).toArray() : [];
    const plan = planMerge(stored, batch.papers);
    const generation = ((await db.meta.get('generation'))?.value ?? 0) + 1;
    await db.meta.put({ key: 'generation', value: generation });
    const written = plan.put.map((paper) => toPaperRecord(paper, generation));
    await db.papers.bulkPut(written);
    if (plan.absorbed.length > 0) await absorb(db, plan.absorbed);
    await db.sources.put({
      hash: batch.hash,
      file: batch.file,
      format: batch.format,
      seenAt: batch.seenAt,
      paperCount: batch.papers.length,
      errors: batch.errors,
    });
    return { written, removed: plan.absorbed.map(({ from }) => from) };
  });
}

/** Folds each absorbed paper's marks into the paper it became (a mark set on either stays set), then drops it. */
async function absorb(db: PaperdropDatabase, absorbed: { from: string; into: string }[]): Promise<void> {
  const states = await db.states.bulkGet(absorbed.flatMap(({ from, into }) => [from, into]));
  const merged = new Map<string, PaperState>();
  absorbed.forEach(({ into }, index) => {
    const [from, current] = [states[index * 2], merged.get(into) ?? states[index * 2 + 1]];
    if (!from && !current) return;
    merged.set(into, {
      paperId: into,
      read: from?.read === 1 || current?.read === 1 ? 1 : 0,
      starred: from?.starred === 1 || current?.starred === 1 ? 1 : 0,
      updatedAt: [from?.updatedAt ?? '', current?.updatedAt ?? ''].sort().at(-1)!,
    });
  });
  await db.states.bulkPut([...merged.values()]);
  await db.states.bulkDelete(absorbed.map(({ from }) => from));
  await db.papers.bulkDelete(absorbed.map(({ from }) => from));
}
