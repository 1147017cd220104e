import type { PaperdropDatabase } from './database';
import type { StoredChange } from './store-batch';

/**
 * The library's ids newest first, as the sortKey index orders them read backwards (sortKey, then
 * id, both descending). Each id's sortKey, which puts new papers in place, is read only once a
 * stored batch needs it: the list shows sooner at start, when the search worker reads too.
 */
export interface NewestFirst {
  ids: string[];
  /** Beside `ids`; null until the first stored batch. */
  sortKeys: string[] | null;
}

/** An order whose sortKeys are read. */
export type DatedNewestFirst = NewestFirst & { sortKeys: string[] };

/** The ids alone, in one request. */
export async function readNewestIds(db: PaperdropDatabase): Promise<NewestFirst> {
  return { ids: (await db.papers.orderBy('sortKey').reverse().primaryKeys()) as string[], sortKeys: null };
}

/** The ids with their sortKeys: a cursor over the sortKey index, slower than one request, and much slower beside the search worker's start. */
export async function readNewestFirst(db: PaperdropDatabase): Promise<DatedNewestFirst> {
  const order: DatedNewestFirst = { ids: [], sortKeys: [] };
  await db.papers
    .orderBy('sortKey')
    .reverse()
    .eachKey((sortKey, cursor) => {
      order.sortKeys.push(sortKey as string);
      order.ids.push(cursor.primaryKey as string);
    });
  return order;
}

/** The order after a stored batch, reading the sortKeys first when it has none yet. */
export async function newestFirstAfter(db: PaperdropDatabase, order: NewestFirst, change: StoredChange): Promise<NewestFirst> {
  return withStoredChange(order.sortKeys ? (order as DatedNewestFirst) : await readNewestFirst(db), change);
}

/**
 * The order after a stored batch: papers merged away are dropped, and papers written (new or
 * changed) take their place by sortKey. Applying a change the order already holds changes nothing.
 * One pass over the order, run once per batch over up to 100,000 ids: hence the plain loop.
 */
export function withStoredChange(order: DatedNewestFirst, { written, removed }: StoredChange): DatedNewestFirst {
  const replaced = new Set([...removed, ...written.map((paper) => paper.id)]);
  const incoming = [...written].sort((a, b) => (comesBefore(a.sortKey, a.id, b.sortKey, b.id) ? -1 : 1));
  const next: DatedNewestFirst = { ids: [], sortKeys: [] };
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
