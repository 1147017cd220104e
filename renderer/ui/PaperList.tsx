import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { MatchTerm } from '../search/highlight';
import { formatDate } from './format-date';
import { Highlighted } from './Highlighted';
import { useListedPapers } from './use-library';

interface Props {
  ids: string[];
  terms: MatchTerm[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const ROW_HEIGHT = 76;

/**
 * The paper list, virtualised: only the rows on screen exist, and only their papers are read
 * from the database, so 100,000 papers cost what a screenful does.
 */
export function PaperList({ ids, terms, selectedId, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new getItemKey makes the virtualizer lay out every row again: keep it while the ids stay.
  const getItemKey = useCallback((index: number) => ids[index]!, [ids]);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey,
  });
  const rows = virtualizer.getVirtualItems();
  const papers = useListedPapers(rows.map((row) => ids[row.index]!));
  const selectedIndex = selectedId === null ? -1 : ids.indexOf(selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const moveSelection = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (step === undefined || ids.length === 0) return;
    event.preventDefault();
    const next = Math.min(ids.length - 1, Math.max(0, selectedIndex + step));
    onSelect(ids[next]!);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${next}"] button`)?.focus());
  };

  return (
    <div className="paper-list" ref={scrollRef} role="list" aria-label="Papers" onKeyDown={moveSelection}>
      <div className="paper-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const id = ids[row.index]!;
          const item = papers?.get(id);
          return (
            <div
              key={row.key}
              role="listitem"
              aria-setsize={ids.length}
              aria-posinset={row.index + 1}
              data-index={row.index}
              className="paper-row-slot"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              {item ? (
                <button
                  type="button"
                  className={`paper-row${item.read ? '' : ' unread'}${id === selectedId ? ' selected' : ''}`}
                  aria-current={id === selectedId ? 'true' : undefined}
                  onClick={() => onSelect(id)}
                >
                  <span className="paper-row-title">
                    <Highlighted text={item.paper.title} terms={terms} />
                  </span>
                  <span className="paper-row-meta">
                    {item.starred && <span className="star-mark" aria-label="starred">★ </span>}
                    {!item.read && <span className="visually-hidden">unread, </span>}
                    {[formatDate(item.paper.published), authorLine(item.paper.authors)].filter(Boolean).join(' · ')}
                  </span>
                  <span className="paper-row-snippet">{item.paper.abstract.slice(0, 300)}</span>
                </button>
              ) : (
                <div className="paper-row paper-row-loading" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function authorLine(authors: string[]): string {
  if (authors.length <= 2) return authors.join(' and ');
  return `${authors[0]} et al.`;
}
