import { useEffect, useState } from 'react';
import { useAppStatus, useServices } from './app-context';

/** Ids matching the query, best first; null when the query is empty. Re-runs when new papers are stored. */
export function useSearch(query: string): string[] | null {
  const { search } = useServices();
  const { storedBatches } = useAppStatus();
  const [ids, setIds] = useState<string[] | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') {
      setIds(null);
      return;
    }
    let current = true;
    void search.search(trimmed).then((result) => {
      if (current && result) setIds(result);
    });
    return () => {
      current = false;
    };
  }, [search, trimmed, storedBatches]);

  return trimmed === '' ? null : ids;
}
