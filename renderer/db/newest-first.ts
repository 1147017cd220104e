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

/**
 * The order the log's records add up to, later records overriding earlier ones. Papers share
 * sortKeys (listing days), so they are grouped by sortKey and each small group sorted: at start,
 * with 100,000 papers, this is a third of the time of one sort of them all, on the page's thread.
 */
export function orderOf(records: readonly OrderRecord[]): NewestFirst {
  const sortKeyOf = new Map<string, string | null>();
  for (const { ids, sortKeys, removed } of records) {
    for (let position = 0; position < ids.length; position++) sortKeyOf.set(ids[position]!, sortKeys[position]!);
    for (const id of removed) sortKeyOf.set(id, null);
  }
  const idsBySortKey = new Map<string, string[]>();
  for (const [id, sortKey] of sortKeyOf) {
    if (sortKey === null) continue;
    const group = idsBySortKey.get(sortKey);
    if (group) group.push(id);
    else idsBySortKey.set(sortKey, [id]);
  }
  const order: NewestFirst = { ids: [], sortKeys: [] };
  // The default sort compares code units, as comesBefore does; reversed, newest and largest first.
  for (const sortKey of [...idsBySortKey.keys()].sort().reverse()) {
    for (const id of idsBySortKey.get(sortKey)!.sort().reverse()) {
      order.ids.push(id);
      order.sortKeys.push(sortKey);
    }
  }
  return order;
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
