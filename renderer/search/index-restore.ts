import { readSavedSegment, readSavedTerms } from './index-store';
import type { PostingStore } from './posting-store';
import type { SearchIndexDatabase } from './search-index-database';
import { deadBySerial, restoreOrder, segmentFromSaved, segmentKey, termsOf, termTextOf, type SavedHead, type SavedSegment, type SavedTerms } from './saved-index';

/** Restoring a saved index, a slice at a time; searches answered in between find the segments restored so far. */
export interface RestoreJob {
  step(deadline: number): Promise<boolean>;
}

/**
 * Restores a saved index into an empty store, one segment per step, the one with the latest papers
 * first (restoreOrder). Any segment may use any term, so the dictionary's sorted chunks come before
 * the others; the first segment is read before them, and when it kept its terms' text it is restored
 * on those alone (TermDictionary.restoreEarly), so that a title typed at start finds it without
 * waiting for the whole dictionary. The dictionary's tree is built afterwards (TermDictionary.buildTree).
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
  let terms: Promise<SavedTerms[]> | null = null;
  let firstLookedAt = false;
  let termsRestored = false;
  let restored = 0;
  return {
    async step(deadline) {
      if (!terms) {
        // IndexedDB answers one database's requests in the order asked: the first segment first.
        readUpTo(1);
        terms = readSavedTerms(db, head.termChunks);
        terms.catch(() => {});
      }
      if (!firstLookedAt && order.length > 0) {
        const record = await Promise.race([reads[0]!, untilDeadline(deadline)]);
        if (!record) return false;
        firstLookedAt = true;
        const text = termTextOf(record);
        if (text) {
          store.dictionary.restoreEarly(text, record.terms);
          restored = 1;
          store.restore(segmentFromSaved(record, dead.get(record.serial) ?? []), head.serialLimit);
          return false;
        }
      }
      if (!termsRestored) {
        const chunks = await Promise.race([terms, untilDeadline(deadline)]);
        if (!chunks) return false;
        store.dictionary.restore(chunks.map((record) => ({ terms: termsOf(record), numbers: record.numbers })));
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
