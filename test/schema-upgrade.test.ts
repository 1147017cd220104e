import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { matchKeys } from '../shared/merge';
import type { IngestBatch } from '../shared/paper';
import { PaperdropDatabase } from '../renderer/db/database';
import { digestOf } from '../renderer/db/key-digest';
import { PAPERS_PER_PAGE, pagesOf } from '../renderer/db/page-layout';
import { readPapers } from '../renderer/db/paper-pages';
import { emptyPaperFields, toPaperRecord } from '../renderer/db/paper-record';
import type { OrderRecord, PaperRecord, PaperState } from '../renderer/db/records';
import { readNewestFirst } from '../renderer/db/newest-first';
import { unpackOrder } from '../renderer/db/order-record';
import { readListMembers } from '../renderer/db/list-members';
import { readListMemberships } from '../renderer/db/list-memberships';
import { categoryList, fileList } from '../renderer/db/paper-lists';
import { storeBatch } from '../renderer/db/library-writer';
import { restoreMarks, setMarks } from '../renderer/db/mark-writer';
import { IndexScheduler } from '../renderer/search/index-scheduler';
import { SearchIndexDatabase } from '../renderer/search/search-index-database';
import { parseFile } from './parse-file';
import { SAMPLES_DIR, SEED_FILES, SEEDS_DIR } from './shared-paths';
import { allPapers, idsBySortKeyDescending, paperCount, storedPaper } from './stored-papers';

/** Each upgrade tested, with what the library held once upgraded: printed after the file's tests. */
const upgraded: string[] = [];

/** Opens the library, which upgrades it, and notes the figures: the tests then check the records themselves. */
async function upgrade(name: string, from: string): Promise<PaperdropDatabase> {
  const db = new PaperdropDatabase(name);
  const started = performance.now();
  await db.open();
  const upgradeMs = performance.now() - started;
  const [papers, read, starred, sources] = await Promise.all([
    db.pages.toArray().then((pages) => pages.reduce((count, page) => count + page.papers.length, 0)),
    db.states.where('read').equals(1).count(),
    db.states.where('starred').equals(1).count(),
    db.sources.count(),
  ]);
  upgraded.push(`${from} | ${papers} | ${read} | ${starred} | ${sources} | ${upgradeMs.toFixed(0)}`);
  return db;
}

afterAll(() => {
  console.log([`schema upgrades to version ${new PaperdropDatabase('upgrade-figures').verno}`, 'from | papers | read | starred | sources | upgrade ms', ...upgraded].join('\n'));
});

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
    const db = await upgrade('upgrade-v1', 'version 1');
    const paper = await storedPaper(db, 'title:zero shot tokenizer transfer');
    expect(paper).toMatchObject({
      title: 'Zero-Shot Tokenizer Transfer',
      arxivId: null,
      categories: [],
      keys: [],
      files: [SEED_FILES[0]],
      generation: 0,
      listings: [{ hash: 'old-hash', announceType: null, version: null }],
    });
    expect(await db.states.get('title:zero shot tokenizer transfer')).toMatchObject({ read: 1, starred: 1 });
    expect(await db.sources.count()).toBe(1);

    // The same seed file read again by the new code merges into the upgraded paper, marks untouched.
    await storeBatch(db, parseFile(SEEDS_DIR + SEED_FILES[0]));
    expect(await paperCount(db)).toBe(60);
    expect(await db.states.get('title:zero shot tokenizer transfer')).toMatchObject({ read: 1, starred: 1 });
    expect((await storedPaper(db, 'title:zero shot tokenizer transfer'))!.listings).toHaveLength(2);
    await db.delete();
  });
});

/** Two files as the version-3 release stored them: every match key indexed, files and categories too. */
const VERSION_THREE_FILES: IngestBatch[] = [parseFile(SEEDS_DIR + SEED_FILES[0]), parseFile(`${SAMPLES_DIR}arxiv-rss2-2024.xml`)];
const STARRED = 'title:token merging for training free semantic binding in text to image synthesis';

