import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_WIDTHS } from '../settings/layout-store';
import { useLayout, useServices } from './app-context';

type Pane = keyof typeof PANE_WIDTHS;

interface Props {
  pane: Pane;
  label: string;
}

const STEP = 16;
const cssProperty = (pane: Pane) => (pane === 'sidebarWidth' ? '--sidebar-width' : '--list-width');

/**
 * A window splitter (WAI-ARIA): drag it, or focus it and use the arrow keys, Home and End. While
 * dragging, the width is set on the page alone; it is stored, and remembered, when the drag ends.
 */
export function PaneResizer({ pane, label }: Props) {
  const { layout } = useServices();
  const width = useLayout()[pane];
  const { min, max } = PANE_WIDTHS[pane];
  const drag = useRef<{ startX: number; startWidth: number; width: number } | null>(null);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(min, value)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current.width = clamp(drag.current.startWidth + event.clientX - drag.current.startX);
    document.documentElement.style.setProperty(cssProperty(pane), `${drag.current.width}px`);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    layout.update({ [pane]: drag.current.width });
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowLeft: width - STEP, ArrowRight: width + STEP, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    layout.update({ [pane]: clamp(next) });
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="pane-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
