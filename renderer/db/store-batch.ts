import { matchKeys, planMerge } from '../../shared/merge';
import type { IngestBatch } from '../../shared/paper';
import { toPaperRecord, type PaperdropDatabase, type PaperRecord, type PaperState } from './database';
import { knownKeysOf } from './known-keys';
import { eitherMarks, unmarked } from './mark-merge';
import { logStoredChange } from './newest-first';
import { dropFromLists, leaveLists, listRecords } from './paper-lists';
import { applyPendingMarks } from './pending-marks';

export interface StoredChange {
  /** The papers as written: the search index and the views that follow stored batches take them from here. */
  written: PaperRecord[];
  /** Papers folded into another and gone. */
  removed: string[];
}

/**
 * Stores one file's batch in one transaction, merged with the stored papers it matches by the
 * shared merge rules, and records the source. Idempotent. Read/star state is only ever carried
 * over, when two stored papers turn out to be one, or taken from marks pending for a paper that arrives.
 */
export async function storeBatch(db: PaperdropDatabase, batch: IngestBatch): Promise<StoredChange> {
  const known = knownKeysOf(db);
  const tables = [db.papers, db.states, db.pendingMarks, db.sources, db.meta, db.keyDigests, db.lists, db.orderLog];
  const { change, digests, generation } = await db.transaction('rw', tables, async () => {
    const generation = ((await db.meta.get('generation'))?.value ?? 0) + 1;
    await known.catchUp(db, generation - 1);
    // Only keys some stored paper may hold are asked for: in a large ingest, hardly any.
    const stored = await storedMatching(db, [...new Set(batch.papers.flatMap(matchKeys))].filter((key) => known.mayHold(key)));
    const plan = planMerge(stored, batch.papers);
    await db.meta.put({ key: 'generation', value: generation });
    const written = plan.put.map((paper) => toPaperRecord(paper, generation));
    await putInChunks(db, written);
    await leaveLists(db, stored, written);
    await db.lists.bulkPut(listRecords(written, generation));
    const digests = known.unknown(written.flatMap((paper) => [paper.id, ...paper.keys]));
    if (digests.length > 0) await db.keyDigests.put({ generation, digests });
    if (plan.absorbed.length > 0) await absorb(db, plan.absorbed, stored);
    await applyPendingMarks(db, written);
    await db.sources.put({
      hash: batch.hash,
      file: batch.file,
      format: batch.format,
      seenAt: batch.seenAt,
      paperCount: batch.papers.length,
      errors: batch.errors,
    });
    const change = { written, removed: plan.absorbed.map(({ from }) => from) };
    if (written.length > 0) await logStoredChange(db, change, generation);
    return { change, digests, generation };
  });
  known.add(digests, generation);
  return change;
}

/** Papers put per burst: the page clones each and takes its index keys, some 0.1–0.3 ms a paper. */
const PUT_CHUNK = 100;

/**
 * Puts the papers a chunk at a time, each chunk issued while the database still writes the one
 * before: the page never spends seconds issuing one file's writes, and the database never waits.
 */
async function putInChunks(db: PaperdropDatabase, papers: PaperRecord[]): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (let start = 0; start < papers.length; start += PUT_CHUNK) {
    writes.push(db.papers.bulkPut(papers.slice(start, start + PUT_CHUNK)));
    if (writes.length > 1) await writes.at(-2);
  }
  await Promise.all(writes);
}

/**
 * The stored papers that carry any of the keys: the paper whose id a key is, and those that list it
 * in their keys. Each key is asked for on its own, all at once, and each paper is read once; Dexie's
 * anyOf would walk one cursor a key at a time instead.
 */
async function storedMatching(db: PaperdropDatabase, keys: string[]): Promise<PaperRecord[]> {
  const [owners, holders] = await Promise.all([
    db.papers.bulkGet(keys),
    Promise.all(keys.map((key) => db.papers.where('keys').equals(key).primaryKeys())),
  ]);
  const found = new Map(owners.filter((paper) => paper !== undefined).map((paper) => [paper.id, paper]));
  const others = [...new Set(holders.flat())].filter((id) => !found.has(id));
  for (const paper of others.length > 0 ? await db.papers.bulkGet(others) : []) if (paper) found.set(paper.id, paper);
  return [...found.values()];
}

/** Folds each absorbed paper's marks into the paper it became (a mark set on either stays set), then drops it and its place in the lists. */
async function absorb(db: PaperdropDatabase, absorbed: { from: string; into: string }[], stored: readonly PaperRecord[]): Promise<void> {
  const states = await db.states.bulkGet(absorbed.flatMap(({ from, into }) => [from, into]));
  const merged = new Map<string, PaperState>();
  absorbed.forEach(({ into }, index) => {
    const [from, current] = [states[index * 2], merged.get(into) ?? states[index * 2 + 1]];
    if (!from && !current) return;
    merged.set(into, eitherMarks(current ?? unmarked(into), from ?? unmarked(into)));
  });
  await db.states.bulkPut([...merged.values()]);
  await db.states.bulkDelete(absorbed.map(({ from }) => from));
  await db.papers.bulkDelete(absorbed.map(({ from }) => from));
  const gone = new Set(absorbed.map(({ from }) => from));
  await dropFromLists(db, stored.filter((paper) => gone.has(paper.id)));
}
