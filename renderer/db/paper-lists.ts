import Dexie, { type Table } from 'dexie';
import { localDay } from '../../shared/listing-date';
import type { ListRecord, PaperRecord } from './records';

/**
 * The source and category views as lists of paper ids: each batch writes one record per list its
 * papers are in, instead of a multi-entry index entry per paper and list (which cost an eighth of
 * every paper's write). A list is the union of its records. The names and the records are made
 * here; only library-writer.ts writes them.
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
export function seenListOf(paper: PaperRecord): string | null {
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

/** A list's records: one for each batch that wrote papers into it. */
export function recordsOf(lists: Table<ListRecord, [string, number]>, list: string) {
  return lists.where('[list+generation]').between([list, Dexie.minKey], [list, Dexie.maxKey]);
}
