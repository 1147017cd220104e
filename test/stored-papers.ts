import type { PaperdropDatabase } from '../renderer/db/database';
import { digestOf } from '../renderer/db/key-digest';
import { KeyDirectory } from '../renderer/db/key-directory';
import { pageOf } from '../renderer/db/page-layout';
import { readPapers } from '../renderer/db/paper-pages';
import type { PaperPage, PaperRecord } from '../renderer/db/records';

/*
 * The tests' view of the stored papers, read from their pages. Reading every paper checks the pages'
 * invariant on the way: each stored paper is on exactly one page.
 */

/** Every stored paper, by id. Throws if a paper is on two pages, or if the key directory is wrong about one (expectKeysPlaced). */
export async function allPapers(db: PaperdropDatabase): Promise<PaperRecord[]> {
  const pages = await db.pages.toArray();
  const papers = pages.flatMap((page) => page.papers);
  const seen = new Set<string>();
  const twice = papers.map((paper) => paper.id).filter((id) => seen.size === seen.add(id).size);
  if (twice.length > 0) throw new Error(`Papers stored on two pages: ${twice.join(', ')}`);
  await expectKeysPlaced(db, pages);
  return papers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A fresh directory, read from the stored records, must know every key, and lead from each paper's
 * other merge keys to exactly the pages whose papers hold a key of that digest: none missed, none stale.
 */
async function expectKeysPlaced(db: PaperdropDatabase, pages: readonly PaperPage[]): Promise<void> {
  const directory = new KeyDirectory();
  await db.transaction('r', db.meta, db.keyDigests, () => directory.catchUpWithLibrary(db));
  const holding = new Map<number, Set<string>>();
  for (const page of pages) {
    for (const digest of page.papers.flatMap((paper) => paper.keys).map(digestOf)) holding.set(digest, (holding.get(digest) ?? new Set()).add(`${page.generation}/${page.part}`));
  }
  const wrong = pages.flatMap((page) => page.papers).flatMap((paper) => {
    const unknown = [paper.id, ...paper.keys].filter((key) => !directory.mayHold(key)).map((key) => `${paper.id} does not know ${key}`);
    const misplaced = paper.keys.flatMap((key) => {
      const found = directory.pagesWithKeys([key]).map(([generation, part]) => `${generation}/${part}`).sort();
      const expected = [...holding.get(digestOf(key))!].sort();
      return found.join() === expected.join() ? [] : [`${paper.id} by ${key} on ${found.join(' ') || 'no page'}, not ${expected.join(' ')}`];
    });
    return [...unknown, ...misplaced];
  });
  if (wrong.length > 0) throw new Error(`The key directory is wrong: ${wrong.join('; ')}`);
}

export async function paperCount(db: PaperdropDatabase): Promise<number> {
  return (await allPapers(db)).length;
}

export async function storedPaper(db: PaperdropDatabase, id: string): Promise<PaperRecord | undefined> {
  return (await readPapers(db, [id]))[0];
}

/** Every stored paper's id, latest listing first, as an index on sortKey read backwards would give them. */
export async function idsBySortKeyDescending(db: PaperdropDatabase): Promise<string[]> {
  const papers = await allPapers(db);
  return papers.sort((a, b) => (a.sortKey === b.sortKey ? (a.id < b.id ? 1 : -1) : a.sortKey < b.sortKey ? 1 : -1)).map((paper) => paper.id);
}

/** Takes papers out of the library as if merged away, behind the writer's back: for tests of what reads it. */
export async function dropPapers(db: PaperdropDatabase, ids: readonly string[]): Promise<void> {
  const gone = new Set(ids);
  await db.transaction('rw', db.pages, async () => {
    for (const page of await db.pages.toArray()) {
      if (page.ids.some((id) => gone.has(id))) await db.pages.put(pageOf(page.generation, page.part, page.papers.filter((paper) => !gone.has(paper.id))));
    }
  });
}