async function writeVersionThreeLibrary(name: string): Promise<void> {
  const v3 = new Dexie(name);
  v3.version(3).stores({
    papers: 'id, sortKey, *keys, *categories, *files, generation',
    states: 'paperId, read, starred',
    sources: 'hash, file, seenAt',
    meta: 'key',
    searchIndex: 'key',
  });
  for (const [index, batch] of VERSION_THREE_FILES.entries()) {
    const generation = index + 1;
    await v3.table('papers').bulkPut(
      batch.papers.map((paper) => ({ ...paper, sortKey: paper.published ?? '', keys: matchKeys(paper), files: [batch.file], generation })),
    );
    await v3.table('sources').put({ hash: batch.hash, file: batch.file, format: batch.format, seenAt: batch.seenAt, paperCount: batch.papers.length, errors: [] });
    await v3.table('meta').put({ key: 'generation', value: generation });
  }
  await v3.table('states').put({ paperId: STARRED, read: 1, starred: 1, updatedAt: '2026-03-12T00:00:00.000Z' });
  v3.close();
}

describe('upgrading a library from schema version 3', () => {
  it('keeps every paper, source and mark, lists them by file and category and newest first, and still merges what it holds', async () => {
    await writeVersionThreeLibrary('upgrade-v3');
    const db = await upgrade('upgrade-v3', 'version 3');
    const papers = VERSION_THREE_FILES.flatMap((batch) => batch.papers);
    expect(await paperCount(db)).toBe(papers.length);
    expect(await db.sources.count()).toBe(2);
    expect(await db.states.get(STARRED)).toMatchObject({ read: 1, starred: 1 });
    for (const batch of VERSION_THREE_FILES) {
      expect(await readListMembers(db, fileList(batch.file))).toEqual(new Set(batch.papers.map((paper) => paper.id)));
    }
    const category = papers.find((paper) => paper.categories.length > 0)!.categories[0]!;
    expect(await readListMembers(db, categoryList(category))).toEqual(new Set(papers.filter((paper) => paper.categories.includes(category)).map((paper) => paper.id)));
    const categoriesListed = [...(await readListMemberships(db)).byPaper.values()].flat().filter((list) => list.startsWith(categoryList('')));
    expect(new Set(categoriesListed)).toEqual(new Set(papers.flatMap((paper) => paper.categories).map(categoryList)));
    expect((await readNewestFirst(db)).ids).toEqual(await idsBySortKeyDescending(db));

    // The same files again under new names: every paper merges into the one it was, marks untouched.
    for (const batch of VERSION_THREE_FILES) {
      const [file, hash] = [`again-${batch.file}`, `again-${batch.hash}`];
      await storeBatch(db, { ...batch, file, hash, papers: batch.papers.map((paper) => ({ ...paper, listings: paper.listings.map((listing) => ({ ...listing, file, hash })) })) });
    }
    expect(await paperCount(db)).toBe(papers.length);
    expect((await storedPaper(db, STARRED))!.listings).toHaveLength(2);
    expect(await db.states.get(STARRED)).toMatchObject({ read: 1, starred: 1 });
    expect((await readNewestFirst(db)).ids).toEqual(await idsBySortKeyDescending(db));
    await db.delete();
  });
});

describe('upgrading a library with papers stored without a date', () => {
  it('gives each its listing date, and lists it by that date instead of last', async () => {
    const v1 = new Dexie('upgrade-undated');
    v1.version(1).stores({ papers: 'id, sortKey', states: 'paperId, read, starred', sources: 'hash, file, seenAt' });
    const paper = (id: string, published: string | null, file: string, seenAt: string) => ({
      id,
      title: id,
      abstract: '',
      authors: [],
      published,
      sortKey: published ?? '',
      listings: [{ file, hash: `hash-${id}`, format: 'hf-papers-text', seenAt }],
    });
    await v1.table('papers').bulkPut([
      paper('title:older dated', '2026-03-01', 'a.txt', '2026-03-02T00:00:00.000Z'),
      paper('title:daily listing', null, 'hf-2026-03-14.txt', '2026-03-20T00:00:00.000Z'),
      paper('title:arrived later', null, 'page.txt', '2026-03-16T09:00:00.000Z'),
    ]);
    v1.close();
    const db = await upgrade('upgrade-undated', 'version 1, undated papers');
    expect((await storedPaper(db, 'title:daily listing'))?.sortKey).toBe('2026-03-14');
    expect((await storedPaper(db, 'title:arrived later'))?.sortKey).toBe('2026-03-16');
    expect((await readNewestFirst(db)).ids).toEqual(['title:arrived later', 'title:daily listing', 'title:older dated']);
    await db.delete();
  });
});

