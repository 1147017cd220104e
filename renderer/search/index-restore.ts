import { readSavedSegment, readSavedTerms } from './index-store';
import type { PostingStore } from './posting-store';
import type { SearchIndexDatabase } from './search-index-database';
import { deadBySerial, restoreOrder, segmentFromSaved, segmentKey, termsOf, type SavedHead, type SavedSegment } from './saved-index';

/** Restoring a saved index, a slice at a time; searches answered in between find the segments restored so far. */
export interface RestoreJob {
  step(deadline: number): Promise<boolean>;
}

/**
 * Restores a saved index into an empty store: the dictionary's sorted chunks first, since any
 * segment may use any term, then one segment per step, the one with the latest papers first
 * (restoreOrder).
 * The dictionary's tree is built afterwards (TermDictionary.buildTree).
 */
export function restoreJob(db: SearchIndexDatabase, head: SavedHead, store: PostingStore): RestoreJob {
  if (store.documentCount > 0 || store.dictionary.size > 0) throw new Error('restore into an empty index only');
  const dead = deadBySerial(head);
  const order = restoreOrder(head);
  const reads: Promise<SavedSegment>[] = [];
  const readUpTo = (end: number) => {
    for (let position = reads.length; position < Math.min(end, order.length); position += 1) {
      const reading = readSavedSegment(db, segmentKey(order[position]!));
      reading.catch(() => {}); // a failure surfaces when awaited, not as an unhandled rejection meanwhile
      reads.push(reading);
    }
  };
  let termsRestored = false;
  let restored = 0;
  return {
    async step(deadline) {
      if (!termsRestored) {
        const terms = readSavedTerms(db, head.termChunks);
        readUpTo(1);
        store.dictionary.restore((await terms).map((record) => ({ terms: termsOf(record), numbers: record.numbers })));
        termsRestored = true;
        if (performance.now() > deadline) return false;
      }
      if (restored === order.length) return true;
      // The worker decodes each record as its read completes: the first segment, the one a search
      // typed at start most likely wants, is read alone, so that no other's decoding holds up its
      // answer; then all the others at once, so that IndexedDB reads them one after another.
      if (restored > 0) readUpTo(order.length);
      // A large segment takes a while to read: a search typed meanwhile is answered from what is in.
      const record = await Promise.race([reads[restored]!, untilDeadline(deadline)]);
      if (!record) return false;
      restored += 1;
      store.restore(segmentFromSaved(record, dead.get(record.serial) ?? []), head.serialLimit);
      return restored === order.length;
    },
  };
}

/** Resolves with nothing once `deadline` (performance.now()) has passed. */
function untilDeadline(deadline: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - performance.now())));
}
