import type { PaperdropDatabase } from './database';
import { READ_RANGE_FROM, spanOf } from './id-range';
import type { KeyDirectory } from './key-directory';
import type { PageKey, PaperPage, PaperRecord } from './records';

/*
 * How stored papers are read from their pages (PaperPage, laid out by page-layout.ts): found by id
 * through the pages' `ids` index, or by another merge key through the key directory. Every read of
 * stored papers goes through here; library-writer.ts (and the upgrades) write them.
 */

/** The pages holding papers with these ids, each once. */
export async function pagesWithIds(db: PaperdropDatabase, ids: readonly string[]): Promise<PaperPage[]> {
  return readPages(db, await pageKeysWithIds(db, ids));
}

/**
 * The pages holding papers that list any of these among their other merge keys, each once, and
 * maybe others. The directory must be up to date (KeyDirectory.catchUp) in the reading transaction.
 */
export async function pagesWithKeys(db: PaperdropDatabase, directory: KeyDirectory, keys: readonly string[]): Promise<PaperPage[]> {
  return readPages(db, directory.pagesWithKeys(keys));
}

/** As pagesWithKeys, for values that may be ids as well as other keys. */
export async function pagesWithIdsOrKeys(db: PaperdropDatabase, directory: KeyDirectory, values: readonly string[]): Promise<PaperPage[]> {
  return readPages(db, uniquePageKeys([...(await pageKeysWithIds(db, values)), ...directory.pagesWithKeys(values)]));
}

/** Each id is asked for on its own, all at once: Dexie's anyOf would walk one cursor a value at a time instead. */
async function pageKeysWithIds(db: PaperdropDatabase, ids: readonly string[]): Promise<PageKey[]> {
  const found = await Promise.all(ids.map((id) => db.pages.where('ids').equals(id).primaryKeys()));
  return uniquePageKeys(found.flat() as PageKey[]);
}

/** The stored papers with these ids, in their order; undefined for an id no stored paper has. */
export async function readPapers(db: PaperdropDatabase, ids: readonly string[]): Promise<(PaperRecord | undefined)[]> {
  const byId = new Map<string, PaperRecord>();
  for (const page of await pagesWithIds(db, ids)) for (const paper of page.papers) byId.set(paper.id, paper);
  return ids.map((id) => byId.get(id));
}

/** These pages, in their order; a page gone since its key was read is skipped. */
export async function readPages(db: PaperdropDatabase, keys: readonly PageKey[]): Promise<PaperPage[]> {
  return (await db.pages.bulkGet([...keys])).filter((page) => page !== undefined);
}

/** Those of the ids that are stored papers' own ids, read from the index alone. Fastest for ids that lie close together. */
export async function storedIds(db: PaperdropDatabase, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  if (ids.length < READ_RANGE_FROM) return new Set((await db.pages.where('ids').anyOf([...ids]).keys()) as string[]);
  const inRange = new Set((await db.pages.where('ids').between(...spanOf(ids), true, true).keys()) as string[]);
  return new Set(ids.filter((id) => inRange.has(id)));
}

/** Every stored paper's id, read from the index alone. */
export async function allStoredIds(db: PaperdropDatabase): Promise<string[]> {
  return (await db.pages.orderBy('ids').keys()) as string[];
}

/** The keys of the pages written after a generation, or of every page: the latest batch's first. */
export async function pageKeysAfter(db: PaperdropDatabase, generation = -1): Promise<PageKey[]> {
  return (await db.pages.where(':id').above([generation, Infinity]).reverse().primaryKeys()) as PageKey[];
}

/** For each merge key a paper on the pages lists among its other keys, the ids of the papers that do. */
export function holdersByKey(pages: readonly PaperPage[]): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const paper of pages.flatMap((page) => page.papers)) {
    for (const key of paper.keys) holders.set(key, [...(holders.get(key) ?? []), paper.id]);
  }
  return holders;
}

function uniquePageKeys(keys: readonly PageKey[]): PageKey[] {
  const seen = new Map<string, PageKey>();
  for (const key of keys) seen.set(`${key[0]}/${key[1]}`, key);
  return [...seen.values()];
}