/** The tables of schema versions 7 and 8, the last with a record per paper. */
const RECORD_PER_PAPER_TABLES = {
  ...{ papers: 'id, sortKey, *keys, generation', states: 'paperId, read, starred', sources: 'hash, file, seenAt', meta: 'key', searchIndex: 'key' },
  ...{ keyDigests: 'generation', lists: '[list+generation]', orderLog: 'generation', pendingMarks: 'paperId' },
};

describe('upgrading a library whose categories hold free text and other classifications', () => {
  it('keeps arXiv categories, makes MSC and ACM codes classes, drops the rest, lists them again and drops the saved index the library kept then, marks untouched', async () => {
    const v7 = new Dexie('upgrade-categories');
    v7.version(7).stores(RECORD_PER_PAPER_TABLES);
    const junk = ['cs.CL', 'null', 'Computer Science', '68P05 (Primary)', 'F.2.2; E.1', 'cs.CV, cs.MM', '研究兴趣包括自然语言处理'];
    await v7.table('papers').put({
      ...emptyPaperFields(),
      id: 'arxiv:2401.00001',
      arxivId: '2401.00001',
      title: 'A paper with every kind of category',
      abstract: '',
      authors: [],
      published: '2024-01-02',
      categories: junk,
      primaryCategory: 'null',
      listings: [{ file: 'feed.xml', hash: 'h', format: 'rss', seenAt: '2024-01-03T00:00:00.000Z', announceType: null, version: null }],
      sortKey: '2024-01-02',
      keys: [],
      files: ['feed.xml'],
      generation: 1,
    });
    await v7.table('meta').put({ key: 'generation', value: 1 });
    await v7.table('lists').bulkPut(junk.map((category) => ({ list: categoryList(category), generation: 1, ids: ['arxiv:2401.00001'] })));
    await v7.table('states').put({ paperId: 'arxiv:2401.00001', read: 1, readAt: '2024-01-03T00:00:00.000Z', starred: 1, starredAt: '2024-01-03T00:00:00.000Z' });
    await v7.table('searchIndex').put({ key: 'head', documentCount: 1 });
    v7.close();

    const db = await upgrade('upgrade-categories', 'version 7, free-text categories');
    const paper = (await storedPaper(db, 'arxiv:2401.00001'))!;
    expect(paper.categories).toEqual(['cs.CL', 'cs.CV', 'cs.MM']);
    expect(paper.classes).toEqual(['68P05', 'F.2.2', 'E.1']);
    expect(paper.primaryCategory).toBeNull();
    const listed = [...(await readListMemberships(db)).byPaper.get('arxiv:2401.00001')!].filter((list) => list.startsWith(categoryList(''))).sort();
    expect(listed).toEqual(['cs.CL', 'cs.CV', 'cs.MM'].map(categoryList));
    expect(db.backendDB().objectStoreNames.contains('searchIndex')).toBe(false);
    expect(await db.states.get('arxiv:2401.00001')).toMatchObject({ read: 1, starred: 1 });
    await db.delete();
  });
});

