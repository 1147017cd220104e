import { COMMANDS } from '../commands/registry';
import { ModalDialog } from './ModalDialog';

/** "g a" is typed as g, then a. */
const spoken = (keys: string) => keys.split(' ').join(' then ');

/** The dialog "Keyboard shortcuts": every command with its keys, read from the registry. */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} title="Keyboard shortcuts" className="shortcut-sheet">
      <table>
        <tbody>
          {COMMANDS.filter((command) => command.keys.length > 0).map((command) => (
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
    </ModalDialog>
  );
}
