import { useEffect, useSyncExternalStore } from 'react';
import type { MatchTerm } from '../search/highlight';
import type { IndexProgress } from '../search/search-client';
import { useServices } from './app-context';

export interface SearchState {
  /** Ids matching the last answered query, best first; null when the query is empty. */
  ids: string[] | null;
  /** The words that matched, to highlight. */
  terms: MatchTerm[];
  /** False while the answer for the current query is still coming: `ids` then answer an earlier one. */
  current: boolean;
}

/** Runs the query in the search worker, which answers it again whenever the index changes: as it loads, and as papers arrive. */
export function useSearch(query: string): SearchState {
  const { search } = useServices();
  const trimmed = query.trim();
  useEffect(() => search.ask(trimmed), [search, trimmed]);
  const answer = useSyncExternalStore(search.subscribeAnswer, search.getAnswer);

  if (trimmed === '') return { ids: null, terms: [], current: true };
  return { ids: answer?.ids ?? null, terms: answer?.terms ?? [], current: answer?.query === trimmed };
}

/** How far the search index has got: a rebuild or a first ingest can take a while at 100,000 papers. */
export function useIndexProgress(): IndexProgress {
  const { search } = useServices();
  return useSyncExternalStore(search.subscribeProgress, search.getProgress);
}
