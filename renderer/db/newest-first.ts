import type { PaperdropDatabase } from './database';
import { unpackOrder, type LoggedOrder } from './order-record';
import type { OrderRecord, PaperRecord } from './records';

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
 * second), which would also hold up the search worker's start behind it. Putting them in order
 * takes a tenth of a second of the thread at 100,000 papers: `before`, when given, is awaited first.
 */
export async function readNewestFirst(db: PaperdropDatabase, before?: () => Promise<void>): Promise<NewestFirst> {
  const log = await db.orderLog.toArray();
  await before?.();
  return orderOf(log);
}

/** What a stored batch did to the order. */
export interface OrderChange {
  written: readonly Pick<PaperRecord, 'id' | 'sortKey'>[];
  removed: readonly string[];
}

/** Each paper's sortKey as the last change naming it left it, or null when merged away. */
type LatestSortKeys = Map<string, string | null>;

/**
 * The order the log's records add up to, later records overriding earlier ones. Once the log has
 * been folded, its first record is the whole order as it was then, newest first: only the later
 * records' papers are sorted, and merged into it in one pass. At a start with 100,000 papers that
 * is about half the time of sorting them all, on the page's thread.
 */
export function orderOf(records: readonly OrderRecord[]): NewestFirst {
  const logged = records.map(unpackOrder);
  const [first, ...later] = logged;
  if (first && first.removed.length === 0 && isNewestFirst(first)) {
    const latest = latestSortKeys(later);
    return latest.size === 0 ? { ids: first.ids, sortKeys: first.sortKeys } : merged(first, latest, sortedByDay(latest));
  }
  return sortedByDay(latestSortKeys(logged));
}

/**
 * The order after a stored batch: papers merged away are dropped, and papers written (new or
 * changed) take their place by sortKey. Applying a change the order already holds changes nothing.
 */
export function withStoredChange(order: NewestFirst, { written, removed }: OrderChange): NewestFirst {
  const latest: LatestSortKeys = new Map(removed.map((id) => [id, null]));
  for (const paper of written) latest.set(paper.id, paper.sortKey);
  return merged(order, latest, sortedByDay(latest));
}

/** Whether the record's papers are in the list's order, each before the next. */
function isNewestFirst({ ids, sortKeys }: LoggedOrder): boolean {
  for (let position = 1; position < ids.length; position++) {
    if (!comesBefore(sortKeys[position - 1]!, ids[position - 1]!, sortKeys[position]!, ids[position]!)) return false;
  }
  return true;
}

function latestSortKeys(records: readonly LoggedOrder[]): LatestSortKeys {
  const latest: LatestSortKeys = new Map();
  for (const { ids, sortKeys, removed } of records) {
    for (let position = 0; position < ids.length; position++) latest.set(ids[position]!, sortKeys[position]!);
    for (const id of removed) latest.set(id, null);
  }
  return latest;
}

/**
 * The papers still listed, newest first. Papers share sortKeys (listing days), so they are grouped
 * by sortKey and each small group sorted: a third of the time of one sort of them all.
 */
function sortedByDay(latest: LatestSortKeys): NewestFirst {
  const idsBySortKey = new Map<string, string[]>();
  for (const [id, sortKey] of latest) {
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
 * `order` without the papers `replaced` names, and `incoming` (newest first) merged in. One pass
 * over up to 100,000 ids, once per stored batch: hence the plain loop, into arrays made at their
 * largest size (growing them took three times as long).
 */
function merged(order: NewestFirst, replaced: LatestSortKeys, incoming: NewestFirst): NewestFirst {
  const next: NewestFirst = { ids: new Array<string>(order.ids.length + incoming.ids.length), sortKeys: new Array<string>(order.ids.length + incoming.ids.length) };
  let length = 0;
  const append = (id: string, sortKey: string) => {
    next.ids[length] = id;
    next.sortKeys[length++] = sortKey;
  };
  let taken = 0;
  for (let index = 0; index < order.ids.length; index++) {
    const id = order.ids[index]!;
    if (replaced.has(id)) continue;
    const sortKey = order.sortKeys[index]!;
    for (; taken < incoming.ids.length && comesBefore(incoming.sortKeys[taken]!, incoming.ids[taken]!, sortKey, id); taken++) append(incoming.ids[taken]!, incoming.sortKeys[taken]!);
    append(id, sortKey);
  }
  for (; taken < incoming.ids.length; taken++) append(incoming.ids[taken]!, incoming.sortKeys[taken]!);
  next.ids.length = length;
  next.sortKeys.length = length;
  return next;
}

/** Newer first; on the same date, the larger id first, as IndexedDB orders a reversed index. */
function comesBefore(sortKey: string, id: string, otherSortKey: string, otherId: string): boolean {
  return sortKey !== otherSortKey ? sortKey > otherSortKey : id > otherId;
}
