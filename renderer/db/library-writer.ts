import { matchKeys, planMerge } from '../../shared/merge';
import type { FileError, IngestBatch } from '../../shared/paper';
import type { PaperdropDatabase } from './database';
import { knownKeysOf } from './known-keys';
import { applyPendingMarks, carryMarks } from './mark-writer';
import { orderOf } from './newest-first';
import { listRecords, listsOf, recordsOf, seenListOf } from './paper-lists';
import { toPaperRecord } from './paper-record';
import type { PaperRecord, StoredChange } from './records';

/*
 * The library's single writer: the one module that writes `papers` and the tables derived from
 * them (`lists`, `keyDigests`, `orderLog`, `meta`), and `sources`. Each batch writes all of them in
 * one transaction, so they never disagree (docs/storage-model.md); test/library-writers.test.ts
 * fails if any other module writes them. Marks it leaves to mark-writer.ts, and asks it only to
 * carry marks over when two papers turn out to be one and to apply marks waiting for a paper.
 */

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

/** Folds each absorbed paper's marks into the paper it became (mark-writer.ts), then drops it and its place in the lists. */
async function absorb(db: PaperdropDatabase, absorbed: { from: string; into: string }[], stored: readonly PaperRecord[]): Promise<void> {
  await carryMarks(db, absorbed);
  await db.papers.bulkDelete(absorbed.map(({ from }) => from));
  const gone = new Set(absorbed.map(({ from }) => from));
  await dropFromLists(db, stored.filter((paper) => gone.has(paper.id)));
}

/** Takes papers merged away out of every list, so an id used again later starts afresh. */
async function dropFromLists(db: PaperdropDatabase, papers: readonly PaperRecord[]): Promise<void> {
  await removeFromLists(db, papers.flatMap((paper) => listsOf(paper).map((list) => [list, paper.id] as const)));
}

/**
 * Takes rewritten papers out of the lists their stored version was in and they are no longer: one
 * first seen earlier than was known leaves the later day's list.
 */
async function leaveLists(db: PaperdropDatabase, stored: readonly PaperRecord[], written: readonly PaperRecord[]): Promise<void> {
  // A paper written again keeps every file and category it had (merging unites them): only its first-seen day can move.
  const before = new Map(stored.map((paper) => [paper.id, seenListOf(paper)]));
  await removeFromLists(
    db,
    written.flatMap((paper) => {
      const was = before.get(paper.id);
      return was && was !== seenListOf(paper) ? [[was, paper.id] as const] : [];
    }),
  );
}

async function removeFromLists(db: PaperdropDatabase, memberships: readonly (readonly [list: string, id: string])[]): Promise<void> {
  const idsByList = new Map<string, Set<string>>();
  for (const [list, id] of memberships) idsByList.set(list, (idsByList.get(list) ?? new Set()).add(id));
  for (const [list, gone] of idsByList) {
    await recordsOf(db.lists, list).modify((record) => {
      record.ids = record.ids.filter((id) => !gone.has(id));
    });
  }
}

/** Past this many order records, the batch that adds one folds them all into one. */
const FOLD_AFTER = 64;

/**
 * Logs the papers a batch wrote and merged away (newest-first.ts reads the log). Every so many
 * batches the log is folded into one record, there and then, so that a start never reads a long
 * log and never writes.
 */
async function logStoredChange(db: PaperdropDatabase, { written, removed }: StoredChange, generation: number): Promise<void> {
  await db.orderLog.put({ generation, ids: written.map((paper) => paper.id), sortKeys: written.map((paper) => paper.sortKey), removed });
  if ((await db.orderLog.count()) <= FOLD_AFTER) return;
  const folded = orderOf(await db.orderLog.toArray());
  await db.orderLog.clear();
  await db.orderLog.put({ generation, ...folded, removed: [] });
}

/** The user has seen one of a file's errors: it leaves the list. The file stays stored, so it is not read again. */
export async function dismissFileError(db: PaperdropDatabase, hash: string, dismissed: FileError): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const source = await db.sources.get(hash);
    const kept = source?.errors.filter((error) => error.file !== dismissed.file || error.message !== dismissed.message);
    if (kept) await db.sources.update(hash, { errors: kept });
  });
}
