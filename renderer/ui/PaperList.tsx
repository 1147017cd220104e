import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import type { MatchTerm } from '../search/highlight';
import { dayLabel } from './day-label';
import { PaperRow } from './PaperRow';
import { useListedPapers } from './use-library';

interface Props {
  ref: Ref<HTMLDivElement>;
  ids: string[];
  /** Each id's listing day, in a date order: a header opens each day. Null in relevance order. */
  days: string[] | null;
  terms: MatchTerm[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const ROW_HEIGHT = 76;
const DAY_HEADER_HEIGHT = 30;

/**
 * The paper list, virtualised: only the rows on screen exist, and only their papers are read
 * from the database, so 100,000 papers cost what a screenful does. It is one Tab stop (a roving
 * tabindex on the open paper's row); the keys that move through it are the registry's commands.
 */
export function PaperList({ ref, ids, days, terms, selectedId, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => scrollRef.current!, []);
  const opensDay = useCallback((index: number) => days !== null && (index === 0 || days[index] !== days[index - 1]), [days]);
  // The rows' keys and heights, made anew only when the ids or their days (which decide the heights) change:
  // a new getItemKey makes the virtualizer lay out every row again.
  const { getItemKey, estimateSize } = useMemo(
    () => ({
      getItemKey: (index: number) => ids[index]!,
      estimateSize: (index: number) => ROW_HEIGHT + (opensDay(index) ? DAY_HEADER_HEIGHT : 0),
    }),
    [ids, opensDay],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the React Compiler (not used in this build) would skip this component
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 8,
    getItemKey,
  });
  const rows = virtualizer.getVirtualItems();
  const topIndex = virtualizer.range?.startIndex;
  const papers = useListedPapers(rows.map((row) => ids[row.index]!));
  const selectedIndex = selectedId === null ? -1 : ids.indexOf(selectedId);
  // One callback for every row, whatever the parent passes, so that rows stay memoised.
  const latestSelect = useRef(onSelect);
  latestSelect.current = onSelect;
  const open = useCallback((id: string) => latestSelect.current(id), []);

  useEffect(() => {
    if (selectedIndex < 0) return;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Focus follows the open paper while it is in the list, so that keys keep working from there.
    const list = scrollRef.current;
    if (list?.contains(document.activeElement)) {
      requestAnimationFrame(() => list.querySelector<HTMLButtonElement>(`[data-index="${selectedIndex}"] button`)?.focus());
    }
  }, [selectedIndex, virtualizer]);

  // The row that takes Tab: the open paper's when it is on screen, else the first on screen.
  const tabStop = rows.some((row) => row.index === selectedIndex) ? selectedIndex : (rows[0]?.index ?? -1);

  return (
    <div className="paper-list" ref={scrollRef} role="list" aria-label="Papers">
      {days !== null && topIndex !== undefined && (
        // The day of the rows at the top stays in sight while they scroll; screen readers have the headers themselves.
        <div className="day-sticky" aria-hidden="true">
          <div className="day-header">{dayLabel(days[topIndex]!)}</div>
        </div>
      )}
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
              style={{ transform: `translateY(${row.start}px)`, height: row.size }}
            >
              {opensDay(row.index) && <h3 className="day-header">{dayLabel(days![row.index]!)}</h3>}
              {item ? (
                <PaperRow
                  paper={item.paper}
                  read={item.read}
                  starred={item.starred}
                  selected={id === selectedId}
                  tabbable={row.index === tabStop}
                  terms={terms}
                  onOpen={open}
                />
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
