import type { PaperdropDatabase } from './database';
import { digestOf } from './key-digest';

/**
 * Which merge keys the library may hold, as 32-bit digests of every key a stored paper has had. A
 * key whose digest is absent is held by no paper, so storeBatch need not ask the database for it —
 * and nearly every key of a large ingest is new. A digest that is present may belong to another key
 * or to a paper merged away since; such a key is asked for as before. Each batch stores the digests
 * it adds in its own transaction, under its generation, so the set is complete once it has read
 * every generation up to the library's, whichever tab or session stored them. Whatever writes
 * papers (library-writer.ts, and the upgrades) must store their keys' digests so: a key missing here
 * would be stored as a new paper.
 */
export class KnownKeys {
  private readonly digests = new Set<number>();
  /** The library generation the set is complete for; -1 before the first read. */
  private generation = -1;

  /** Inside the batch's transaction: reads the digests stored since the set last caught up, by any tab. */
  async catchUp(db: PaperdropDatabase, libraryGeneration: number): Promise<void> {
    if (this.generation === libraryGeneration) return;
    const records = await db.keyDigests.where('generation').above(this.generation).toArray();
    for (const record of records) for (const digest of record.digests) this.digests.add(digest);
    this.generation = libraryGeneration;
  }

  mayHold(key: string): boolean {
    return this.digests.has(digestOf(key));
  }

  /** The digests of the keys that the set does not hold yet, to store with the batch. */
  unknown(keys: readonly string[]): Uint32Array {
    return Uint32Array.from(new Set(keys.map(digestOf).filter((digest) => !this.digests.has(digest))));
  }

  /** Once the batch that stored `digests` has committed as `generation`. */
  add(digests: Uint32Array, generation: number): void {
    for (const digest of digests) this.digests.add(digest);
    this.generation = Math.max(this.generation, generation);
  }
}

const byDatabase = new WeakMap<PaperdropDatabase, KnownKeys>();

/** The set for one open database, kept as long as it is. */
export function knownKeysOf(db: PaperdropDatabase): KnownKeys {
  let known = byDatabase.get(db);
  if (!known) byDatabase.set(db, (known = new KnownKeys()));
  return known;
}
