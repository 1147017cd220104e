import { COMMAND_LIST, type CommandId, type CommandInfo } from '../../shared/commands';
import type { Filter } from '../ui/filters';
import type { CommandContext } from './command-context';

/** A command of shared/commands.ts with what it does here. */
export interface Command extends CommandInfo {
  id: CommandId;
  enabled: (context: CommandContext) => boolean;
  run: (context: CommandContext) => void | Promise<void>;
}

type Behaviour = Pick<Command, 'enabled' | 'run'>;

const always = () => true;
const hasPapers = (context: CommandContext) => context.ids.length > 0;

/** Opens a paper in the reader, marking it read when the settings say so. */
export async function openPaper(context: CommandContext, id: string): Promise<void> {
  context.dispatch({ type: 'select', id });
  if (context.markReadOnOpen && !context.isRead(id)) await context.setMarks([id], 'read', true);
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

function goTo(filter: Filter): Behaviour {
  return { enabled: always, run: (context) => context.dispatch({ type: 'filter', filter }) };
}

function toggle(mark: 'read' | 'starred'): Behaviour {
  return {
    // The open paper's id, not the reader's copy of it: that one arrives a moment after j.
    enabled: (context) => context.state.selectedId !== null,
    run: (context) => context.setMarks([context.state.selectedId!], mark, 'toggle'),
  };
}

function openLink(link: 'abs' | 'pdf'): Behaviour {
  return {
    enabled: (context) => context.selected?.paper.id === context.state.selectedId && Boolean(context.selected?.paper.links[link]),
    run: (context) => context.openExternal(context.selected!.paper.links[link]!),
  };
}

/** A Record, so a command added to the shared list without a behaviour here fails to compile. */
const BEHAVIOURS: Record<CommandId, Behaviour> = {
  next: { enabled: hasPapers, run: (context) => step(context, 1) },
  previous: { enabled: hasPapers, run: (context) => step(context, -1) },
  'page-or-next-unread': { enabled: hasPapers, run: (context) => (context.selected && context.pageReader() ? undefined : nextUnread(context)) },
  'open-abstract-page': openLink('abs'),
  'open-pdf': openLink('pdf'),
  'toggle-read': toggle('read'),
  'toggle-starred': toggle('starred'),
  'mark-all-read': { enabled: hasPapers, run: (context) => context.setMarks(context.ids.filter((id) => !context.isRead(id)), 'read', true) },
  undo: { enabled: (context) => context.canUndo(), run: (context) => context.undo() },
  'focus-search': { enabled: always, run: (context) => context.focusSearch() },
  'toggle-unread-only': {
    enabled: always,
    run: (context) => context.dispatch({ type: 'filter', filter: context.state.filter === 'unread' ? 'all' : 'unread' }),
  },
  'go-today': goTo('today'),
  'go-all': goTo('all'),
  'go-unread': goTo('unread'),
  'go-starred': goTo('starred'),
  import: { enabled: always, run: (context) => context.importFiles() },
  export: { enabled: hasPapers, run: (context) => context.openExport() },
  settings: { enabled: always, run: (context) => context.showSettings() },
  help: { enabled: always, run: (context) => context.showShortcuts() },
};

/** Every command, in the shared list's order: the key handler, the shortcut sheet and the buttons read it. */
export const COMMANDS: readonly Command[] = COMMAND_LIST.map((info) => ({ ...info, ...BEHAVIOURS[info.id] }));

export function commandById(id: CommandId): Command {
  return COMMANDS.find((each) => each.id === id)!;
}
