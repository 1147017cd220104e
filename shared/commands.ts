/** The menus the desktop app's commands sit in. */
export type CommandMenu = 'File' | 'Edit' | 'View' | 'Go' | 'Help';

export interface CommandInfo {
  id: string;
  label: string;
  /** As the renderer's key handler names presses: "j", "Shift+A", "Space", "g a" for g then a. */
  keys: readonly string[];
  menu: CommandMenu;
}

/**
 * Every command, once: its id, label, keys and menu. The renderer gives each its behaviour
 * (renderer/commands/registry.ts); Electron builds its menus from this list, and a menu item
 * sends the command's id to the renderer.
 */
export const COMMAND_LIST = [
  { id: 'next', label: 'Next paper', keys: ['j'], menu: 'Go' },
  { id: 'previous', label: 'Previous paper', keys: ['k'], menu: 'Go' },
  { id: 'page-or-next-unread', label: 'Scroll the paper; at its end, the next unread', keys: ['Space'], menu: 'Go' },
  { id: 'open-abstract-page', label: 'Open the abstract page in the browser', keys: ['o', 'Enter'], menu: 'Go' },
  { id: 'open-pdf', label: 'Open the PDF', keys: ['p'], menu: 'Go' },
  { id: 'toggle-read', label: 'Toggle read', keys: ['m'], menu: 'Edit' },
  { id: 'toggle-starred', label: 'Toggle star', keys: ['s'], menu: 'Edit' },
  { id: 'mark-all-read', label: 'Mark everything in view as read', keys: ['Shift+A'], menu: 'Edit' },
  { id: 'undo', label: 'Undo the last change of marks', keys: ['z'], menu: 'Edit' },
  { id: 'focus-search', label: 'Search (Esc leaves and clears it)', keys: ['/'], menu: 'Edit' },
  { id: 'toggle-unread-only', label: 'Toggle unread only', keys: ['u'], menu: 'View' },
  { id: 'go-today', label: 'Go to Today', keys: ['g t'], menu: 'Go' },
  { id: 'go-all', label: 'Go to All', keys: ['g a'], menu: 'Go' },
  { id: 'go-unread', label: 'Go to Unread', keys: ['g u'], menu: 'Go' },
  { id: 'go-starred', label: 'Go to Starred', keys: ['g s'], menu: 'Go' },
  { id: 'import', label: 'Import files…', keys: ['i'], menu: 'File' },
  { id: 'export', label: 'Export the papers in view…', keys: ['e'], menu: 'File' },
  { id: 'settings', label: 'Settings…', keys: [','], menu: 'File' },
  { id: 'help', label: 'Keyboard shortcuts', keys: ['?'], menu: 'Help' },
] as const satisfies readonly CommandInfo[];

export type CommandId = (typeof COMMAND_LIST)[number]['id'];
