import type { Table } from 'dexie';

/** Past this many ids, one read of the keys between the first and the last beats a lookup each: anyOf and bulkGet make a request per id. */
export const READ_RANGE_FROM = 50;

/** The smallest and the largest of the ids. */
export function spanOf(ids: readonly string[]): [first: string, last: string] {
  const sorted = [...ids].sort();
  return [sorted[0]!, sorted.at(-1)!];
}

/** The rows of a table keyed by paper id from the smallest of the ids to the largest: one read, for ids that lie close together. */
export function rowsSpanning<Row, Insert>(table: Table<Row, string, Insert>, ids: readonly string[]) {
  return table.where(':id').between(...spanOf(ids), true, true);
}
