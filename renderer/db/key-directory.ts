import type { PaperdropDatabase } from './database';
import { digestOf } from './key-digest';
import type { KeyDigestRecord, PageKey, PaperPage } from './records';

/**
 * Which merge keys the library may hold, and on which pages, as 32-bit digests (key-digest.ts). It
 * stands in for an index on the papers' merge keys: at about three entries a paper, such an index
 * cost a large ingest a tenth of its time (docs/ingest-cost.md).
 *
 * - `mayHold`: a key whose digest is absent is held by no paper, so storeBatch need not look for
 *   it, and nearly every key of a large ingest is new. Every key counts here, ids among them.
 * - `pagesWithKeys`: for a paper's other merge keys (not its id, which the pages' `ids` index
 *   finds), the pages of the papers holding them. A digest may belong to another key too, so the
 *   pages are a superset: readers keep only the papers that do hold the key.
 *
 * Each batch stores what it changed in its own record of `keyDigests` (`recordOf`), under its
 * generation, in its own transaction, so the directory is complete once it has read every record up
 * to the library's generation, whichever tab or session stored them. Whatever writes papers
 * (library-writer.ts, and the upgrades) must store such a record: a key missing here would be
 * stored as a new paper.
 */
export class KeyDirectory {
  private readonly known = new Set<number>();
  /** Other merge keys' digests, each with the pages (packed by `packPage`) holding papers that have it. */
  private readonly places = new Map<number, number | number[]>();
  /** The library generation the directory is complete for; -1 before the first read. */
  private generation = -1;

  /** Inside a transaction on `meta` and `keyDigests`: reads the records stored since the directory last caught up, by any tab. */
  async catchUp(db: PaperdropDatabase, libraryGeneration: number): Promise<void> {
    if (this.generation >= libraryGeneration) return;
    for (const record of await db.keyDigests.where('generation').above(this.generation).toArray()) this.apply(record);
    this.generation = libraryGeneration;
  }

  /** As catchUp, for a reader that has not read the library's generation itself. */
  async catchUpWithLibrary(db: PaperdropDatabase): Promise<void> {
    await this.catchUp(db, (await db.meta.get('generation'))?.value ?? 0);
  }

  mayHold(key: string): boolean {
    return this.known.has(digestOf(key));
  }

  /** Every page holding a paper that lists one of these keys among its other merge keys, and maybe some that do not. */
  pagesWithKeys(keys: readonly string[]): PageKey[] {
    const packed = new Set<number>();
    for (const key of keys) for (const page of listOf(this.places.get(digestOf(key)))) packed.add(page);
    return [...packed].map(unpackPage);
  }

  /**
   * What one batch changes, to store under its generation and apply once it has committed: the
   * digests of its keys new to the directory, where its papers' other merge keys now are, and the
   * older pages papers left (`left`: each as rewritten, or emptied, and the papers that left it).
   */
  recordOf(generation: number, written: readonly PaperPage[], left: readonly { before: PaperPage; after: PaperPage | null }[]): KeyDigestRecord {
    const keysOf = (page: PaperPage) => new Set(page.papers.flatMap((paper) => paper.keys).map(digestOf));
    const placed = written.flatMap((page) => [...keysOf(page)].map((digest) => [digest, page.part] as const));
    const lifted = left.flatMap(({ before, after }) => {
      const staying = after ? keysOf(after) : new Set<number>();
      return [...keysOf(before)].filter((digest) => !staying.has(digest)).map((digest) => [digest, packPage(before)] as const);
    });
    const ids = written.flatMap((page) => page.ids).map(digestOf);
    return {
      generation,
      digests: Uint32Array.from(new Set([...ids, ...placed.map(([digest]) => digest)].filter((digest) => !this.known.has(digest)))),
      placed: { digests: Uint32Array.from(placed, ([digest]) => digest), parts: Uint32Array.from(placed, ([, part]) => part) },
      lifted: { digests: Uint32Array.from(lifted, ([digest]) => digest), pages: Float64Array.from(lifted, ([, page]) => page) },
    };
  }

  /** Once the batch that stored `record` has committed; a record already read is skipped. */
  apply(record: KeyDigestRecord): void {
    if (record.generation <= this.generation) return;
    for (const digest of record.digests) this.known.add(digest);
    if (record.placed) {
      const { digests, parts } = record.placed;
      digests.forEach((digest, index) => this.place(digest, packPage({ generation: record.generation, part: parts[index]! })));
    }
    if (record.lifted) {
      const { digests, pages } = record.lifted;
      digests.forEach((digest, index) => this.lift(digest, pages[index]!));
    }
    this.generation = record.generation;
  }

  private place(digest: number, page: number): void {
    const pages = listOf(this.places.get(digest));
    if (!pages.includes(page)) this.places.set(digest, pages.length === 0 ? page : [...pages, page]);
  }

  private lift(digest: number, page: number): void {
    const pages = listOf(this.places.get(digest)).filter((each) => each !== page);
    if (pages.length === 0) this.places.delete(digest);
    else this.places.set(digest, pages.length === 1 ? pages[0]! : pages);
  }
}

const listOf = (places: number | number[] | undefined): number[] => (places === undefined ? [] : typeof places === 'number' ? [places] : places);

/** Parts a generation may have: far more than the largest file's papers fill. */
const PARTS = 2 ** 21;

/** A page's key as one number, exact for any generation below 2^32. */
function packPage({ generation, part }: { generation: number; part: number }): number {
  if (part >= PARTS) throw new Error(`A batch of more than ${PARTS} pages cannot be placed in the key directory.`);
  return generation * PARTS + part;
}

const unpackPage = (packed: number): PageKey => [Math.floor(packed / PARTS), packed % PARTS];

const byDatabase = new WeakMap<PaperdropDatabase, KeyDirectory>();

/** The directory of one open database, kept as long as it is. */
export function keyDirectoryOf(db: PaperdropDatabase): KeyDirectory {
  let directory = byDatabase.get(db);
  if (!directory) byDatabase.set(db, (directory = new KeyDirectory()));
  return directory;
}
