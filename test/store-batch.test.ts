import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestBatch } from '../shared/paper';
import { PaperdropDatabase } from '../renderer/db/database';
import { setMarks } from '../renderer/db/mark-writer';
import { recordFolderFiles, storeBatch } from '../renderer/db/library-writer';
import { parseFile, parseText } from './parse-file';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';
import { allPapers, paperCount, storedPaper } from './stored-papers';

const opened: PaperdropDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0).reverse()) await db.delete();
});

let databaseCount = 0;
function openDatabase(name = `test-${++databaseCount}`): PaperdropDatabase {
  const db = new PaperdropDatabase(name);
  opened.push(db);
  return db;
}

function seedBatch(index: 0 | 1, seenAt = '2025-06-01T12:00:00.000Z'): IngestBatch {
  const batch = parseFile(SEEDS_DIR + SEED_FILES[index], { modifiedAt: new Date('2025-06-01T12:00:00Z'), seenAt: new Date(seenAt) });
  return { ...batch, hash: `hash-${index}`, papers: batch.papers.map((paper) => ({ ...paper, listings: paper.listings.map((listing) => ({ ...listing, hash: `hash-${index}` })) })) };
}

const TOME = 'title:token merging for training free semantic binding in text to image synthesis';
const NEXT_X = 'title:beyond next token next x prediction for autoregressive visual generation';

describe('storing a batch', () => {
  it('stores the papers and records the source', async () => {
    const db = openDatabase();
    const change = await storeBatch(db, seedBatch(0));
    expect(change.written).toHaveLength(60);
    expect(change.removed).toEqual([]);
    expect(await paperCount(db)).toBe(60);
    expect(await db.sources.get('hash-0')).toMatchObject({ file: SEED_FILES[0], format: 'hf-papers-text', paperCount: 60, errors: [] });
    expect(await storedPaper(db, TOME)).toMatchObject({ sortKey: '2025-03-11', published: '2025-03-11' });
  });

  it('is idempotent and never touches read or star, also across a reopen of the database', async () => {
    const db = openDatabase('reopened');
    await storeBatch(db, seedBatch(0));
    await setMarks(db, [TOME], 'read', true);
    await setMarks(db, [TOME], 'starred', true);
    await setMarks(db, [NEXT_X], 'starred', true);

    await storeBatch(db, seedBatch(0, '2025-06-02T00:00:00.000Z'));
    await storeBatch(db, seedBatch(1));
    db.close();

    const again = new PaperdropDatabase('reopened');
    opened.push(again);
    await storeBatch(again, seedBatch(1));
    expect(await paperCount(again)).toBe(89);
    expect(await again.states.get(TOME)).toMatchObject({ read: 1, starred: 1 });
    expect(await again.states.get(NEXT_X)).toMatchObject({ read: 0, starred: 1 });
    expect(await again.states.count()).toBe(2);
    const nextX = await storedPaper(again, NEXT_X);
    expect(nextX!.listings.map((listing) => listing.file)).toEqual([SEED_FILES[0], SEED_FILES[1]]);
  });

  it('merges with papers another tab stored meanwhile', async () => {
    const [tab, otherTab] = [openDatabase('two-tabs'), openDatabase('two-tabs')];
    await storeBatch(tab, seedBatch(0));
    await storeBatch(otherTab, seedBatch(1));
    const again = seedBatch(1);
    again.hash = 'hash-again';
    again.papers = again.papers.map((paper) => ({ ...paper, listings: paper.listings.map((listing) => ({ ...listing, hash: 'hash-again' })) }));
    await storeBatch(tab, again);
    expect(await paperCount(tab)).toBe(89);
    const onlyInSecond = (await allPapers(tab)).filter((paper) => paper.files.length === 1 && paper.files[0] === SEED_FILES[1]);
    expect(onlyInSecond.length).toBeGreaterThan(0);
    for (const paper of onlyInSecond) expect(paper.listings.map((listing) => listing.hash)).toEqual(['hash-1', 'hash-again']);
  });

  it('takes richer text from a newer listing and keeps the state', async () => {
    const db = openDatabase();
    await storeBatch(db, seedBatch(0));
    await setMarks(db, [TOME], 'starred', true);
    const longer = seedBatch(0);
    longer.hash = 'hash-updated';
    longer.papers = longer.papers
      .filter((paper) => paper.id === TOME)
      .map((paper) => ({ ...paper, abstract: `${paper.abstract} Revised with new results.`, listings: [{ ...paper.listings[0]!, hash: 'hash-updated' }] }));
    await storeBatch(db, longer);
    const stored = await storedPaper(db, TOME);
    expect(stored!.abstract).toMatch(/Revised with new results\.$/);
    expect(stored!.listings).toHaveLength(2);
    expect(await db.states.get(TOME)).toMatchObject({ starred: 1, read: 0 });
  });

  it('writes nothing when a batch fails halfway: no papers, no source, so it is sent again', async () => {
    const db = openDatabase();
    const broken = seedBatch(0);
    // An id IndexedDB cannot take as a key makes bulkPut throw inside the transaction.
    broken.papers[30] = { ...broken.papers[30]!, id: null as unknown as string };
    await expect(storeBatch(db, broken)).rejects.toThrow();
    expect(await paperCount(db)).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });

  it('records a file that could not be read, with its reason', async () => {
    const db = openDatabase();
    const batch = parseText('%PDF\u0000', 'x.pdf');
    expect(await storeBatch(db, batch)).toEqual({ written: [], removed: [], remarked: [] });
    expect(await db.sources.get(batch.hash)).toMatchObject({ paperCount: 0, errors: [{ file: 'x.pdf', message: 'not a recognised feed: the file is binary' }] });
  });
});

describe('the folder\'s files', () => {
  it('mark a stored file gone once the folder no longer holds it, and present again when it comes back, its papers untouched', async () => {
    const db = openDatabase();
    const [first, second] = [seedBatch(0), seedBatch(1)];
    await storeBatch(db, first);
    await storeBatch(db, second);
    const papers = await paperCount(db);
    const goneOf = async () => Object.fromEntries((await db.sources.toArray()).map((source) => [source.file, source.gone ?? null]));

    expect(await recordFolderFiles(db, [first.hash, second.hash])).toBe(0);
    expect(await goneOf()).toEqual({ [first.file]: null, [second.file]: null });
    expect(await recordFolderFiles(db, [second.hash])).toBe(1);
    expect(await goneOf()).toEqual({ [first.file]: true, [second.file]: null });
    expect(await paperCount(db)).toBe(papers);
    expect(await recordFolderFiles(db, [second.hash])).toBe(0);
    expect(await recordFolderFiles(db, [first.hash, second.hash])).toBe(1);
    expect(await goneOf()).toEqual({ [first.file]: false, [second.file]: null });
  });
});
