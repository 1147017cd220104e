import { matchKeys, planMerge } from '../../shared/merge';
import type { FileError, IngestBatch } from '../../shared/paper';
import type { PaperdropDatabase } from './database';
import { keyDirectoryOf, type KeyDirectory } from './key-directory';
import { applyPendingMarks, carryMarks } from './mark-writer';
import { orderOf } from './newest-first';
import { packOrder } from './order-record';
import { keyOfPage, pageOf, pagesOf } from './page-layout';
import { pagesWithIdsOrKeys } from './paper-pages';
import { listRecords, listsOf, recordsOf, seenListOf } from './paper-lists';
import { toPaperRecord } from './paper-record';
import type { KeyDigestRecord, PageKey, PaperPage, PaperRecord, StoredChange } from './records';

/*
 * The library's single writer: the one module that writes the papers' `pages` and the tables derived from
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
  const directory = keyDirectoryOf(db);
  const tables = [db.pages, db.states, db.pendingMarks, db.sources, db.meta, db.keyDigests, db.lists, db.orderLog];
  const { change, keyRecord } = await db.transaction('rw', tables, async () => {
    const generation = ((await db.meta.get('generation'))?.value ?? 0) + 1;
    await directory.catchUp(db, generation - 1);
    // Only keys some stored paper may hold are asked for: in a large ingest, hardly any.
    const keys = [...new Set(batch.papers.flatMap(matchKeys))].filter((key) => directory.mayHold(key));
    const { stored, pages } = await storedMatching(db, directory, keys);
    const plan = planMerge(stored, batch.papers);
    await db.meta.put({ key: 'generation', value: generation });
    const written = plan.put.map((paper) => toPaperRecord(paper, generation));
    const keyRecord = await writePages(db, directory, pages, { written, generation }, plan.absorbed.map(({ from }) => from));
    await db.keyDigests.put(keyRecord);
    await leaveLists(db, stored, written);
    await db.lists.bulkPut(listRecords(written, generation));
    const carried = plan.absorbed.length > 0 ? await absorb(db, plan.absorbed, stored) : [];
    const remarked = [...new Set([...carried, ...(await applyPendingMarks(db, written))])];
    await db.sources.put({
      hash: batch.hash,
      file: batch.file,
      format: batch.format,
      seenAt: batch.seenAt,
      paperCount: batch.papers.length,
      errors: batch.errors,
    });
    const change = { written, removed: plan.absorbed.map(({ from }) => from), remarked };
    if (written.length > 0) await logStoredChange(db, change, generation);
    return { change, keyRecord };
  });
  directory.apply(keyRecord);
  return change;
}

/**
 * The stored papers that carry any of the keys, as their id or among their other merge keys, and
 * the pages they are on.
 */
async function storedMatching(db: PaperdropDatabase, directory: KeyDirectory, keys: string[]): Promise<{ stored: PaperRecord[]; pages: PaperPage[] }> {
  const pages = await pagesWithIdsOrKeys(db, directory, keys);
  const asked = new Set(keys);
  const stored = pages.flatMap((page) => page.papers).filter((paper) => asked.has(paper.id) || paper.keys.some((key) => asked.has(key)));
  return { stored, pages };
}

/**
 * Writes the batch's papers on pages of their own, and rewrites the pages they were on, and those
 * of papers merged away, without them: every stored paper stays on exactly one page. Returns the
 * batch's record for the key directory, saying where the papers' keys are now.
 */
async function writePages(
  db: PaperdropDatabase,
  directory: KeyDirectory,
  stored: readonly PaperPage[],
  { written, generation }: { written: PaperRecord[]; generation: number },
  absorbed: readonly string[],
): Promise<KeyDigestRecord> {
  const leaving = new Set([...written.map((paper) => paper.id), ...absorbed]);
  const left = stored
    .filter((page) => page.ids.some((id) => leaving.has(id)))
    .map((before) => {
      const staying = before.papers.filter((paper) => !leaving.has(paper.id));
      return { before, after: staying.length === 0 ? null : pageOf(before.generation, before.part, staying) };
    });
  const emptied: PageKey[] = left.flatMap(({ before, after }) => (after ? [] : [keyOfPage(before)]));
  if (emptied.length > 0) await db.pages.bulkDelete(emptied);
  const pages = pagesOf(written, generation);
  await putInChunks(db, [...left.flatMap(({ after }) => after ?? []), ...pages]);
  return directory.recordOf(generation, pages, left);
}

/**
 * Pages put per burst: the page clones each paper, some 0.07 ms a paper, so a burst takes up to
 * about 70 ms. At 50 values or more, Dexie marks a put's indexes as changed as a whole instead of
 * collecting every id and key written (see useListedPapers for why nothing watches pages live).
 */
const PUT_CHUNK = 50;

/**
 * Puts the pages a chunk at a time, each chunk issued while the database still writes the one
 * before: the page never spends seconds issuing one file's writes, and the database never waits.
 */
async function putInChunks(db: PaperdropDatabase, pages: PaperPage[]): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (let start = 0; start < pages.length; start += PUT_CHUNK) {
    writes.push(db.pages.bulkPut(pages.slice(start, start + PUT_CHUNK)));
    if (writes.length > 1) await writes.at(-2);
  }
  await Promise.all(writes);
}

/**
 * Folds each absorbed paper's marks into the paper it became (mark-writer.ts), then drops its place
 * in the lists (writePages dropped it). Returns the papers whose marks changed.
 */
async function absorb(db: PaperdropDatabase, absorbed: { from: string; into: string }[], stored: readonly PaperRecord[]): Promise<string[]> {
  const carried = await carryMarks(db, absorbed);
  const gone = new Set(absorbed.map(({ from }) => from));
  await dropFromLists(db, stored.filter((paper) => gone.has(paper.id)));
  return carried;
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
  await db.orderLog.put(packOrder(generation, { ids: written.map((paper) => paper.id), sortKeys: written.map((paper) => paper.sortKey), removed }));
  if ((await db.orderLog.count()) <= FOLD_AFTER) return;
  const folded = orderOf(await db.orderLog.toArray());
  await db.orderLog.clear();
  await db.orderLog.put(packOrder(generation, { ...folded, removed: [] }));
}

/** The user has seen one of a file's errors: it leaves the list. The file stays stored, so it is not read again. */
export async function dismissFileError(db: PaperdropDatabase, hash: string, dismissed: FileError): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const source = await db.sources.get(hash);
    const kept = source?.errors.filter((error) => error.file !== dismissed.file || error.message !== dismissed.message);
    if (kept) await db.sources.update(hash, { errors: kept });
  });
}

/**
 * The folder now holds the files of these hashes: every stored file not among them is gone from
 * it, and one that came back is not. The papers stay either way. Returns how many changed.
 */
export async function recordFolderFiles(db: PaperdropDatabase, hashes: readonly string[]): Promise<number> {
  const present = new Set(hashes);
  return db.transaction('rw', db.sources, async () => {
    let changed = 0;
    await db.sources.toCollection().modify((source) => {
      const gone = !present.has(source.hash);
      if ((source.gone ?? false) === gone) return;
      source.gone = gone;
      changed += 1;
    });
    return changed;
  });
}
