import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { PaperdropDatabase } from '../renderer/db/database';
import { storeBatch } from '../renderer/db/store-batch';
import { parseFile } from './parse-file';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';

/** A library as the first release of Paperdrop (schema version 1) left it. */
async function writeVersionOneLibrary(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({ papers: 'id, sortKey', states: 'paperId, read, starred', sources: 'hash, file, seenAt' });
  await v1.table('papers').put({
    id: 'title:zero shot tokenizer transfer',
    title: 'Zero-Shot Tokenizer Transfer',
    abstract: 'Language models are bound to their tokenizer.',
    authors: [],
    published: '2026-03-11',
    sortKey: '2026-03-11',
    listings: [{ file: SEED_FILES[0], hash: 'old-hash', format: 'hf-papers-text', seenAt: '2026-03-12T00:00:00.000Z' }],
  });
  await v1.table('states').put({ paperId: 'title:zero shot tokenizer transfer', read: 1, starred: 1, updatedAt: '2026-03-12T00:00:00.000Z' });
  await v1.table('sources').put({ hash: 'old-hash', file: SEED_FILES[0], format: 'hf-papers-text', seenAt: '2026-03-12T00:00:00.000Z', paperCount: 1, errors: [] });
  v1.close();
}

describe('upgrading a library from schema version 1', () => {
  it('keeps every paper, source and mark, and gives old papers the fields the new indexes need', async () => {
    await writeVersionOneLibrary('upgrade-v1');
    const db = new PaperdropDatabase('upgrade-v1');
    const paper = await db.papers.get('title:zero shot tokenizer transfer');
    expect(paper).toMatchObject({
      title: 'Zero-Shot Tokenizer Transfer',
      arxivId: null,
      categories: [],
      keys: ['title:zero shot tokenizer transfer'],
      files: [SEED_FILES[0]],
      generation: 0,
      listings: [{ hash: 'old-hash', announceType: null, version: null }],
    });
    expect(await db.states.get('title:zero shot tokenizer transfer')).toMatchObject({ read: 1, starred: 1 });
    expect(await db.sources.count()).toBe(1);

    // The same seed file read again by the new code merges into the upgraded paper, marks untouched.
    await storeBatch(db, parseFile(SEEDS_DIR + SEED_FILES[0]));
    expect(await db.papers.count()).toBe(60);
    expect(await db.states.get('title:zero shot tokenizer transfer')).toMatchObject({ read: 1, starred: 1 });
    expect((await db.papers.get('title:zero shot tokenizer transfer'))!.listings).toHaveLength(2);
    await db.delete();
  });
});
