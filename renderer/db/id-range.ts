import type { Table } from 'dexie';

/** Past this many ids, one read of the keys between the first and the last beats a lookup each: anyOf and bulkGet make a request per id. */
export const READ_RANGE_FROM = 50;

/** The rows of a table keyed by paper id from the smallest of the ids to the largest: one read, for ids that lie close together. */
export function rowsSpanning<Row, Insert>(table: Table<Row, string, Insert>, ids: readonly string[]) {
  const sorted = [...ids].sort();
  return table.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true);
}
