import { memo, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MarkSnapshot } from '../sync/mark-sets';
import { useLayout, useServices } from './app-context';
import { FILTERS, type Filter } from './filters';
import { formatCount } from './format-count';
import type { Layout } from '../settings/layout-store';
import { useRovingTabStop } from './use-roving-tab-stop';
import { shownSources, SOURCES_SHOWN } from './shown-sources';
import { useSidebarLists, type SidebarEntry } from './use-sidebar-lists';

interface Props {
  filter: Filter;
  counts: Record<Filter, number> | undefined;
  source: string | null;
  category: string | null;
  marks: MarkSnapshot | undefined;
  onFilter: (filter: Filter) => void;
  onSource: (source: string | null) => void;
  onCategory: (category: string | null) => void;
}


/**
 * The library's views: Today, All, Unread and Starred with their counts, then each source file and
 * arXiv category with its unread papers. A source or category narrows the view and combines with
 * the others; choosing it again lets it go. The whole sidebar is one Tab stop; arrows move in it.
 */
export const Sidebar = memo(function Sidebar({ filter, counts, source, category, marks, onFilter, onSource, onCategory }: Props) {
  const nav = useRef<HTMLElement>(null);
  const lists = useSidebarLists(marks);
  const { sourcesOpen, categoriesOpen } = useLayout();
  const [fileQuery, setFileQuery] = useState('');
  const roving = useRovingTabStop(nav, [lists, filter, source, category, sourcesOpen, categoriesOpen, fileQuery]);
  return (
    <nav ref={nav} id="library" className="sidebar" aria-label="Library" {...roving}>
      <ul className="sidebar-views">
        {FILTERS.map(({ value, label }) => (
          <li key={value}>
            <button
              type="button"
              className="sidebar-item"
              aria-pressed={filter === value}
              onClick={() => onFilter(value)}
            >
              <span className="sidebar-label">{label}</span>{' '}
              <span className="count" data-testid={`count-${value}`}>
                {counts?.[value] ?? 0}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <SidebarSection title="Sources" open="sourcesOpen">
        <SourceList entries={lists?.sources} query={fileQuery} onQuery={setFileQuery} chosen={source} onChoose={onSource} />
      </SidebarSection>
      <SidebarSection title="Categories" open="categoriesOpen">
        {lists?.archives.map(({ archive, categories }) => (
          <ArchiveGroup key={archive} archive={archive}>
            <EntryList entries={categories} chosen={category} onChoose={onCategory} />
          </ArchiveGroup>
        ))}
      </SidebarSection>
    </nav>
  );
});

function SidebarSection({ title, open, children }: { title: string; open: keyof Pick<Layout, 'sourcesOpen' | 'categoriesOpen'>; children: ReactNode }) {
  const { layout } = useServices();
  const isOpen = useLayout()[open];
  const id = useId();
  return (
    <section className="sidebar-section" aria-labelledby={`${id}-title`}>
      <h2 className="sidebar-heading" id={`${id}-title`}>
        <button type="button" aria-expanded={isOpen} aria-controls={id} onClick={() => layout.update({ [open]: !isOpen })}>
          {title}
        </button>
      </h2>
      <div id={id} hidden={!isOpen}>
        {isOpen && children}
      </div>
    </section>
  );
}

function ArchiveGroup({ archive, children }: { archive: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="sidebar-archive">
      <h3 id={id}>{archive}</h3>
      {children}
    </div>
  );
}

interface SourceListProps {
  entries: SidebarEntry[] | undefined;
  query: string;
  onQuery: (query: string) => void;
  chosen: string | null;
  onChoose: (name: string | null) => void;
}

/** The files, newest first; past SOURCES_SHOWN, the newest and a field to find the others by name. */
function SourceList({ entries, query, onQuery, chosen, onChoose }: SourceListProps) {
  const sources = useMemo(() => (entries && entries.length > SOURCES_SHOWN ? shownSources(entries, query, chosen) : null), [entries, query, chosen]);
  if (!entries || !sources) return <EntryList entries={entries} chosen={chosen} onChoose={onChoose} />;
  const { shown, matching } = sources;
  return (
    <>
      <input
        type="search"
        className="sidebar-filter"
        aria-label="Find a file"
        placeholder={`Find among ${formatCount(entries.length)} files`}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
      />
      <EntryList entries={shown} chosen={chosen} onChoose={onChoose} />
      <p className="sidebar-note" role="status">
        {matching === 0 ? 'No file’s name holds that.' : matching > SOURCES_SHOWN ? `The newest ${SOURCES_SHOWN} of ${formatCount(matching)}; type to find others.` : ''}
      </p>
    </>
  );
}

/** Memoized: the sidebar renders with every stored batch, its lists at most once a second. */
const EntryList = memo(function EntryList({ entries, chosen, onChoose }: { entries: SidebarEntry[] | undefined; chosen: string | null; onChoose: (name: string | null) => void }) {
  if (!entries) return <p className="sidebar-note">Counting…</p>;
  return (
    <ul>
      {entries.map(({ name, label, count }) => (
        <EntryItem key={name} name={name} label={label} papers={count.papers} unread={count.unread} chosen={chosen === name} onChoose={onChoose} />
      ))}
    </ul>
  );
});

interface EntryItemProps {
  name: string;
  label: string;
  papers: number;
  unread: number;
  chosen: boolean;
  onChoose: (name: string | null) => void;
}

/** One file or category. Memoized: with thousands of files, only the entries whose counts changed are drawn again. */
const EntryItem = memo(function EntryItem({ name, label, papers, unread, chosen, onChoose }: EntryItemProps) {
  return (
    <li>
      <button
        type="button"
        className={`sidebar-item${unread === 0 ? ' all-read' : ''}`}
        aria-pressed={chosen}
        title={`${label}: ${formatCount(unread)} unread of ${formatCount(papers)}`}
        onClick={() => onChoose(chosen ? null : name)}
      >
        <span className="sidebar-label">{label}</span>
        {unread > 0 && ' '}
        {unread > 0 && (
          <span className="count">
            {formatCount(unread)}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </button>
    </li>
  );
});
