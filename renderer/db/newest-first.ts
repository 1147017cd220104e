import type { PaperdropDatabase } from './database';
import type { OrderRecord, StoredChange } from './records';

/**
 * The library's ids newest first (sortKey, then id, both descending, as IndexedDB orders the
 * sortKey index read backwards), each with its sortKey beside it so that new papers can be put in place.
 */
export interface NewestFirst {
  ids: string[];
  sortKeys: string[];
}

/**
 * The order, from the order log: every batch logs the papers it wrote and merged away. Reading the
 * few log records takes a fraction of what reading 100,000 keys of the sortKey index takes (over a
 * second), which would also hold up the search worker's start behind it.
 */
export async function readNewestFirst(db: PaperdropDatabase): Promise<NewestFirst> {
  return orderOf(await db.orderLog.toArray());
}

/** The order the log's records add up to, later records overriding earlier ones. */
export function orderOf(records: readonly OrderRecord[]): NewestFirst {
  const sortKeyOf = new Map<string, string | null>();
  for (const { ids, sortKeys, removed } of records) {
    ids.forEach((id, position) => sortKeyOf.set(id, sortKeys[position]!));
    for (const id of removed) sortKeyOf.set(id, null);
  }
  const entries = [...sortKeyOf].filter((entry): entry is [string, string] => entry[1] !== null);
  entries.sort(([id, sortKey], [otherId, otherSortKey]) => (comesBefore(sortKey, id, otherSortKey, otherId) ? -1 : 1));
  return { ids: entries.map(([id]) => id), sortKeys: entries.map(([, sortKey]) => sortKey) };
}

/**
 * The order after a stored batch: papers merged away are dropped, and papers written (new or
 * changed) take their place by sortKey. Applying a change the order already holds changes nothing.
 * One pass over the order, run once per batch over up to 100,000 ids: hence the plain loop.
 */
export function withStoredChange(order: NewestFirst, { written, removed }: StoredChange): NewestFirst {
  const replaced = new Set([...removed, ...written.map((paper) => paper.id)]);
  const incoming = [...written].sort((a, b) => (comesBefore(a.sortKey, a.id, b.sortKey, b.id) ? -1 : 1));
  const next: NewestFirst = { ids: [], sortKeys: [] };
  let taken = 0;
  for (let index = 0; index < order.ids.length; index++) {
    const id = order.ids[index]!;
    const sortKey = order.sortKeys[index]!;
    if (replaced.has(id)) continue;
    for (; taken < incoming.length && comesBefore(incoming[taken]!.sortKey, incoming[taken]!.id, sortKey, id); taken++) {
      next.ids.push(incoming[taken]!.id);
      next.sortKeys.push(incoming[taken]!.sortKey);
    }
    next.ids.push(id);
    next.sortKeys.push(sortKey);
  }
  for (const paper of incoming.slice(taken)) {
    next.ids.push(paper.id);
    next.sortKeys.push(paper.sortKey);
  }
  return next;
}

/** Newer first; on the same date, the larger id first, as IndexedDB orders a reversed index. */
function comesBefore(sortKey: string, id: string, otherSortKey: string, otherId: string): boolean {
  return sortKey !== otherSortKey ? sortKey > otherSortKey : id > otherId;
}
