import type { Filter } from '../ui/filters';
import type { CommandContext } from './command-context';

/**
 * Every action the user can take, defined once: the keyboard handler, the shortcut sheet and the
 * buttons all read it. Keys are as keyOf names them: "j", "Shift+A", "Space", "g a" for a sequence.
 */
export interface Command {
  id: string;
  label: string;
  keys: readonly string[];
  enabled: (context: CommandContext) => boolean;
  run: (context: CommandContext) => void | Promise<void>;
}

const always = () => true;
const hasPapers = (context: CommandContext) => context.ids.length > 0;

/** Opens a paper in the reader, marking it read. */
export async function openPaper(context: CommandContext, id: string): Promise<void> {
  context.dispatch({ type: 'select', id });
  if (!context.isRead(id)) await context.setMarks([id], 'read', true);
}

function step(context: CommandContext, by: 1 | -1): Promise<void> {
  const at = context.state.selectedId === null ? -1 : context.ids.indexOf(context.state.selectedId);
  const next = at === -1 ? (by === 1 ? 0 : context.ids.length - 1) : Math.min(context.ids.length - 1, Math.max(0, at + by));
  return openPaper(context, context.ids[next]!);
}

function nextUnread(context: CommandContext): Promise<void> | void {
  const at = context.state.selectedId === null ? -1 : context.ids.indexOf(context.state.selectedId);
  const next = context.ids.slice(at + 1).find((id) => !context.isRead(id));
  if (next !== undefined) return openPaper(context, next);
}

function goTo(filter: Filter, label: string, key: string): Command {
  return { id: `go-${filter}`, label: `Go to ${label}`, keys: [`g ${key}`], enabled: always, run: (context) => context.dispatch({ type: 'filter', filter }) };
}

function toggle(mark: 'read' | 'starred', label: string, key: string): Command {
  return {
    id: `toggle-${mark}`,
    label,
    keys: [key],
    // The open paper's id and marks, not the reader's copy of it: that one arrives a moment after j.
    enabled: (context) => context.state.selectedId !== null,
    run: (context) => {
      const id = context.state.selectedId!;
      return context.setMarks([id], mark, !(mark === 'read' ? context.isRead(id) : context.isStarred(id)));
    },
  };
}

function openLink(id: string, label: string, keys: string[], link: 'abs' | 'pdf'): Command {
  return {
    id,
    label,
    keys,
    enabled: (context) => context.selected?.paper.id === context.state.selectedId && Boolean(context.selected?.paper.links[link]),
    run: (context) => context.openExternal(context.selected!.paper.links[link]!),
  };
}

export const COMMANDS: readonly Command[] = [
  { id: 'next', label: 'Next paper', keys: ['j'], enabled: hasPapers, run: (context) => step(context, 1) },
  { id: 'previous', label: 'Previous paper', keys: ['k'], enabled: hasPapers, run: (context) => step(context, -1) },
  {
    id: 'page-or-next-unread',
    label: 'Scroll the paper; at its end, the next unread',
    keys: ['Space'],
    enabled: hasPapers,
    run: (context) => (context.selected && context.pageReader() ? undefined : nextUnread(context)),
  },
  openLink('open-abstract-page', 'Open the abstract page in the browser', ['o', 'Enter'], 'abs'),
  openLink('open-pdf', 'Open the PDF', ['p'], 'pdf'),
  toggle('read', 'Toggle read', 'm'),
  toggle('starred', 'Toggle star', 's'),
  { id: 'focus-search', label: 'Search (Esc leaves and clears it)', keys: ['/'], enabled: always, run: (context) => context.focusSearch() },
  {
    id: 'toggle-unread-only',
    label: 'Toggle unread only',
    keys: ['u'],
    enabled: always,
    run: (context) => context.dispatch({ type: 'filter', filter: context.state.filter === 'unread' ? 'all' : 'unread' }),
  },
  {
    id: 'mark-all-read',
    label: 'Mark everything in view as read',
    keys: ['Shift+A'],
    enabled: hasPapers,
    run: (context) => context.setMarks(context.ids.filter((id) => !context.isRead(id)), 'read', true),
  },
  { id: 'undo', label: 'Undo the last change of marks', keys: ['z'], enabled: (context) => context.canUndo(), run: (context) => context.undo() },
  goTo('all', 'All', 'a'),
  goTo('unread', 'Unread', 'u'),
  goTo('starred', 'Starred', 's'),
  { id: 'help', label: 'Keyboard shortcuts', keys: ['?'], enabled: always, run: (context) => context.showShortcuts() },
];

export function commandById(id: string): Command {
  const command = COMMANDS.find((each) => each.id === id);
  if (!command) throw new Error(`No command ${id}`);
  return command;
}
