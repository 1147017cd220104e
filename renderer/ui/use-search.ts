import { useEffect, useState } from 'react';
import { useAppStatus, useServices } from './app-context';

export interface SearchState {
  /** Ids matching the last answered query, best first; null when the query is empty. */
  ids: string[] | null;
  /** False while the answer for the current query is still coming: `ids` then answer an earlier one. */
  current: boolean;
}

/** Runs the query in the search worker; runs it again when new papers are stored. */
export function useSearch(query: string): SearchState {
  const { search } = useServices();
  const { storedBatches } = useAppStatus();
  const [answer, setAnswer] = useState<{ query: string; ids: string[] } | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    void search.search(trimmed).then((ids) => {
      if (live && ids) setAnswer({ query: trimmed, ids });
    });
    return () => {
      live = false;
    };
  }, [search, trimmed, storedBatches]);

  if (trimmed === '') return { ids: null, current: true };
  return { ids: answer?.ids ?? null, current: answer?.query === trimmed };
}
