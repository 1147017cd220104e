import type { SidebarEntry } from './use-sidebar-lists';

/**
 * Past this many files, the sidebar lists the newest and offers a field to find the others: ten
 * thousand buttons help no one, and each costs the page memory and layout as files come in.
 */
export const SOURCES_SHOWN = 50;

export interface ShownSources {
  /** The newest files whose names hold the query, at most SOURCES_SHOWN, and the chosen one wherever it is. */
  shown: SidebarEntry[];
  /** How many files' names hold the query. */
  matching: number;
}

export function shownSources(entries: readonly SidebarEntry[], query: string, chosen: string | null): ShownSources {
  const needle = query.trim().toLocaleLowerCase();
  const matching = needle === '' ? entries : entries.filter((entry) => entry.label.toLocaleLowerCase().includes(needle));
  const shown = matching.slice(0, SOURCES_SHOWN);
  // The file the list is narrowed to stays in view, so it can be let go.
  const chosenEntry = chosen === null || shown.some((entry) => entry.name === chosen) ? undefined : entries.find((entry) => entry.name === chosen);
  return { shown: chosenEntry ? [chosenEntry, ...shown] : shown, matching: matching.length };
}
