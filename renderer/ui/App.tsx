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
import { useLibrary, useOpenPaper } from './use-library';
import { useSearch } from './use-search';

export function App() {
  const { db } = useServices();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const search = useSearch(query);
  const library = useLibrary(filter, search.ids);
  const selected = useOpenPaper(selectedId);

  const open = (id: string) => {
    setSelectedId(id);
    void setMark(db, id, 'read', true);
  };

  const isEmpty = library !== undefined && library.counts.all === 0;
  return (
    <div className="app">
      <header className="top-bar">
        <h1 className="brand">Paperdrop</h1>
        <input
          type="search"
          className="search"
          aria-label="Search papers"
          placeholder="Search titles and abstracts"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <FilterBar filter={filter} counts={library?.counts} onChange={setFilter} />
      </header>
      <FolderBar />
      <FileErrors />
      {isEmpty ? (
        <EmptyState />
      ) : (
        <main className="panes">
          <div className="list-pane">
            {query.trim() !== '' && (
              <p className="search-summary" role="status">
                {!search.current || !library || library.searchIds !== search.ids
                  ? 'Searching…'
                  : `${library.papers.length} ${library.papers.length === 1 ? 'paper matches' : 'papers match'} “${query.trim()}”`}
              </p>
            )}
            <PaperList papers={library?.papers ?? []} selectedId={selectedId} onSelect={open} />
          </div>
          <Reader
            item={selected}
            onToggleStar={() => selected && void setMark(db, selected.paper.id, 'starred', !selected.starred)}
            onToggleRead={() => selected && void setMark(db, selected.paper.id, 'read', !selected.read)}
          />
        </main>
      )}
    </div>
  );
}
