import { describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../renderer/commands/command-context';
import { commandForKeys, keyOf } from '../../renderer/commands/keys';
import { COMMANDS, commandById } from '../../renderer/commands/registry';
import type { MarkChange } from '../../renderer/db/mark-writer';
import type { Mark } from '../../renderer/db/records';
import type { ListedPaper } from '../../renderer/ui/use-library';
import { INITIAL_VIEW, viewReducer, type ViewAction, type ViewState } from '../../renderer/ui/view-state';

/** A context over five papers, a and c already read, that records what commands do. */
function contextFor(initial: Partial<ViewState> = {}) {
  const read = new Set(['a', 'c']);
  const starred = new Set<string>();
  let state: ViewState = { ...INITIAL_VIEW, ...initial };
  const opened: string[] = [];
  const context: CommandContext = {
    get state() {
      return state;
    },
    dispatch: (action: ViewAction) => {
      state = viewReducer(state, action);
    },
    ids: ['a', 'b', 'c', 'd', 'e'],
    isRead: (id) => read.has(id),
    isStarred: (id) => starred.has(id),
    get selected() {
      const id = state.selectedId;
      if (id === null) return undefined;
      const links = { abs: `https://arxiv.org/abs/${id}`, pdf: null, doi: null, hf: null };
      return { paper: { id, links }, read: read.has(id), starred: starred.has(id) } as unknown as ListedPaper;
    },
    setMarks: async (ids: readonly string[], mark: Mark, change: MarkChange) => {
      const marked = mark === 'read' ? read : starred;
      for (const id of ids) marked[(change === 'toggle' ? !marked.has(id) : change) ? 'add' : 'delete'](id);
    },
    canUndo: () => false,
    undo: async () => undefined,
    focusSearch: vi.fn(),
    pageReader: vi.fn(() => false),
    openExternal: (url) => opened.push(url),
    showShortcuts: vi.fn(),
    showSettings: vi.fn(),
    openExport: vi.fn(),
    importFiles: vi.fn(),
    markReadOnOpen: true,
  };
  const press = async (keys: string) => {
    const command = commandForKeys(keys);
    if (!command) throw new Error(`no command for ${keys}`);
    if (command.enabled(context)) await command.run(context);
  };
  return { context, press, read, starred, opened, state: () => state };
}

describe('the command registry', () => {
  it('gives every key to one command at most, and every command an id of its own', () => {
    const keys = COMMANDS.flatMap((command) => command.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(COMMANDS.map((command) => command.id)).size).toBe(COMMANDS.length);
  });

  it('names presses as the registry does, and leaves the browser its own shortcuts', () => {
    const press = (key: string, modifiers: Partial<KeyboardEvent> = {}) =>
      keyOf({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...modifiers });
    expect(press('j')).toBe('j');
    expect(press('A', { shiftKey: true })).toBe('Shift+A');
    expect(press(' ')).toBe('Space');
    expect(press('?', { shiftKey: true })).toBe('?');
    expect(press('r', { ctrlKey: true })).toBeNull();
  });

  it('j and k move through the view, opening and marking each paper read', async () => {
    const { press, read, state } = contextFor();
    await press('j');
    expect(state().selectedId).toBe('a');
    await press('j');
    expect(state().selectedId).toBe('b');
    expect(read.has('b')).toBe(true);
    await press('k');
    expect(state().selectedId).toBe('a');
    await press('k');
    expect(state().selectedId).toBe('a');
  });

  it('Space goes to the next unread once the reader is at its end', async () => {
    const { press, state } = contextFor({ selectedId: 'b' });
    await press('Space');
    expect(state().selectedId).toBe('d');
  });

  it('s and m toggle the open paper; o opens its abstract page', async () => {
    const { press, read, starred, opened } = contextFor({ selectedId: 'b' });
    await press('s');
    await press('m');
    expect([starred.has('b'), read.has('b')]).toEqual([true, true]);
    await press('s');
    expect(starred.has('b')).toBe(false);
    await press('o');
    expect(opened).toEqual(['https://arxiv.org/abs/b']);
  });

  it('u toggles unread only, g then a, u or s goes to a view, Shift+A marks the whole view read', async () => {
    const { press, read, state } = contextFor();
    await press('u');
    expect(state().filter).toBe('unread');
    await press('u');
    expect(state().filter).toBe('all');
    await press('g s');
    expect(state().filter).toBe('starred');
    await press('Shift+A');
    expect([...read].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('i opens the import picker, with or without papers', async () => {
    const { context, press } = contextFor();
    await press('i');
    expect(context.importFiles).toHaveBeenCalledTimes(1);
    expect(commandById('import').enabled({ ...context, ids: [] })).toBe(true);
  });

  it('commands that need an open paper are disabled without one', () => {
    const { context } = contextFor();
    for (const id of ['toggle-read', 'toggle-starred', 'open-abstract-page', 'open-pdf'] as const) expect(commandById(id).enabled(context), id).toBe(false);
  });
});
