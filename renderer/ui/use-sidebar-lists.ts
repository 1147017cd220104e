import { useCallback, useDeferredValue, useMemo } from 'react';
import { archiveOf, ARCHIVE_ORDER, describeCategory } from '../../shared/arxiv-taxonomy';
import { countLists, listMembershipsWith, readListMemberships, type ListCount } from '../db/list-memberships';
import { categoryList, fileList } from '../db/paper-lists';
import type { SourceRecord } from '../db/records';
import { useServices } from './app-context';
import type { MarkSnapshot } from '../sync/mark-sets';
import { useFollowed } from './use-followed';
import { useThrottledTableQuery } from './use-throttled-table-query';

/** While batches stream in, the sidebar is redone at most this often: each time costs a pass over every file and list. */
const SIDEBAR_INTERVAL_MS = 1000;

export interface SidebarEntry {
  /** The file name or category code the view filters by. */
  name: string;
  label: string;
  count: ListCount;
}

export interface SidebarLists {
  /** One per feed file with papers, the newest first. */
  sources: SidebarEntry[];
  /** arXiv categories by archive: the archives with the most papers first, so that a reader's own field leads. */
  archives: { archive: string; categories: SidebarEntry[] }[];
}

/**
 * The sidebar's sources and categories with their unread counts. The counts trail the marks by a
 * render (useDeferredValue), so that a key press shows in the list and reader before they are redone,
 * and follow the stored batches at most once a second.
 */
export function useSidebarLists(marks: MarkSnapshot | undefined): SidebarLists | undefined {
  const { db } = useServices();
  const readMemberships = useCallback(() => readListMemberships(db), [db]);
  const memberships = useFollowed(readMemberships, listMembershipsWith, SIDEBAR_INTERVAL_MS);
  const readFiles = useCallback(async () => filesOf(await db.sources.orderBy('seenAt').reverse().toArray()), [db]);
  const filesNewestFirst = useThrottledTableQuery(db, 'sources', readFiles, SIDEBAR_INTERVAL_MS);
  const deferredMarks = useDeferredValue(marks);
  const counts = useMemo(() => (memberships && deferredMarks ? countLists(memberships, deferredMarks.read) : undefined), [memberships, deferredMarks]);
  return useMemo(() => {
    if (!counts || !filesNewestFirst) return undefined;
    const sources = filesNewestFirst.flatMap(({ file, gone }) => {
      const count = counts.get(fileList(file));
      return count ? [{ name: file, label: gone ? `${file} (gone from the folder)` : file, count }] : [];
    });
    const byArchive = new Map<string, SidebarEntry[]>();
    const prefix = categoryList('');
    for (const [list, count] of counts) {
      if (!list.startsWith(prefix)) continue;
      const code = list.slice(prefix.length);
      const archive = archiveOf(code);
      const entry = { name: code, label: describeCategory(code), count };
      const entries = byArchive.get(archive);
      if (entries) entries.push(entry);
      else byArchive.set(archive, [entry]);
    }
    const papersIn = (entries: SidebarEntry[]) => entries.reduce((sum, entry) => sum + entry.count.papers, 0);
    const rank = (archive: string) => papersIn(byArchive.get(archive)!);
    const archives = [...byArchive.keys()]
      .sort((a, b) => rank(b) - rank(a) || ARCHIVE_ORDER.indexOf(a) - ARCHIVE_ORDER.indexOf(b))
      .map((archive) => ({ archive, categories: byArchive.get(archive)!.sort((a, b) => a.name.localeCompare(b.name)) }));
    return { sources, archives };
  }, [counts, filesNewestFirst]);
}

/** Each file name once, newest first; gone only when no file of that name is still in the folder. */
function filesOf(sources: readonly SourceRecord[]): { file: string; gone: boolean }[] {
  const gone = new Map<string, boolean>();
  for (const source of sources) gone.set(source.file, (gone.get(source.file) ?? true) && source.gone === true);
  return [...gone].map(([file, isGone]) => ({ file, gone: isGone }));
}
