import { describeCategory } from '../../shared/arxiv-taxonomy';
import type { SortOrder } from './view-state';

interface Props {
  searching: boolean;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
  source: string | null;
  onSource: (source: null) => void;
  category: string | null;
  onCategory: (category: null) => void;
}

/** Above the list: its order, and the source and category it is narrowed to, each with a way to let it go. */
export function ViewControls({ searching, sort, onSort, source, onSource, category, onCategory }: Props) {
  return (
    <div className="view-controls">
      <label>
        Sort{' '}
        <select value={sort} onChange={(event) => onSort(event.target.value as SortOrder)}>
          <option value="newest">newest first</option>
          <option value="oldest">oldest first</option>
          {/* Relevance ranks a search: without a query there is nothing to rank by. */}
          <option value="relevance" disabled={!searching}>
            by relevance
          </option>
        </select>
      </label>
      {source !== null && <Narrowed kind="Source" name={source} onClear={() => onSource(null)} />}
      {category !== null && <Narrowed kind="Category" name={describeCategory(category)} onClear={() => onCategory(null)} />}
    </div>
  );
}

function Narrowed({ kind, name, onClear }: { kind: string; name: string; onClear: () => void }) {
  return (
    <span className="narrowed">
      {kind}: <span className="narrowed-name">{name}</span>
      <button type="button" aria-label={`Show every ${kind.toLowerCase()}`} onClick={onClear}>
        ×
      </button>
    </span>
  );
}
