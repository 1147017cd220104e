import Dexie from 'dexie';
import type { PaperdropDatabase } from './database';
import { categoryList, fileList, listsOf } from './paper-lists';
import type { StoredChange } from './records';

/**
 * Which source and category lists each paper is in, for the sidebar's unread counts. Held per
 * paper rather than per list, so that a count is one pass over the papers and a stored batch
 * replaces its papers' entries outright.
 */
export interface ListMemberships {
  /** Paper id to the lists it is in. */
  readonly byPaper: ReadonlyMap<string, readonly string[]>;
}

/** Only the lists the sidebar counts: not the first-seen days. */
const COUNTED_PREFIXES = [fileList(''), categoryList('')];
const isCounted = (list: string) => COUNTED_PREFIXES.some((prefix) => list.startsWith(prefix));

/** Read record by record, so that no single long task decodes every list at once. */
export async function readListMemberships(db: PaperdropDatabase): Promise<ListMemberships> {
  const byPaper = new Map<string, string[]>();
  for (const prefix of COUNTED_PREFIXES) {
    await db.lists
      .where('[list+generation]')
      .between([prefix, Dexie.minKey], [`${prefix}\uffff`, Dexie.maxKey])
      .each(({ list, ids }) => {
        for (const id of ids) {
          const lists = byPaper.get(id);
          if (!lists) byPaper.set(id, [list]);
          else if (!lists.includes(list)) lists.push(list);
        }
      });
  }
  return { byPaper };
}

/**
 * The memberships after a stored batch; a change they already reflect changes nothing. The map is
 * updated in place and handed on in a new wrapper: copying 100,000 entries for every batch of an
 * ingest would cost more than the counts themselves.
 */
export function listMembershipsWith({ byPaper }: ListMemberships, { written, removed }: StoredChange): ListMemberships {
  const next = byPaper as Map<string, readonly string[]>;
  for (const paper of written) next.set(paper.id, listsOf(paper).filter(isCounted));
  for (const id of removed) next.delete(id);
  return { byPaper: next };
}

export interface ListCount {
  papers: number;
  unread: number;
}

/** Each list's papers and unread papers. */
export function countLists({ byPaper }: ListMemberships, read: ReadonlySet<string>): Map<string, ListCount> {
  const counts = new Map<string, ListCount>();
  for (const [id, lists] of byPaper) {
    const unread = read.has(id) ? 0 : 1;
    for (const list of lists) {
      const count = counts.get(list);
      if (count) {
        count.papers++;
        count.unread += unread;
      } else {
        counts.set(list, { papers: 1, unread });
      }
    }
  }
  return counts;
}
