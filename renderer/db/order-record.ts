import type { OrderRecord } from './records';

/** An order log record's papers as lists: each id with its sortKey at the same place. */
export interface LoggedOrder {
  ids: string[];
  sortKeys: string[];
  removed: string[];
}

/**
 * The record of `order` as the log keeps it: the ids as one string with where each ends, the
 * sortKeys once per run of papers sharing one. IndexedDB hands a string and a typed array back
 * at once; 100,000 ids and as many sortKeys, as strings of their own, took a good part of a tenth
 * of a second of the page's thread to decode at a start.
 */
export function packOrder(generation: number, { ids, sortKeys, removed }: LoggedOrder): OrderRecord {
  if (ids.length !== sortKeys.length) throw new Error(`An order record needs a sortKey for each of its ${ids.length} ids, not ${sortKeys.length}.`);
  const idEnds = new Uint32Array(ids.length);
  let end = 0;
  ids.forEach((id, position) => (idEnds[position] = end += id.length));
  const runKeys: string[] = [];
  const runLengths: number[] = [];
  for (const sortKey of sortKeys) {
    if (runKeys.at(-1) === sortKey) runLengths[runLengths.length - 1]! += 1;
    else {
      runKeys.push(sortKey);
      runLengths.push(1);
    }
  }
  return { generation, ids: ids.join(''), idEnds, sortKeys: runKeys, sortKeyRuns: Uint32Array.from(runLengths), removed };
}

/** The lists a packed record holds; the papers of one run share one sortKey string. */
export function unpackOrder({ generation, ids: text, idEnds, sortKeys: runKeys, sortKeyRuns, removed }: OrderRecord): LoggedOrder {
  const ids = new Array<string>(idEnds.length);
  let start = 0;
  for (let position = 0; position < idEnds.length; position++) {
    ids[position] = text.slice(start, idEnds[position]);
    start = idEnds[position]!;
  }
  const sortKeys = new Array<string>(ids.length);
  let filled = 0;
  runKeys.forEach((sortKey, run) => {
    const runEnd = filled + sortKeyRuns[run]!;
    if (runEnd <= ids.length) sortKeys.fill(sortKey, filled, runEnd);
    filled = runEnd;
  });
  if (start !== text.length || filled !== ids.length) throw new Error(`The list's order log is damaged: its record of batch ${generation} does not add up.`);
  return { ids, sortKeys, removed };
}
