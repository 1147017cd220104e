import { useEffect, useRef } from 'react';
import { COMMANDS } from '../commands/registry';

/** "g a" is typed as g, then a. */
const spoken = (keys: string) => keys.split(' ').join(' then ');

/** The dialog "Keyboard shortcuts": every command with its keys, read from the registry. */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcut-sheet" aria-labelledby="shortcut-sheet-title" onClose={onClose}>
      <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {COMMANDS.map((command) => (
            <tr key={command.id}>
              <td>
                {command.keys.map((keys, index) => (
                  <span key={keys}>
                    {index > 0 && ' or '}
                    <kbd>{spoken(keys)}</kbd>
                  </span>
                ))}
              </td>
              <td>{command.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
