import { COMMANDS, type Command } from './registry';

/** The name a key press has in the registry, or null for presses that belong to the browser (Ctrl, Alt, Meta). */
export function keyOf(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === ' ') return 'Space';
  if (/^[A-Z]$/u.test(event.key) && event.shiftKey) return `Shift+${event.key}`;
  return event.key;
}

/** Keys that begin a sequence ("g" of "g a"). */
const PREFIXES = new Set(COMMANDS.flatMap((command) => command.keys.filter((key) => key.includes(' ')).map((key) => key.split(' ')[0]!)));

export const isPrefix = (key: string) => PREFIXES.has(key);

export function commandForKeys(keys: string): Command | undefined {
  return COMMANDS.find((command) => command.keys.includes(keys));
}
