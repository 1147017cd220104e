import type { PaperdropDatabase } from '../db/database';
import { readSavedSegment, readSavedTerms } from './index-store';
import type { PostingStore } from './posting-store';
import { deadBySerial, segmentFromSaved, segmentKey, termsOf, type SavedHead, type SavedSegment } from './saved-index';

/** Terms taken into the dictionary between two looks at the clock. */
const TERMS_PER_CLOCK = 2048;

/** Restoring a saved index, a slice at a time; searches answered in between find the segments restored so far. */
export interface RestoreJob {
  step(deadline: number): Promise<boolean>;
}

/**
 * Restores a saved index into an empty store: the whole dictionary first, since any segment may
 * use any term, then one segment per step, the newest first, reading the next while this one goes in.
 */
export function restoreJob(db: PaperdropDatabase, head: SavedHead, store: PostingStore): RestoreJob {
  if (store.documentCount > 0 || store.dictionary.size > 0) throw new Error('restore into an empty index only');
  const dead = deadBySerial(head);
  const order = [...head.segments].reverse();
  let chunks: { terms: string[]; numbers: Int32Array }[] | null = null;
  let [chunk, position] = [0, 0];
  let restored = 0;
  let next: Promise<SavedSegment> | null = null;
  /** Reads a segment ahead; a failure surfaces when it is awaited, not as an unhandled rejection meanwhile. */
  const readAhead = (position: number) => {
    const reading = readSavedSegment(db, segmentKey(order[position]!));
    reading.catch(() => {});
    return reading;
  };
  return {
    async step(deadline) {
      // The newest segment is read while the terms go in.
      next ??= order.length > 0 ? readAhead(0) : null;
      if (!chunks) {
        chunks = (await readSavedTerms(db, head.termChunks)).map((record) => ({ terms: termsOf(record), numbers: record.numbers }));
        store.dictionary.beginRestore(chunks.reduce((sum, { terms }) => sum + terms.length, 0));
      }
      for (; chunk < chunks.length; chunk += 1, position = 0) {
        const { terms, numbers } = chunks[chunk]!;
        while (position < terms.length) {
          store.dictionary.restoreTerm(terms[position]!, numbers[position]!);
          position += 1;
          if (position % TERMS_PER_CLOCK === 0 && performance.now() > deadline) return false;
        }
      }
      if (restored === 0) store.dictionary.endRestore();
      if (restored === order.length) return true;
      const record = await next!;
      restored += 1;
      next = restored < order.length ? readAhead(restored) : null;
      store.restore(segmentFromSaved(record, dead.get(record.serial) ?? []), head.serialLimit);
      return restored === order.length;
    },
  };
}
