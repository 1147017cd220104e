import { useCallback, useMemo } from 'react';
import type { PaperRecord, StoredChange } from '../db/records';
import { listMembersWith, readListMembers } from '../db/list-members';
import { readNewestFirst, withStoredChange, type NewestFirst } from '../db/newest-first';
import { localDay } from '../../shared/listing-date';
import { categoryList, fileList, seenList } from '../db/paper-lists';
import { readPapers } from '../db/paper-pages';
import type { Filter } from './filters';
import type { MarkSnapshot } from '../sync/mark-sets';
import { useMarkSets, useServices } from './app-context';
import { searchShownFirst } from './search-shown-first';
import { useFollowed } from './use-followed';
import type { SortOrder } from './view-state';

export interface LibraryView {
  /** The ids in view, in display order: filter, source, category and search applied. */
  ids: string[];
  /** In a date order, each id's listing date (its sortKey), for the list's day headers; null in relevance order. */
  days: string[] | null;
  /** Null until the list's order and today's papers are read: a search's results in rank order may come before them. */
  counts: Record<Filter, number> | null;
  /** The search these ids answer: a live query shows its last answer until the next is ready. */
  searchIds: string[] | null;
  isRead: (id: string) => boolean;
  isStarred: (id: string) => boolean;
}

export interface ViewOptions {
  marks: MarkSnapshot | undefined;
  filter: Filter;
  searchIds: string[] | null;
  sort: SortOrder;
  /** Only papers listed in this file. */
  source: string | null;
  /** Only papers in this category. */
  category: string | null;
  /** Papers that stay in view whatever their marks: those opened since the view last changed. */
  kept: ReadonlySet<string>;
}

/**
 * The ids the list shows: newest or oldest first, or in search-rank order. The order and the papers of the
 * chosen source and category are read from the database once, then kept current from each stored
 * batch, so a large ingest never reads them again. Only keys are held here; rows fetch their
 * papers as they scroll into view. Marks update at once.
 */
export function useLibraryView({ marks, filter, searchIds, sort, source, category, kept }: ViewOptions): LibraryView | undefined {
  const { db, search } = useServices();
  const searchFirst = useCallback(() => searchShownFirst(search), [search]);
  // The log is read at once, and put in order once a search typed at start is shown: a search in rank order needs no order.
  const readOrder = useCallback(() => readNewestFirst(db, searchFirst), [db, searchFirst]);
  const newestFirst = useFollowed(readOrder, withStoredChange);
  const inSource = useListMembers(source === null ? null : fileList(source));
  const inCategory = useListMembers(category === null ? null : categoryList(category));
  // Only the Today view (never the one at a start) and the counts, which wait on the order, need today's papers.
  const seenToday = useListMembers(seenList(localDay(new Date())), searchFirst);
  const searching = searchIds !== null;
  // Made once per library change, not per keystroke: a set of 100,000 ids takes a while to build.
  const present = useMemo(() => (newestFirst && searching ? new Set(newestFirst.ids) : null), [newestFirst, searching]);
  // A search in rank order needs no order: at a start, its results show without waiting for it.
  const rankedSearch = searching && sort === 'relevance';
  return useMemo(() => {
    if ((!newestFirst && !rankedSearch) || !marks || inSource === undefined || inCategory === undefined || (filter === 'today' && !seenToday)) return undefined;
    const inLists = [inSource, inCategory].filter((members) => members !== null);
    return composeView(newestFirst ?? null, present, marks, seenToday ?? null, inLists, { filter, searchIds, sort, kept });
  }, [newestFirst, rankedSearch, present, marks, inSource, inCategory, seenToday, filter, searchIds, sort, kept]);
}

/** The ids in a list, kept current from each stored batch; null for no list, undefined until read (see readListMembers for `before`). */
function useListMembers(list: string | null, before?: () => Promise<void>): Set<string> | null | undefined {
  const { db } = useServices();
  const read = useCallback(async () => (list === null ? null : readListMembers(db, list, before)), [db, list, before]);
  const apply = useCallback(
    (members: Set<string> | null, change: StoredChange) => (members && list !== null ? listMembersWith(members, list, change) : members),
    [list],
  );
  return useFollowed(read, apply);
}

