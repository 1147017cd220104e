import Dexie, { type Transaction } from 'dexie';
import { categoryName } from '../../shared/arxiv-taxonomy';
import { listingDate } from '../../shared/listing-date';
import { classify } from '../../shared/normalize/classification';
import { digestOf } from './key-digest';
import { categoryList, fileList, seenDay } from './paper-lists';
import { packOrder, type LoggedOrder } from './order-record';
import { pagesOf } from './page-layout';
import { emptyPaperFields, toPaperRecord } from './paper-record';
import type { KeyDigestRecord, ListRecord, MetaRecord, OrderRecord, PageKey, PaperPage, PaperRecord, PaperState } from './records';

/*
 * The schema upgrades, each run by Dexie inside its version's upgrade transaction (database.ts is
 * their only caller). They are the one exception to the single writer (docs/storage-model.md): they
 * reach the tables through the transaction, by name, and keep every paper and every mark.
 */

/** Version 2: version 1 stored title-only papers from page dumps; give them every field of the full model. States stay as they are. */
export function upgradeToFullPapers(transaction: Transaction): Promise<number> {
  return transaction
    .table<PaperRecord, string>('papers')
    .toCollection()
    .modify((record: PaperRecord) => {
      Object.assign(record, toPaperRecord({ ...emptyPaperFields(), ...record }, 0));
      record.listings = record.listings.map((listing) => ({
        ...listing,
        announceType: listing.announceType ?? null,
        version: listing.version ?? null,
      }));
    });
}

/** Version 3: every paper gets the keys, files and generation the new indexes read. */
export function recordStoredPapers(transaction: Transaction): Promise<number> {
  return transaction
    .table<PaperRecord, string>('papers')
    .toCollection()
    .modify((record: PaperRecord) => {
      Object.assign(record, toPaperRecord(record, 0));
    });
}

/** Version 4: the key digests, lists and order log, made from the papers stored so far. */
export async function deriveStoredTables(transaction: Transaction): Promise<void> {
  await Promise.all([digestStoredKeys(transaction), listStoredPapers(transaction), logStoredOrder(transaction)]);
}

/** Version 4: the digests of every key stored so far, the papers' own ids among them. */
async function digestStoredKeys(transaction: Transaction): Promise<void> {
  const papers = transaction.table<PaperRecord, string>('papers');
  const keys = [...((await papers.orderBy('keys').uniqueKeys()) as string[]), ...((await papers.toCollection().primaryKeys()) as string[])];
  if (keys.length === 0) return;
  const generation = await generationOf(transaction);
  await transaction.table<KeyDigestRecord, number>('keyDigests').put({ generation, digests: Uint32Array.from(new Set(keys.map(digestOf))) });
}

/** Version 4: lists from the files and categories indexes of version 3, which version 5 drops. */
async function listStoredPapers(transaction: Transaction): Promise<void> {
  const papers = transaction.table<PaperRecord, string>('papers');
  const generation = await generationOf(transaction);
  const records: ListRecord[] = [];
  for (const [index, list] of [['files', fileList], ['categories', categoryList]] as const) {
    for (const name of (await papers.orderBy(index).uniqueKeys()) as string[]) {
      records.push({ list: list(name), generation, ids: (await papers.where(index).equals(name).primaryKeys()) as string[] });
    }
  }
  await transaction.table<ListRecord, [string, number]>('lists').bulkPut(records);
}

/** Versions 4 and 7: the order log begins with one record of every stored paper. */
async function logStoredOrder(transaction: Transaction): Promise<void> {
  const ids: string[] = [];
  const sortKeys: string[] = [];
  await transaction
    .table<PaperRecord, string>('papers')
    .orderBy('sortKey')
    .eachKey((sortKey, cursor) => {
      sortKeys.push(sortKey as string);
      ids.push(cursor.primaryKey as string);
    });
  if (ids.length === 0) return;
  const generation = await generationOf(transaction);
  await transaction.table<OrderRecordBefore13, number>('orderLog').put({ generation, ids, sortKeys, removed: [] });
}

/** An order log record as versions 4 to 12 stored it: lists of strings. */
type OrderRecordBefore13 = LoggedOrder & { generation: number };

/** A state row as schema versions 1–5 stored it. */
interface UnstampedState {
  paperId: string;
  read: 0 | 1;
  starred: 0 | 1;
  updatedAt: string;
}

/**
 * Version 6: each mark gets its own time, the row's updatedAt. Rows for ids no paper has (a mark
 * set as its paper was merged away) move to pendingMarks, so the counts take only papers in the
 * library and the marks still apply should that id arrive again.
 */
export async function stampMarks(transaction: Transaction): Promise<void> {
  const states = transaction.table<PaperState, string>('states');
  const old = (await states.toArray()) as unknown as UnstampedState[];
  const present = new Set(await transaction.table('papers').where(':id').anyOf(old.map((row) => row.paperId)).primaryKeys());
  const stamped = old.map(({ paperId, read, starred, updatedAt }): PaperState => ({ paperId, read, readAt: updatedAt, starred, starredAt: updatedAt }));
  await states.bulkPut(stamped.filter((row) => present.has(row.paperId)));
  const orphans = stamped.filter((row) => !present.has(row.paperId));
  await transaction.table<PaperState, string>('pendingMarks').bulkPut(orphans);
  await states.bulkDelete(orphans.map((row) => row.paperId));
}

