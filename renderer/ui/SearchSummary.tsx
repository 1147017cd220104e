import { formatCount } from './format-count';
import { matchSummary } from './match-summary';
import type { LibraryView } from './use-library';
import { useIndexProgress, type SearchState } from './use-search';

interface Props {
  query: string;
  search: SearchState;
  view: LibraryView | undefined;
}

/** How many papers match — never a count that belongs to an earlier query — and how far indexing is. */
export function SearchSummary({ query, search, view }: Props) {
  const progress = useIndexProgress();
  const answered = search.current && view !== undefined && view.searchIds === search.ids;
  return (
    <p className="search-summary" role="status">
      {matchSummary(query, answered ? { count: view.ids.length, indexReady: progress.ready } : null)}
      {!progress.ready && progress.total > 0 && (
        <span className="muted">
          {' '}
          (indexed {formatCount(progress.indexed)} of {formatCount(progress.total)} papers so far)
        </span>
      )}
    </p>
  );
}
