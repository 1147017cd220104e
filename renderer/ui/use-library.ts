import { useLiveQuery } from 'dexie-react-hooks';
import type { PaperdropDatabase, PaperRecord, PaperState } from '../db/database';
import type { Filter } from './filters';
import { useServices } from './app-context';

export interface ListedPaper {
  paper: PaperRecord;
  read: boolean;
  starred: boolean;
}

export interface Library {
  /** Papers in the filter (and search, when there is one), in display order. */
  papers: ListedPaper[];
  counts: Record<Filter, number>;
  /** The search these papers answer: a live query shows its last answer until the next is ready. */
  searchIds: string[] | null;
}

/**
 * The list the user sees, live from the database: newest first, or in search-rank order
 * when `searchIds` is given. Undefined while the first read runs.
 */
export function useLibrary(filter: Filter, searchIds: string[] | null): Library | undefined {
  const { db } = useServices();
  return useLiveQuery(() => readLibrary(db, filter, searchIds), [db, filter, searchIds]);
}

async function readLibrary(db: PaperdropDatabase, filter: Filter, searchIds: string[] | null): Promise<Library> {
  const [states, total] = await Promise.all([db.states.toArray(), db.papers.count()]);
  const stateById = new Map<string, PaperState>(states.map((state) => [state.paperId, state]));
  const records = searchIds
    ? (await db.papers.bulkGet(searchIds)).filter((paper) => paper !== undefined)
    : await db.papers.orderBy('sortKey').reverse().toArray();
  const listed = records.map((paper) => ({
    paper,
    read: stateById.get(paper.id)?.read === 1,
    starred: stateById.get(paper.id)?.starred === 1,
  }));
  const readCount = states.filter((state) => state.read === 1).length;
  return {
    searchIds,
    papers: listed.filter((item) => filter === 'all' || (filter === 'unread' ? !item.read : item.starred)),
    counts: { all: total, unread: total - readCount, starred: states.filter((state) => state.starred === 1).length },
  };
}

/** The open paper with its marks, live, whatever the filter shows. */
export function useOpenPaper(id: string | null): ListedPaper | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (id === null) return undefined;
    const [paper, state] = await Promise.all([db.papers.get(id), db.states.get(id)]);
    return paper && { paper, read: state?.read === 1, starred: state?.starred === 1 };
  }, [db, id]);
}
