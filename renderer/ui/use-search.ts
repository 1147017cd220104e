import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MatchTerm } from '../search/highlight';
import type { IndexProgress } from '../search/search-client';
import { useAppStatus, useServices } from './app-context';
import { useThrottled } from './use-throttled';

export interface SearchState {
  /** Ids matching the last answered query, best first; null when the query is empty. */
  ids: string[] | null;
  /** The words that matched, to highlight. */
  terms: MatchTerm[];
  /** False while the answer for the current query is still coming: `ids` then answer an earlier one. */
  current: boolean;
}

/** Runs the query in the search worker; runs it again as new papers are stored or indexed. */
export function useSearch(query: string): SearchState {
  const { search } = useServices();
  const { storedBatches } = useAppStatus();
  // A query typed while the index is still loading or rebuilding is answered again as it grows.
  const indexed = useThrottled(useIndexProgress().indexed, 1000);
  const [answer, setAnswer] = useState<{ query: string; ids: string[]; terms: MatchTerm[] } | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    void search.search(trimmed).then((result) => {
      if (live && result) setAnswer({ query: trimmed, ...result });
    });
    return () => {
      live = false;
    };
  }, [search, trimmed, storedBatches, indexed]);

  if (trimmed === '') return { ids: null, terms: [], current: true };
  return { ids: answer?.ids ?? null, terms: answer?.terms ?? [], current: answer?.query === trimmed };
}

/** How far the search index has got: a rebuild or a first ingest can take a while at 100,000 papers. */
export function useIndexProgress(): IndexProgress {
  const { search } = useServices();
  return useSyncExternalStore(search.subscribeProgress, search.getProgress);
}
