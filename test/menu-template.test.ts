import { describe, expect, it } from 'vitest';
import { menuCommandRunner } from '../electron/menu-commands';
import { acceleratorFor, menuTemplate, type MenuItem } from '../electron/menu-template';
import { COMMAND_LIST, type CommandId } from '../shared/commands';

const items = (menu: MenuItem) => menu.submenu ?? [];
const commandItems = (template: MenuItem[]) => template.flatMap(items).filter((item) => item.click);

describe('the desktop menus', () => {
  it('are File, Edit, View, Go and Help, with the application menu first on macOS', () => {
    expect(menuTemplate(() => undefined, 'linux').map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Go', 'Help']);
    expect(menuTemplate(() => undefined, 'darwin').map((menu) => menu.role ?? menu.label)).toEqual(['appMenu', 'File', 'Edit', 'View', 'Go', 'Help']);
  });

  it('hold every command once, under its label, and a click sends its id to the renderer', () => {
    const sent: CommandId[] = [];
    const template = menuTemplate((id) => sent.push(id), 'linux');
    const clickable = commandItems(template);
    expect(clickable.map((item) => item.label).sort()).toEqual(COMMAND_LIST.map((command) => command.label).sort());
    for (const item of clickable) item.click!();
    expect(sent.sort()).toEqual(COMMAND_LIST.map((command) => command.id).sort());
  });

  it('show each single-key shortcut without registering it, so typing in the search box is never taken', () => {
    const template = menuTemplate(() => undefined, 'linux');
    const next = commandItems(template).find((item) => item.label === 'Next paper')!;
    expect(next).toMatchObject({ accelerator: 'J', registerAccelerator: false });
    expect(commandItems(template).every((item) => item.accelerator === undefined || item.registerAccelerator === false)).toBe(true);
    expect(acceleratorFor(['Shift+A'])).toBe('Shift+A');
    expect(acceleratorFor(['g a'])).toBeUndefined();
    expect(acceleratorFor(['?'])).toBe('Shift+/');
  });

  it('keep the platform’s text editing items in Edit, and quit in File except on macOS', () => {
    const linux = menuTemplate(() => undefined, 'linux');
    expect(items(linux[1]!).map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(items(linux[0]!).some((item) => item.role === 'quit')).toBe(true);
    expect(items(menuTemplate(() => undefined, 'darwin')[1]!).some((item) => item.role === 'quit')).toBe(false);
  });
});

describe('a desktop menu item', () => {
  it('imports through main’s own file dialog, since a page may open its picker only on a click or key in it; every other command goes to the renderer', () => {
    const sent: CommandId[] = [];
    let dialogs = 0;
    const run = menuCommandRunner({ sendToRenderer: (id) => sent.push(id), importWithDialog: () => (dialogs += 1) });
    for (const item of commandItems(menuTemplate(run, 'linux'))) item.click!();
    expect(dialogs).toBe(1);
    expect(sent.sort()).toEqual(COMMAND_LIST.map((command) => command.id).filter((id) => id !== 'import').sort());
  });
});