function composeView(
  /** Null only for a search in rank order, before the order is read. */
  newestFirst: NewestFirst | null,
  /** The papers in the order, while searching; null before the order is read. */
  present: Set<string> | null,
  marks: MarkSnapshot,
  /** Null until read; read before a view of Today. */
  seenToday: Set<string> | null,
  /** Every list chosen: a paper in view is in all of them. */
  inLists: Set<string>[],
  { filter, searchIds, sort, kept }: Pick<ViewOptions, 'filter' | 'searchIds' | 'sort' | 'kept'>,
): LibraryView {
  const keep = (id: string) =>
    (filter === 'all' || kept.has(id) || inFilter(filter, id, marks, seenToday)) && inLists.every((members) => members.has(id));
  const counts = newestFirst && seenToday && { today: seenToday.size, all: newestFirst.ids.length, unread: newestFirst.ids.length - marks.read.size, starred: marks.starred.size };
  const view = { searchIds, counts, isRead: (id: string) => marks.read.has(id), isStarred: (id: string) => marks.starred.has(id) };
  if (searchIds && sort === 'relevance') {
    // Search may still name a paper merged away since it was indexed; once the order is read, it is not shown.
    return { ...view, ids: searchIds.filter((id) => (present === null || present.has(id)) && keep(id)), days: null };
  }
  if (!newestFirst) throw new Error('composeView: the order is read before any view but a search in rank order');
  const matching = searchIds ? new Set(searchIds) : null;
  const everything = filter === 'all' && inLists.length === 0 && !matching;
  let ids = newestFirst.ids;
  let days = newestFirst.sortKeys;
  if (!everything) {
    ids = [];
    days = [];
    newestFirst.ids.forEach((id, index) => {
      if ((!matching || matching.has(id)) && keep(id)) {
        ids.push(id);
        days.push(newestFirst.sortKeys[index]!);
      }
    });
  }
  return sort === 'oldest' ? { ...view, ids: ids.toReversed(), days: days.toReversed() } : { ...view, ids, days };
}

function inFilter(filter: Exclude<Filter, 'all'>, id: string, marks: MarkSnapshot, seenToday: Set<string> | null): boolean {
  if (filter === 'today') return seenToday!.has(id);
  return filter === 'unread' ? !marks.read.has(id) : marks.starred.has(id);
}

export interface ListedPaper {
  paper: PaperRecord;
  read: boolean;
  starred: boolean;
}

/**
 * The papers for the rows on screen, with their marks, live. The papers are read from the
 * database; the marks come from the marks held in memory, so a mark's change shows without
 * reading any paper again.
 */
export function useListedPapers(ids: string[]): Map<string, ListedPaper> | undefined {
  const { db } = useServices();
  const marks = useMarkSets();
  // The same ids in a new array are the same request: nothing is read again.
  const key = ids.join('\u0000');
  const wanted = useMemo(() => new Set(key === '' ? [] : key.split('\u0000')), [key]);
  const read = useCallback(async () => papersById(await readPapers(db, [...wanted])), [db, wanted]);
  const apply = useCallback((papers: Map<string, PaperRecord>, change: StoredChange) => withChangedPapers(papers, wanted, change), [wanted]);
  const papers = useFollowed(read, apply);
  return useMemo(() => {
    if (!papers || !marks) return undefined;
    return new Map([...papers.values()].map((paper) => [paper.id, { paper, read: marks.read.has(paper.id), starred: marks.starred.has(paper.id) }]));
  }, [papers, marks]);
}

const papersById = (papers: readonly (PaperRecord | undefined)[]) => new Map(papers.flatMap((paper) => (paper ? [[paper.id, paper] as const] : [])));

/**
 * The papers on screen after a stored batch: those it wrote take their new version, those it merged
 * away go. Kept so rather than through a Dexie live query, which would re-read them on every batch
 * and, in between, hold on to every key each batch wrote.
 */
function withChangedPapers(papers: Map<string, PaperRecord>, wanted: ReadonlySet<string>, { written, removed }: StoredChange): Map<string, PaperRecord> {
  const changed = written.filter((paper) => wanted.has(paper.id));
  const gone = removed.filter((id) => papers.has(id));
  if (changed.length === 0 && gone.length === 0) return papers;
  const next = new Map(papers);
  for (const paper of changed) next.set(paper.id, paper);
  for (const id of gone) next.delete(id);
  return next;
}

/** The open paper with its marks, live, whatever the filter shows. */
export function useOpenPaper(id: string | null): ListedPaper | undefined {
  return useListedPapers(id === null ? [] : [id])?.get(id ?? '');
}
