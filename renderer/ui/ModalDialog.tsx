import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal <dialog> named by its heading, shown while `open`; Esc and Close call onClose. */
export function ModalDialog({ open, onClose, title, className, children }: { open: boolean; onClose: () => void; title: string; className: string; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className={`modal-dialog ${className}`} aria-labelledby={heading} onClose={onClose}>
      <h2 id={heading}>{title}</h2>
      {children}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
