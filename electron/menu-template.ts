import { COMMAND_LIST, type CommandId, type CommandMenu } from '../shared/commands';

/** The shape of Electron's MenuItemConstructorOptions that the menus use; main.ts hands it to Menu.buildFromTemplate. */
export interface MenuItem {
  label?: string;
  role?: 'appMenu' | 'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'togglefullscreen' | 'resetZoom' | 'zoomIn' | 'zoomOut';
  type?: 'separator';
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}

const MENUS: readonly CommandMenu[] = ['File', 'Edit', 'View', 'Go', 'Help'];

/** What each menu holds before its commands: the platform's own items, for text fields and the window. */
const STANDARD_ITEMS: Record<CommandMenu, MenuItem[]> = {
  File: [{ role: 'quit' }],
  Edit: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  View: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }],
  Go: [],
  Help: [],
};

/**
 * A command's first key as an Electron accelerator: "j" is "J", "Shift+A" stays. A sequence ("g a")
 * has none. Accelerators are shown, not registered: a registered "J" would swallow every j typed
 * into the search box. The renderer's key handler does the work, as it does in web mode.
 */
export function acceleratorFor(keys: readonly string[]): string | undefined {
  const key = keys[0];
  if (key === undefined || key.includes(' ')) return undefined;
  if (key === '?') return 'Shift+/';
  return /^[a-z]$/u.test(key) ? key.toUpperCase() : key;
}

/** The application menu: each menu's standard items, then its commands from the shared list. */
export function menuTemplate(runCommand: (id: CommandId) => void, platform: NodeJS.Platform = process.platform): MenuItem[] {
  const menus = MENUS.map((menu): MenuItem => {
    const commands = COMMAND_LIST.filter((command) => command.menu === menu).map((command): MenuItem => {
      const accelerator = acceleratorFor(command.keys);
      return {
        label: command.label,
        ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
        click: () => runCommand(command.id),
      };
    });
    const standard = STANDARD_ITEMS[menu].filter((item) => !(platform === 'darwin' && item.role === 'quit'));
    return { label: menu, submenu: [...standard, ...(standard.length > 0 && commands.length > 0 ? [{ type: 'separator' as const }] : []), ...commands] };
  });
  // On macOS the first menu is the application's own.
  return platform === 'darwin' ? [{ role: 'appMenu' }, ...menus] : menus;
}
