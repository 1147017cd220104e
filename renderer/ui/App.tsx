import { useState } from 'react';
import { setMark } from '../db/paper-state';
import { useServices } from './app-context';
import { EmptyState } from './EmptyState';
import { FileErrors } from './FileErrors';
import { FilterBar } from './FilterBar';
import type { Filter } from './filters';
import { FolderBar } from './FolderBar';
import { PaperList } from './PaperList';
import { Reader } from './Reader';
import { SearchSummary } from './SearchSummary';
import { useLibraryView, useOpenPaper, type SortOrder } from './use-library';
import { useSearch } from './use-search';
import { ViewControls } from './ViewControls';

export function App() {
  const { db } = useServices();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortOrder>('relevance');
  const [source, setSource] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const search = useSearch(query);
  const view = useLibraryView({ filter, searchIds: search.ids, sort, source, category });
  const selected = useOpenPaper(selectedId);

  const open = (id: string) => {
    setSelectedId(id);
    void setMark(db, id, 'read', true);
  };

  const isEmpty = view !== undefined && view.counts.all === 0;
  return (
    <div className="app">
      <header className="top-bar">
        <h1 className="brand">Paperdrop</h1>
        <input
          type="search"
          className="search"
          aria-label="Search papers"
          placeholder='Search — "a phrase", author:name, cat:cs.CL, -word, an arXiv id'
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <FilterBar filter={filter} counts={view?.counts} onChange={setFilter} />
      </header>
      <FolderBar />
      <FileErrors />
      {isEmpty ? (
        <EmptyState />
      ) : (
        <main className="panes">
          <div className="list-pane">
            <ViewControls
              searching={query.trim() !== ''}
              sort={sort}
              onSort={setSort}
              source={source}
              onSource={setSource}
              category={category}
              onCategory={setCategory}
            />
            {query.trim() !== '' && <SearchSummary query={query} search={search} view={view} />}
            <PaperList ids={view?.ids ?? []} terms={search.terms} selectedId={selectedId} onSelect={open} />
          </div>
          <Reader
            item={selected}
            terms={search.terms}
            onToggleStar={() => selected && void setMark(db, selected.paper.id, 'starred', !selected.starred)}
            onToggleRead={() => selected && void setMark(db, selected.paper.id, 'read', !selected.read)}
          />
        </main>
      )}
    </div>
  );
}
