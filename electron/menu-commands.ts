import type { CommandId } from '../shared/commands';

export interface MenuCommandActions {
  /** Hands the command to the renderer, which runs it as it would from its key. */
  sendToRenderer: (id: CommandId) => void;
  /** Shows the desktop app's own file dialog and imports what is chosen. */
  importWithDialog: () => void;
}

/**
 * What a menu item does. Import opens main's own file dialog: a page may open its file picker only
 * right after a click or key press in it, and a menu item is neither. Every other command runs in
 * the renderer.
 */
export function menuCommandRunner({ sendToRenderer, importWithDialog }: MenuCommandActions): (id: CommandId) => void {
  return (id) => (id === 'import' ? importWithDialog() : sendToRenderer(id));
}
