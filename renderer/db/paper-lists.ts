import Dexie, { type Transaction } from 'dexie';
import type { ListRecord, MetaRecord, PaperdropDatabase, PaperRecord } from './database';

/**
 * The source and category views as lists of paper ids: each batch writes one record per list its
 * papers are in, instead of a multi-entry index entry per paper and list (which cost an eighth of
 * every paper's write). A list is the union of its records.
 */
export const fileList = (file: string): string => `file:${file}`;
export const categoryList = (category: string): string => `category:${category}`;

/** The lists a paper is in: one per file it is listed in and per category it carries. */
export function listsOf(paper: PaperRecord): string[] {
  return [...paper.files.map(fileList), ...paper.categories.map(categoryList)];
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

/** The names of the categories some list record is for, in key order, read from the keys alone. */
export async function readCategoryNames(db: PaperdropDatabase): Promise<string[]> {
  const prefix = categoryList('');
  // Every list named with the prefix sorts below prefix + '\uffff', as in Dexie's startsWith.
  const range = db.lists.where('[list+generation]').between([prefix, Dexie.minKey], [`${prefix}\uffff`, Dexie.maxKey]);
  return [...new Set((await range.primaryKeys()).map(([list]) => list.slice(prefix.length)))];
}

/** Inside a batch's transaction: takes papers merged away out of every list, so an id used again later starts afresh. */
export async function dropFromLists(db: PaperdropDatabase, papers: readonly PaperRecord[]): Promise<void> {
  const gone = new Set(papers.map((paper) => paper.id));
  for (const list of new Set(papers.flatMap(listsOf))) {
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
