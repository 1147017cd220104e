import type { PaperdropDatabase } from '../db/database';
import { readSavedSegment, readSavedTerms } from './index-store';
import type { PostingStore } from './posting-store';
import { deadBySerial, segmentFromSaved, segmentKey, termsOf, type SavedHead, type SavedSegment } from './saved-index';

/** Restoring a saved index, a slice at a time; searches answered in between find the segments restored so far. */
export interface RestoreJob {
  step(deadline: number): Promise<boolean>;
}

/**
 * Restores a saved index into an empty store: the dictionary's sorted chunks first, since any
 * segment may use any term, then one segment per step, the newest first, all of them read ahead.
 * The dictionary's tree is built afterwards (TermDictionary.buildTree).
 */
export function restoreJob(db: PaperdropDatabase, head: SavedHead, store: PostingStore): RestoreJob {
  if (store.documentCount > 0 || store.dictionary.size > 0) throw new Error('restore into an empty index only');
  const dead = deadBySerial(head);
  const order = [...head.segments].reverse();
  let restored = 0;
  let reads: Promise<SavedSegment>[] | null = null;
  return {
    async step(deadline) {
      if (!reads) {
        const terms = readSavedTerms(db, head.termChunks);
        // Every segment is asked for at once, newest first, so that IndexedDB reads them one after another while the terms go in.
        reads = order.map((serial) => {
          const reading = readSavedSegment(db, segmentKey(serial));
          reading.catch(() => {}); // a failure surfaces when awaited, not as an unhandled rejection meanwhile
          return reading;
        });
        store.dictionary.restore((await terms).map((record) => ({ terms: termsOf(record), numbers: record.numbers })));
        if (performance.now() > deadline) return false;
      }
      if (restored === order.length) return true;
      const record = await reads[restored]!;
      restored += 1;
      store.restore(segmentFromSaved(record, dead.get(record.serial) ?? []), head.serialLimit);
      return restored === order.length;
    },
  };
}