describe('upgrading a library from schema version 8, a record per paper, to pages', () => {
  it('puts every paper on one page of the generation that wrote it, and keeps every mark', async () => {
    const v8 = new Dexie('upgrade-v8');
    v8.version(8).stores(RECORD_PER_PAPER_TABLES);
    const batches = [parseFile(SEEDS_DIR + SEED_FILES[0]), parseFile(SEEDS_DIR + SEED_FILES[1]), parseFile(`${SAMPLES_DIR}arxiv-rss2-2024.xml`)];
    const stored = new Map<string, PaperRecord>();
    for (const [index, batch] of batches.entries()) {
      // Each batch rewrites the papers it lists under its own generation, as storeBatch did.
      for (const paper of batch.papers) stored.set(paper.id, toPaperRecord(paper, index + 1));
    }
    await v8.table('papers').bulkPut([...stored.values()]);
    await v8.table('meta').put({ key: 'generation', value: batches.length });
    const keys = [...stored.values()].flatMap((paper) => [paper.id, ...paper.keys]);
    await v8.table('keyDigests').put({ generation: batches.length, digests: Uint32Array.from(new Set(keys.map(digestOf))) });
    const marked = [...stored.keys()].filter((_id, index) => index % 7 === 0);
    const marks = marked.map((paperId, index): PaperState => ({ paperId, read: 1, readAt: `2026-03-1${index % 10}T00:00:00.000Z`, starred: index % 2 === 0 ? 1 : 0, starredAt: null }));
    await v8.table('states').bulkPut(marks);
    v8.close();

    const db = await upgrade('upgrade-v8', 'version 8');
    const pages = await db.pages.toArray();
    expect(pages.every((page) => page.papers.length <= PAPERS_PER_PAGE && page.papers.every((paper) => paper.generation === page.generation))).toBe(true);
    expect(await allPapers(db)).toEqual([...stored.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.states.toArray()).toEqual(marks.sort((a, b) => (a.paperId < b.paperId ? -1 : 1)));
    expect(db.tables.map((table) => table.name)).not.toContain('papers');

    // Found by id and by merge key, and merged into when listed again.
    const keyed = [...stored.values()].find((paper) => paper.keys.length > 0)!;
    expect((await readPapers(db, [keyed.id]))[0]).toEqual(keyed);
    await storeBatch(db, { ...batches[2]!, hash: 'again', file: 'again.xml' });
    expect(await paperCount(db)).toBe(stored.size);
    expect(await db.states.toArray()).toEqual(marks);
    await db.delete();
  });
});

describe('upgrading a library from schema version 10, pages found by an index on their merge keys', () => {
  it('places every key in the key directory, so marks and later listings still find papers by any key', async () => {
    const v10 = new Dexie('upgrade-v10');
    v10.version(10).stores({ ...RECORD_PER_PAPER_TABLES, papers: null, pages: '[generation+part], *ids, *keys' });
    const batches = [parseFile(SEEDS_DIR + SEED_FILES[0]), parseFile(`${SAMPLES_DIR}arxiv-rss2-2024.xml`)];
    const pages = batches.flatMap((batch, index) =>
      // As version 10 wrote them: each page with the union of its papers' keys, for its index.
      pagesOf(
        batch.papers.map((paper) => toPaperRecord(paper, index + 1)),
        index + 1,
      ).map((page) => ({ ...page, keys: [...new Set(page.papers.flatMap((paper) => paper.keys))] })),
    );
    await v10.table('pages').bulkPut(pages);
    await v10.table('meta').put({ key: 'generation', value: batches.length });
    for (const [index, batch] of batches.entries()) {
      const keys = batch.papers.flatMap((paper) => matchKeys(paper));
      await v10.table('keyDigests').put({ generation: index + 1, digests: Uint32Array.from(new Set(keys.map(digestOf))) });
    }
    v10.close();

    const db = await upgrade('upgrade-v10', 'version 10');
    // allPapers checks the directory against the pages: every key known, every other key placed on its page.
    const stored = await allPapers(db);
    expect(stored).toHaveLength(pages.flatMap((page) => page.papers).length);
    expect(db.pages.schema.indexes.map((index) => index.name)).toEqual(['ids']);

    const keyed = stored.find((paper) => paper.keys.length > 0)!;
    const mark: PaperState = { paperId: keyed.keys[0]!, read: 1, readAt: '2026-03-12T00:00:00.000Z', starred: 1, starredAt: '2026-03-12T00:00:00.000Z' };
    expect(await restoreMarks(db, [mark])).toEqual({ applied: 1, keptLocal: 0, pending: 0 });
    expect(await db.states.get(keyed.id)).toMatchObject({ read: 1, starred: 1 });

    await storeBatch(db, { ...batches[1]!, hash: 'again', file: 'again.xml' });
    expect(await paperCount(db)).toBe(stored.length);
    expect(await db.states.get(keyed.id)).toMatchObject({ read: 1, starred: 1 });
    await db.delete();
  });
});

/**
 * A library made now, read and starred, and its tables' records as schema 12 held them: the same
 * but for the order log, whose records were lists of strings then.
 */
async function libraryAsSchema12(name: string) {
  const made = new PaperdropDatabase(name);
  await storeBatch(made, parseFile(SEEDS_DIR + SEED_FILES[0]));
  await storeBatch(made, parseFile(`${SAMPLES_DIR}arxiv-rss2-2024.xml`));
  const [first] = await allPapers(made);
  await setMarks(made, [first!.id], 'read', true);
  await setMarks(made, [first!.id], 'starred', true);
  const contents = new Map(await Promise.all(made.tables.map(async (table) => [table.name, await table.toArray()] as const)));
  const stores = Object.fromEntries(made.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ')]));
  await made.delete();
  const asSchema12 = new Map(contents);
  asSchema12.set(
    'orderLog',
    (contents.get('orderLog') as OrderRecord[]).map((record) => ({ generation: record.generation, ...unpackOrder(record) })),
  );
  return { markedId: first!.id, contents, asSchema12, stores };
}

describe('upgrading a library from schema version 11, the saved search index in one of its tables', () => {
  it('keeps every record of every other table, drops the old table, and the search worker rebuilds the index in its own database', async () => {
    // Schema 11 is schema 12 with the `searchIndex` table.
    const { markedId, contents, asSchema12, stores } = await libraryAsSchema12('upgrade-v11-source');
    const v11 = new Dexie('upgrade-v11');
    v11.version(11).stores({ ...stores, searchIndex: 'key' });
    for (const [name, records] of asSchema12) await v11.table(name).bulkPut(records);
    await v11.table('searchIndex').put({ key: 'head', documentCount: 1 });
    v11.close();

    const db = await upgrade('upgrade-v11', 'version 11');
    for (const [name, records] of contents) expect(await db.table(name).toArray(), name).toEqual(records);
    expect(db.backendDB().objectStoreNames.contains('searchIndex')).toBe(false);
    expect(await db.states.get(markedId)).toMatchObject({ read: 1, starred: 1 });

    const scheduler = new IndexScheduler({ db, savedIndex: new SearchIndexDatabase(db.name), post: () => {} });
    await scheduler.runUntilIdle();
    expect(scheduler.rebuilds).toBe(1);
    expect([...scheduler.currentIndex.ids()].sort()).toEqual((await allPapers(db)).map((paper) => paper.id).sort());
    await db.delete();
  });
});

describe('upgrading a library from schema version 12, the order log as lists of strings', () => {
  it('packs every order record as the library writes them now, so the list keeps its order, and keeps every other record', async () => {
    const { markedId, contents, asSchema12, stores } = await libraryAsSchema12('upgrade-v12-source');
    const v12 = new Dexie('upgrade-v12');
    v12.version(12).stores(stores);
    for (const [name, records] of asSchema12) await v12.table(name).bulkPut(records);
    v12.close();

    const db = await upgrade('upgrade-v12', 'version 12');
    for (const [name, records] of contents) expect(await db.table(name).toArray(), name).toEqual(records);
    expect((await readNewestFirst(db)).ids).toEqual(await idsBySortKeyDescending(db));
    expect(await db.states.get(markedId)).toMatchObject({ read: 1, starred: 1 });

    await storeBatch(db, parseFile(`${SAMPLES_DIR}arxiv-atom-2024.xml`));
    expect((await readNewestFirst(db)).ids).toEqual(await idsBySortKeyDescending(db));
    await db.delete();
  });
});