/**
 * Version 7: papers stored without a date (a daily listing's) take their listing date as sortKey,
 * instead of sinking to the end of the list; the order log starts again from the new keys.
 */
export async function dateUndatedPapers(transaction: Transaction): Promise<void> {
  await transaction
    .table<PaperRecord, string>('papers')
    .where('sortKey')
    .equals('')
    .modify((paper) => {
      paper.sortKey = listingDate(paper, seenDay);
    });
  await transaction.table<OrderRecordBefore13, number>('orderLog').clear();
  await logStoredOrder(transaction);
}

/**
 * Version 8: stored papers' categories checked against arXiv's taxonomy, as new ones are: MSC and
 * ACM codes become classes, free text goes. The category lists are made again from the papers,
 * and the search index is built afresh, as after any upgrade (renderer/search/index-fingerprint.ts).
 */
export async function classifyStoredPapers(transaction: Transaction): Promise<void> {
  const membersByCategory = new Map<string, string[]>();
  await transaction
    .table<PaperRecord, string>('papers')
    .toCollection()
    .modify((paper) => {
      const { categories, classes } = classify([...paper.categories, ...(paper.classes ?? [])]);
      const primaryCategory = paper.primaryCategory !== null && categoryName(paper.primaryCategory) !== null ? paper.primaryCategory : null;
      for (const category of categories) {
        const members = membersByCategory.get(category);
        if (members) members.push(paper.id);
        else membersByCategory.set(category, [paper.id]);
      }
      if (sameList(categories, paper.categories) && sameList(classes, paper.classes ?? []) && primaryCategory === paper.primaryCategory) return;
      Object.assign(paper, { categories, classes, primaryCategory });
    });
  const lists = transaction.table<ListRecord, [string, number]>('lists');
  const prefix = categoryList('');
  await lists.where('[list+generation]').between([prefix, Dexie.minKey], [`${prefix}\uffff`, Dexie.maxKey]).delete();
  const generation = await generationOf(transaction);
  await lists.bulkPut([...membersByCategory].map(([category, ids]) => ({ list: categoryList(category), generation, ids })));
}

/**
 * Version 9: papers move from a record each to pages (docs/ingest-cost.md), each batch's papers on
 * pages of their own generation, so the search index's catch-up by generation still holds. One
 * generation is read at a time, not the whole library. Version 10 drops `papers`.
 */
export async function pageStoredPapers(transaction: Transaction): Promise<void> {
  const papers = transaction.table<PaperRecord, string>('papers');
  const pages = transaction.table<PaperPage, PageKey>('pages');
  let paged = 0;
  for (const generation of (await papers.orderBy('generation').uniqueKeys()) as number[]) {
    const batch = await papers.where('generation').equals(generation).toArray();
    await pages.bulkPut(pagesOf(batch, generation));
    paged += batch.length;
  }
  // Thrown, the upgrade is undone and the papers stay as they were.
  const stored = await papers.count();
  if (paged !== stored) throw new Error(`Paperdrop could not move the library to pages: ${paged} of ${stored} papers have a generation.`);
}

/**
 * Version 11: the key directory (key-directory.ts) replaces the pages' `*keys` index, which the
 * version drops. Each generation's record of `keyDigests` learns where its pages' papers' other merge
 * keys are. Pages are read one at a time.
 */
export async function placeStoredKeys(transaction: Transaction): Promise<void> {
  const placed = new Map<number, { digests: number[]; parts: number[] }>();
  await transaction.table<PaperPage, PageKey>('pages').each((page) => {
    const generation = placed.get(page.generation) ?? { digests: [], parts: [] };
    for (const digest of new Set(page.papers.flatMap((paper) => paper.keys).map(digestOf))) {
      generation.digests.push(digest);
      generation.parts.push(page.part);
    }
    placed.set(page.generation, generation);
  });
  const keyDigests = transaction.table<KeyDigestRecord, number>('keyDigests');
  const records = await keyDigests.bulkGet([...placed.keys()]);
  await keyDigests.bulkPut(
    [...placed].map(([generation, { digests, parts }], index) => ({
      generation,
      digests: records[index]?.digests ?? new Uint32Array(),
      placed: { digests: Uint32Array.from(digests), parts: Uint32Array.from(parts) },
    })),
  );
}

/** Version 13: each order log record is packed (order-record.ts), so that a start reads the order in a few milliseconds. */
export async function packOrderLog(transaction: Transaction): Promise<void> {
  const log = transaction.table<OrderRecordBefore13 | OrderRecord, number>('orderLog');
  const records = (await log.toArray()) as OrderRecordBefore13[];
  await log.bulkPut(records.map((record) => packOrder(record.generation, record)));
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** The library's generation as the upgrade finds it: derived records made from stored papers go under it. */
async function generationOf(transaction: Transaction): Promise<number> {
  return (await transaction.table<MetaRecord, string>('meta').get('generation'))?.value ?? 0;
}
