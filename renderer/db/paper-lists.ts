import Dexie, { type Transaction } from 'dexie';
import { localDay } from '../../shared/listing-date';
import type { ListRecord, MetaRecord, PaperdropDatabase, PaperRecord } from './database';

/**
 * The source and category views as lists of paper ids: each batch writes one record per list its
 * papers are in, instead of a multi-entry index entry per paper and list (which cost an eighth of
 * every paper's write). A list is the union of its records.
 */
export const fileList = (file: string): string => `file:${file}`;
export const categoryList = (category: string): string => `category:${category}`;
/** The papers first seen on a day (this machine's local day, YYYY-MM-DD): the Today view reads today's. */
export const seenList = (day: string): string => `seen:${day}`;

/** The local day of an ISO time: the one day a paper was first seen, for Today and for its listing date alike. */
export const seenDay = (iso: string): string => localDay(new Date(iso));

/** The lists a paper is in: one per file it is listed in and per category it carries, and the day it was first seen. */
export function listsOf(paper: PaperRecord): string[] {
  const seen = seenListOf(paper);
  return [...paper.files.map(fileList), ...paper.categories.map(categoryList), ...(seen ? [seen] : [])];
}

/** The list of the day a paper was first seen: listings are kept oldest first (shared/merge.ts). */
function seenListOf(paper: PaperRecord): string | null {
  const firstSeen = paper.listings[0]?.seenAt;
  return firstSeen ? seenList(seenDay(firstSeen)) : null;
}

/** The records for papers written as `generation`: one per list, naming every one of them in it. */
export function listRecords(papers: readonly PaperRecord[], generation: number): ListRecord[] {
  const ids = new Map<string, string[]>();
  for (const paper of papers) {
    for (const list of listsOf(paper)) {
      const members = ids.get(list);
      if (members) members.push(paper.id);
      else ids.set(list, [paper.id]);
    }
  }
  return [...ids].map(([list, members]) => ({ list, generation, ids: members }));
}

/** Inside a batch's transaction: takes papers merged away out of every list, so an id used again later starts afresh. */
export async function dropFromLists(db: PaperdropDatabase, papers: readonly PaperRecord[]): Promise<void> {
  await removeFromLists(db, papers.flatMap((paper) => listsOf(paper).map((list) => [list, paper.id] as const)));
}

/**
 * Inside a batch's transaction: takes rewritten papers out of the lists their stored version was in
 * and they are no longer: one first seen earlier than was known leaves the later day's list.
 */
export async function leaveLists(db: PaperdropDatabase, stored: readonly PaperRecord[], written: readonly PaperRecord[]): Promise<void> {
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

/** A list's records: one for each batch that wrote papers into it. */
export function recordsOf(lists: PaperdropDatabase['lists'], list: string) {
  return lists.where('[list+generation]').between([list, Dexie.minKey], [list, Dexie.maxKey]);
}

/** Version 4: lists from the files and categories indexes of version 3, which version 5 drops. */
export async function listStoredPapers(transaction: Transaction): Promise<void> {
  const papers = transaction.table<PaperRecord, string>('papers');
  const generation = (await transaction.table<MetaRecord, string>('meta').get('generation'))?.value ?? 0;
  const records: ListRecord[] = [];
  for (const [index, list] of [['files', fileList], ['categories', categoryList]] as const) {
    for (const name of (await papers.orderBy(index).uniqueKeys()) as string[]) {
      records.push({ list: list(name), generation, ids: (await papers.where(index).equals(name).primaryKeys()) as string[] });
    }
  }
  await transaction.table<ListRecord, [string, number]>('lists').bulkPut(records);
}
