import Dexie, { type Table } from 'dexie';
import type { SavedIndexRecord } from './saved-index';

/** The storage bucket that holds the saved index, where the browser has storage buckets. */
export const SEARCH_INDEX_BUCKET = 'search-index';

/**
 * The saved search index's own database, beside the library's. It holds nothing the library
 * cannot rebuild, so it may live where the browser evicts it first, and its writes may be relaxed:
 * a write is still whole or absent, and a restart catches up from the library (index-scheduler.ts).
 */
export class SearchIndexDatabase extends Dexie {
  savedIndex!: Table<SavedIndexRecord, string>;

  constructor(libraryName: string, factory?: IDBFactory) {
    super(`${libraryName}-search-index`, factory ? { indexedDB: factory, IDBKeyRange } : {});
    this.version(1).stores({ savedIndex: 'key' });
  }
}

/** The part of the Storage Buckets API this uses: not yet in TypeScript's DOM types. */
export interface StorageBuckets {
  open(name: string, options?: { durability?: 'strict' | 'relaxed'; persisted?: boolean }): Promise<{ indexedDB: IDBFactory }>;
}

/**
 * The library's saved search index, in a storage bucket of its own where the browser has them.
 * Chromium (126 and later) runs each bucket's IndexedDB apart, but serves one bucket's requests one
 * after another: in the library's bucket, the worker's reads at a start waited behind the page's
 * (docs/search-engine.md, "Start-up, measured"). Without buckets, or when the bucket cannot be
 * opened, the database is in the default bucket.
 */
export async function openSearchIndexDatabase(libraryName: string, buckets: StorageBuckets | undefined = browserBuckets()): Promise<SearchIndexDatabase> {
  if (buckets) {
    try {
      const bucket = await buckets.open(SEARCH_INDEX_BUCKET, { durability: 'relaxed' });
      return new SearchIndexDatabase(libraryName, bucket.indexedDB);
    } catch (error) {
      console.warn('Paperdrop search: no storage bucket for the index; it is kept beside the library.', error);
    }
  }
  return new SearchIndexDatabase(libraryName);
}

function browserBuckets(): StorageBuckets | undefined {
  return (navigator as Navigator & { storageBuckets?: StorageBuckets }).storageBuckets;
}
