import { useEffect, useId, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../export/export-file';

interface Props {
  /** The button's name: "Export" for the view, another for one paper. */
  label: string;
  onExport: (format: ExportFormat) => void;
  /** Set to open the menu from outside (the export command); each change opens it again. */
  openRequest?: number;
}

/** A button that opens a menu of the export formats; arrow keys move within it, Esc closes it. */
export function ExportMenu({ label, onExport, openRequest }: Props) {
  const [open, setOpen] = useState(Boolean(openRequest));
  // Each new request opens the menu: adjusted while rendering, as React advises for state that follows a prop.
  const [seenRequest, setSeenRequest] = useState(openRequest);
  if (openRequest !== seenRequest) {
    setSeenRequest(openRequest);
    if (openRequest) setOpen(true);
  }
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined) items[(at + step + items.length) % items.length]?.focus();
    if (event.key === 'Escape') setOpen(false);
    if (step !== undefined || event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <div className="export-menu" onKeyDown={onKeyDown}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {label}
      </button>
      {open && (
        <div role="menu" id={id} ref={menu} aria-label={label} className="export-menu-items">
          {EXPORT_FORMATS.map(({ format, label: item }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                onExport(format);
              }}
            >
              {item}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
