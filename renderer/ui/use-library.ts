import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { PaperRecord } from '../db/database';
import type { Filter } from './filters';
import { useAppStatus, useServices } from './app-context';
import { useAsync } from './use-async';
import { useThrottled } from './use-throttled';

export type SortOrder = 'relevance' | 'date';

export interface LibraryView {
  /** The ids in view, in display order: filter, source and search applied. */
  ids: string[];
  counts: Record<Filter, number>;
  /** The search these ids answer: a live query shows its last answer until the next is ready. */
  searchIds: string[] | null;
}

export interface ViewOptions {
  filter: Filter;
  searchIds: string[] | null;
  sort: SortOrder;
  /** Only papers listed in this file. */
  source: string | null;
}

/** While files pour in, the list's order is read again at most this often. */
const REORDER_INTERVAL_MS = 1000;

/**
 * The ids the list shows, from the database's indexes: newest first, or in search-rank order.
 * Only keys are read here; rows fetch their papers as they scroll into view. Marks update at
 * once; the order follows new files at most once a second, so a large ingest never floods the UI.
 */
export function useLibraryView({ filter, searchIds, sort, source }: ViewOptions): LibraryView | undefined {
  const { db } = useServices();
  const storedBatches = useThrottled(useAppStatus().storedBatches, REORDER_INTERVAL_MS);
  const newestFirst = useAsync(() => db.papers.orderBy('sortKey').reverse().primaryKeys() as Promise<string[]>, [db, storedBatches]);
  const marks = useLiveQuery(
    async () => ({
      read: new Set((await db.states.where('read').equals(1).primaryKeys()) as string[]),
      starred: new Set((await db.states.where('starred').equals(1).primaryKeys()) as string[]),
    }),
    [db],
  );
  const inSource = useAsync(
    async () => (source === null ? null : new Set((await db.papers.where('files').equals(source).primaryKeys()) as string[])),
    [db, source, storedBatches],
  );
  return useMemo(() => {
    if (!newestFirst || !marks || inSource === undefined) return undefined;
    return composeView(newestFirst, marks, inSource, { filter, searchIds, sort });
  }, [newestFirst, marks, inSource, filter, searchIds, sort]);
}

function composeView(
  newestFirst: string[],
  marks: { read: Set<string>; starred: Set<string> },
  inSource: Set<string> | null,
  { filter, searchIds, sort }: Omit<ViewOptions, 'source'>,
): LibraryView {
  let ids = newestFirst;
  if (searchIds) {
    const matching = new Set(searchIds);
    const present = new Set(newestFirst);
    // Search may still name a paper merged away since it was indexed; it is not shown.
    ids = sort === 'date' ? newestFirst.filter((id) => matching.has(id)) : searchIds.filter((id) => present.has(id));
  }
  const keep = (id: string) =>
    (filter === 'all' || (filter === 'unread' ? !marks.read.has(id) : marks.starred.has(id))) && (!inSource || inSource.has(id));
  return {
    searchIds,
    ids: ids.filter(keep),
    counts: { all: newestFirst.length, unread: newestFirst.length - marks.read.size, starred: marks.starred.size },
  };
}

export interface ListedPaper {
  paper: PaperRecord;
  read: boolean;
  starred: boolean;
}

/** The papers for the rows on screen, with their marks, live. */
export function useListedPapers(ids: string[]): Map<string, ListedPaper> | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [papers, states] = await Promise.all([db.papers.bulkGet(ids), db.states.bulkGet(ids)]);
    const byId = new Map<string, ListedPaper>();
    papers.forEach((paper, index) => {
      if (paper) byId.set(paper.id, { paper, read: states[index]?.read === 1, starred: states[index]?.starred === 1 });
    });
    return byId;
  }, [db, ids.join('\u0000')]);
}

/** The open paper with its marks, live, whatever the filter shows. */
export function useOpenPaper(id: string | null): ListedPaper | undefined {
  return useListedPapers(id === null ? [] : [id])?.get(id ?? '');
}
