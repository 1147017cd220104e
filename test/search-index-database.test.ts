import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openSearchIndexDatabase, SEARCH_INDEX_BUCKET, type StorageBuckets } from '../renderer/search/search-index-database';
import { savedTerms } from '../renderer/search/saved-index';

const namesIn = async (factory: IDBFactory | typeof indexedDB) => (await factory.databases()).map((database) => database.name);

async function saveSomething(library: string, buckets: StorageBuckets | undefined): Promise<void> {
  const db = await openSearchIndexDatabase(library, buckets);
  await db.savedIndex.put(savedTerms(0, ['word'], Int32Array.of(0)));
  db.close();
}

describe("the saved index's database", () => {
  it('lives in a storage bucket of its own, with relaxed durability, where the browser has buckets', async () => {
    const bucket = new IDBFactory();
    const asked: unknown[] = [];
    await saveSomething('bucketed', { open: async (name, options) => (asked.push([name, options]), { indexedDB: bucket }) });
    expect(asked).toEqual([[SEARCH_INDEX_BUCKET, { durability: 'relaxed' }]]);
    expect(await namesIn(bucket)).toEqual(['bucketed-search-index']);
    expect(await namesIn(indexedDB)).not.toContain('bucketed-search-index');
  });

  it('lives beside the library where there are no buckets, or the bucket cannot be opened', async () => {
    await saveSomething('unbucketed', undefined);
    await saveSomething('refused', { open: () => Promise.reject(new DOMException('no buckets for this origin', 'SecurityError')) });
    expect(await namesIn(indexedDB)).toEqual(expect.arrayContaining(['unbucketed-search-index', 'refused-search-index']));
  });
});
