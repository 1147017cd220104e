import { useLiveQuery } from 'dexie-react-hooks';
import type { PaperdropDatabase, PaperRecord } from '../db/database';
import type { Filter } from './filters';
import { useServices } from './app-context';

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

/**
 * The ids the list shows, live from the database's indexes: newest first, or in search-rank
 * order. Only keys are read here; rows fetch their papers as they scroll into view.
 */
export function useLibraryView(options: ViewOptions): LibraryView | undefined {
  const { db } = useServices();
  const { filter, searchIds, sort, source } = options;
  return useLiveQuery(() => readView(db, options), [db, filter, searchIds, sort, source]);
}

async function readView(db: PaperdropDatabase, { filter, searchIds, sort, source }: ViewOptions): Promise<LibraryView> {
  const [newestFirst, read, starred, inSource] = await Promise.all([
    db.papers.orderBy('sortKey').reverse().primaryKeys() as Promise<string[]>,
    db.states.where('read').equals(1).primaryKeys() as Promise<string[]>,
    db.states.where('starred').equals(1).primaryKeys() as Promise<string[]>,
    source === null ? null : (db.papers.where('files').equals(source).primaryKeys() as Promise<string[]>),
  ]);
  const readSet = new Set(read);
  const starredSet = new Set(starred);
  const sourceSet = inSource && new Set(inSource);
  let ids = newestFirst;
  if (searchIds) {
    const matching = new Set(searchIds);
    ids = sort === 'date' ? newestFirst.filter((id) => matching.has(id)) : searchIds.filter((id) => existsIn(newestFirst, id));
  }
  const keep = (id: string) =>
    (filter === 'all' || (filter === 'unread' ? !readSet.has(id) : starredSet.has(id))) && (!sourceSet || sourceSet.has(id));
  return {
    searchIds,
    ids: ids.filter(keep),
    counts: { all: newestFirst.length, unread: newestFirst.length - readSet.size, starred: starredSet.size },
  };
}

const present = new WeakMap<string[], Set<string>>();

/** Search may still name a paper merged away since it was indexed; it is not shown. */
function existsIn(all: string[], id: string): boolean {
  let set = present.get(all);
  if (!set) present.set(all, (set = new Set(all)));
  return set.has(id);
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
