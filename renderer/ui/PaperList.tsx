import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatDate } from './format-date';
import type { ListedPaper } from './use-library';

interface Props {
  papers: ListedPaper[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const ROW_HEIGHT = 76;

/** The paper list, virtualised so that thousands of rows cost what a screenful does. */
export function PaperList({ papers, selectedId, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: papers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => papers[index]!.paper.id,
  });
  const selectedIndex = papers.findIndex((item) => item.paper.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const moveSelection = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (step === undefined || papers.length === 0) return;
    event.preventDefault();
    const next = Math.min(papers.length - 1, Math.max(0, selectedIndex + step));
    onSelect(papers[next]!.paper.id);
    scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${next}"] button`)?.focus();
  };

  return (
    <div className="paper-list" ref={scrollRef} role="list" aria-label="Papers" onKeyDown={moveSelection}>
      <div className="paper-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const { paper, read, starred } = papers[row.index]!;
          return (
            <div
              key={row.key}
              role="listitem"
              aria-setsize={papers.length}
              aria-posinset={row.index + 1}
              data-index={row.index}
              className="paper-row-slot"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              <button
                type="button"
                className={`paper-row${read ? '' : ' unread'}${paper.id === selectedId ? ' selected' : ''}`}
                aria-current={paper.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(paper.id)}
              >
                <span className="paper-row-title">{paper.title}</span>
                <span className="paper-row-meta">
                  {starred && <span className="star-mark" aria-label="starred">★ </span>}
                  {!read && <span className="visually-hidden">unread, </span>}
                  {[formatDate(paper.published), authorLine(paper.authors)].filter(Boolean).join(' · ')}
                </span>
                <span className="paper-row-snippet">{paper.abstract}</span>
              </button>
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
