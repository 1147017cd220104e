import type { Transaction } from 'dexie';
import { listingDate } from '../../shared/listing-date';
import type { OrderRecord, PaperRecord } from './database';
import { logStoredOrder } from './newest-first';
import { seenDay } from './paper-lists';

/**
 * Schema 7: papers stored without a date (a daily listing's) take their listing date as sortKey,
 * instead of sinking to the end of the list; the order log starts again from the new keys.
 */
export async function dateUndatedPapers(transaction: Transaction): Promise<void> {
  await transaction
    .table<PaperRecord, string>('papers')
    .where('sortKey')
    .equals('')
    .modify((paper) => {
      paper.sortKey = listingDate(paper, seenDay);
    });
  await transaction.table<OrderRecord, number>('orderLog').clear();
  await logStoredOrder(transaction);
}
