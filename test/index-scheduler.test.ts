import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { storeBatch } from '../renderer/db/library-writer';
import type { PaperdropDatabase } from '../renderer/db/database';
import { IndexSaver } from '../renderer/search/index-saver';
import { IndexScheduler, SAVE_INTERVAL_MS } from '../renderer/search/index-scheduler';
import { readSavedHead, readSavedSegment } from '../renderer/search/index-store';
import { restoreOrder, segmentKey, type SavedHead } from '../renderer/search/saved-index';
import { indexFingerprint } from '../renderer/search/index-fingerprint';
import { PaperIndex } from '../renderer/search/paper-index';
import { parseQuery } from '../renderer/search/query-syntax';
import type { SearchReply } from '../renderer/search/search-protocol';
import { SearchIndexDatabase } from '../renderer/search/search-index-database';
import { holdReads } from './held-reads';
import { fixtureBatches } from './index-test-helpers';
import { databaseOpener } from './sample-library';
import { allPapers, dropPapers } from './stored-papers';

const batches = fixtureBatches().filter((batch) => batch.papers.length > 0);
const openDatabase = databaseOpener('index-scheduler');
const QUERIES = ['language model', 'diffusion', 'learned rep', 'transfromer', 'graph neural', 'cat:cs.CL reasoning', 'author:wang', '"large language"'];

/** The library's saved index, as its search worker opens it. */
const savedIndexOf = (db: PaperdropDatabase) => new SearchIndexDatabase(db.name);
const savedHeadOf = (db: PaperdropDatabase) => readSavedHead(savedIndexOf(db), indexFingerprint(db.verno));

/** A scheduler on the database; with `thinSlices`, its clock makes every slice of a job as short as the job allows; it saves at most every `saveIntervalMs`. */
function schedulerOn(db: PaperdropDatabase, thinSlices = false, saveIntervalMs?: number): { scheduler: IndexScheduler; replies: SearchReply[] } {
  const replies: SearchReply[] = [];
  const post = (reply: SearchReply) => replies.push(reply);
  const savedIndex = savedIndexOf(db);
  const scheduler = new IndexScheduler({ db, savedIndex, post, ...(saveIntervalMs === undefined ? {} : { saveIntervalMs }), ...(thinSlices ? { now: () => Number.NEGATIVE_INFINITY } : {}) });
  return { scheduler, replies };
}

/** Stores a batch as the page does, and hands its change to the scheduler. */
async function ingest(db: PaperdropDatabase, scheduler: IndexScheduler, batch: (typeof batches)[number]): Promise<void> {
  const change = await storeBatch(db, batch);
  scheduler.receive({ type: 'index', papers: change.written, removed: change.removed });
}

/** The library's papers, indexed from scratch: what any index of it must answer. */
async function indexOfLibrary(db: PaperdropDatabase): Promise<PaperIndex> {
  const index = new PaperIndex();
  index.upsert(await allPapers(db));
  return index;
}

async function expectIndexOfLibrary(db: PaperdropDatabase, index: PaperIndex): Promise<void> {
  const expected = await indexOfLibrary(db);
  expect([...index.ids()].sort()).toEqual([...expected.ids()].sort());
  for (const query of QUERIES) expect(index.search(query), query).toEqual(expected.search(query));
}

async function searchNow(scheduler: IndexScheduler, replies: SearchReply[], query: string, seq: number): Promise<string[]> {
  scheduler.receive({ type: 'search', seq, query });
  await scheduler.step();
  const reply = replies.findLast((each) => each.type === 'results' && each.seq === seq);
  if (reply?.type !== 'results') throw new Error(`no answer to ${query}`);
  return reply.ids;
}

/**
 * The fixture batches ingested and their index saved, then a scheduler starting afresh on it whose
 * reads of the saved records `heldIn` picks (given the saved head) wait until `release`.
 */
async function restartHoldingReads(heldIn: (head: SavedHead) => (key: unknown) => boolean) {
  const db = openDatabase();
  const first = schedulerOn(db).scheduler;
  for (const batch of batches) {
    await ingest(db, first, batch);
    await first.runUntilIdle();
  }
  const held = heldIn((await savedHeadOf(db))!);
  const savedIndex = savedIndexOf(db);
  const release = holdReads(savedIndex, (_table, keys) => keys?.some(held) ?? false);
  const replies: SearchReply[] = [];
  const scheduler = new IndexScheduler({ db, savedIndex, post: (reply) => replies.push(reply), now: () => Number.NEGATIVE_INFINITY });
  return { db, scheduler, replies, release };
}

describe('the index scheduler', () => {
  it('in a tab that follows another\'s writes, indexes what it is handed and saves nothing, until it takes over', async () => {
    const db = openDatabase();
    const { scheduler } = schedulerOn(db);
    scheduler.receive({ type: 'saves', saves: false });
    await scheduler.runUntilIdle();
    for (const batch of batches.slice(0, 3)) await ingest(db, scheduler, batch);
    await scheduler.runUntilIdle();
    expect(await savedIndexOf(db).savedIndex.count()).toBe(0);
    await expectIndexOfLibrary(db, scheduler.currentIndex);

    scheduler.receive({ type: 'saves', saves: true });
    await scheduler.runUntilIdle();
    expect((await savedHeadOf(db))?.documentCount).toBe(scheduler.currentIndex.size);
  });

  it('indexes handed-over papers and saves each batch right after it, not after a lull', async () => {
    const db = openDatabase();
    const { scheduler } = schedulerOn(db);
    await scheduler.runUntilIdle();
    for (const batch of batches.slice(0, 6)) {
      await ingest(db, scheduler, batch);
      await scheduler.runUntilIdle();
      const generation = (await db.meta.get('generation'))!.value;
      expect((await savedHeadOf(db))?.generation).toBe(generation);
    }
    await expectIndexOfLibrary(db, scheduler.currentIndex);
  });

  it('saves at most once an interval while batches stream in, the first change at once', async () => {
    const db = openDatabase();
    const { scheduler } = schedulerOn(db);
    await scheduler.runUntilIdle();
    const save = vi.spyOn(IndexSaver.prototype, 'save');
    const started = performance.now();
    for (const batch of batches) {
      await ingest(db, scheduler, batch);
      while (await scheduler.step());
    }
    const streaming = performance.now() - started;
    expect(save).toHaveBeenCalled();
    expect(save.mock.calls.length).toBeLessThanOrEqual(1 + Math.ceil(streaming / SAVE_INTERVAL_MS));
    expect(save.mock.calls.length).toBeLessThan(batches.length);
    save.mockRestore();
    await scheduler.runUntilIdle();
    expect((await savedHeadOf(db))?.generation).toBe((await db.meta.get('generation'))!.value);
  });

  it('after a restart before the last save, restores what was saved and catches up on the batches it missed', async () => {
    const db = openDatabase();
    let { scheduler } = schedulerOn(db, false, 60_000);
    await scheduler.runUntilIdle();
    for (const batch of batches) {
      await ingest(db, scheduler, batch);
      while (await scheduler.step());
    }
    await scheduler.writesSettled();
    const saved = await savedHeadOf(db);
    // Saved once, at the first batch; the interval held back the rest.
    expect(saved?.generation).toBe(1);
    scheduler.stop();
    ({ scheduler } = schedulerOn(db));
    await scheduler.runUntilIdle();
    expect(scheduler.rebuilds).toBe(0);
    await expectIndexOfLibrary(db, scheduler.currentIndex);
  });

  it('after a restart at any step of an ingest, restores the saved index rather than rebuilding, and catches up', async () => {
    const db = openDatabase();
    let { scheduler } = schedulerOn(db, true);
    let restarts = 0;
    let restored = 0;
    for (const batch of batches) {
      await ingest(db, scheduler, batch);
      // A restart after 0, 1, 2, … 6 steps of the work this batch brought, a slice of a job each.
      for (let taken = 0; taken < restarts % 7 && (await scheduler.step()); taken += 1);
      await scheduler.writesSettled();
      const saved = await savedHeadOf(db);
      scheduler.stop();
      ({ scheduler } = schedulerOn(db, true));
      restarts += 1;
      await scheduler.step();
      expect(scheduler.rebuilds, `restart ${restarts}`).toBe(saved ? 0 : 1);
      if (saved) restored += 1;
    }
    expect(restored).toBeGreaterThan(batches.length / 2);
    await scheduler.runUntilIdle();
    await expectIndexOfLibrary(db, scheduler.currentIndex);
  });

  it('answers a search that arrives between the slices of a job, from the papers indexed so far', async () => {
    const db = openDatabase();
    const { scheduler, replies } = schedulerOn(db, true);
    const [first, ...others] = batches;
    await ingest(db, scheduler, first!);
    await scheduler.runUntilIdle();
    const before = await searchNow(scheduler, replies, 'model', 1);
    for (const batch of others) await ingest(db, scheduler, batch);
    await scheduler.step(); // the job opens
    await scheduler.step(); // its first slice
    expect(await searchNow(scheduler, replies, 'model', 2)).toEqual(before);
    await scheduler.runUntilIdle();
    expect((await searchNow(scheduler, replies, 'model', 3)).length).toBeGreaterThan(before.length);
    await expectIndexOfLibrary(db, scheduler.currentIndex);
    expect(replies.findLast((reply) => reply.type === 'progress')).toMatchObject({ ready: true });
  });

  it('answers a search typed while a saved segment is still being read, from the segments already in', async () => {
    // The second segment to restore is held, as IndexedDB takes a while over a large one.
    const { db, scheduler, replies, release } = await restartHoldingReads((head) => {
      expect(head.segments.length).toBeGreaterThan(1);
      const heldKey = segmentKey(restoreOrder(head)[1]!);
      return (key) => key === heldKey;
    });
    for (let steps = 0; scheduler.currentIndex.size === 0 && steps < 100; steps += 1) await scheduler.step();
    const firstSegment = scheduler.currentIndex.size;
    expect(firstSegment).toBeGreaterThan(0);
    // The next step waits on the held read, up to the end of its slice.
    await scheduler.step();
    expect(await searchNow(scheduler, replies, 'model', 1)).toEqual(new PaperIndex(scheduler.currentIndex.store).search('model'));
    expect(scheduler.currentIndex.size).toBe(firstSegment);
    release();
    await scheduler.runUntilIdle();
    expect(scheduler.rebuilds).toBe(0);
    await expectIndexOfLibrary(db, scheduler.currentIndex);
  });

  it('answers a title typed at start from the first segment restored, before the whole dictionary is read', async () => {
    // The dictionary's chunks are held, as IndexedDB takes a while over 230,000 terms.
    const { db, scheduler, replies, release } = await restartHoldingReads(() => (key) => String(key).startsWith('terms:'));
    for (let steps = 0; scheduler.currentIndex.size === 0 && steps < 100; steps += 1) await scheduler.step();
    const [segment] = scheduler.currentIndex.store.segments;
    expect(segment?.postings.termText).toBeDefined();
    expect(scheduler.currentIndex.store.dictionary.treeComplete).toBe(false);
    const title = segment!.docs.titleTerms.at(-1)!;
    const found = await searchNow(scheduler, replies, title, 1);
    expect(found).toContain(segment!.docs.paperIds.at(-1));
    expect(found).toEqual(new PaperIndex(scheduler.currentIndex.store).search(title));
    expect(scheduler.currentIndex.store.segments).toHaveLength(1);
    release();
    await scheduler.runUntilIdle();
    expect(scheduler.rebuilds).toBe(0);
    await expectIndexOfLibrary(db, scheduler.currentIndex);
  });

  it('answers the last query again each time the index changes, as it restores and as papers arrive, until the box is emptied', async () => {
    const db = openDatabase();
    const held = batches.slice(-2);
    const first = schedulerOn(db).scheduler;
    for (const batch of batches.slice(0, -2)) await ingest(db, first, batch);
    await first.runUntilIdle();
    const answersTo = (replies: SearchReply[], seq: number) => replies.flatMap((reply) => (reply.type === 'results' && reply.seq === seq ? [reply.ids] : []));
    const expectedFor = async (query: string) => (await indexOfLibrary(db)).query(parseQuery(query)).ids;

    const { scheduler, replies } = schedulerOn(db, true);
    scheduler.receive({ type: 'search', seq: 1, query: 'model' });
    await scheduler.runUntilIdle();
    const whileRestoring = answersTo(replies, 1);
    // The first answer comes before any segment is in; one more follows each segment restored.
    expect(whileRestoring[0]).toEqual([]);
    expect(whileRestoring.length).toBeGreaterThan(first.currentIndex.store.segments.length);
    expect(whileRestoring.at(-1)).toEqual(await expectedFor('model'));
    expect(scheduler.rebuilds).toBe(0);

    await ingest(db, scheduler, held[0]!);
    await scheduler.runUntilIdle();
    expect(answersTo(replies, 1).length).toBeGreaterThan(whileRestoring.length);
    expect(answersTo(replies, 1).at(-1)).toEqual(await expectedFor('model'));

    scheduler.receive({ type: 'search', seq: 2, query: '  ' });
    const answered = replies.length;
    await ingest(db, scheduler, held[1]!);
    await scheduler.runUntilIdle();
    expect(replies.slice(answered).filter((reply) => reply.type === 'results')).toEqual([]);
  });

  it('stops checking a phrase once the box is emptied, answering nothing more', async () => {
    const db = openDatabase();
    const { scheduler, replies } = schedulerOn(db);
    for (const batch of batches) await ingest(db, scheduler, batch);
    await scheduler.runUntilIdle();
    scheduler.receive({ type: 'search', seq: 7, query: '"language model"' });
    const checking = scheduler.step();
    scheduler.receive({ type: 'search', seq: 8, query: '' });
    await checking;
    await scheduler.runUntilIdle();
    expect(replies.filter((reply) => reply.type === 'results' && reply.seq === 7)).toEqual([]);
  });

  it('drops papers merged away, and keeps them out after a restart', async () => {
    const db = openDatabase();
    const { scheduler } = schedulerOn(db);
    for (const batch of batches) await ingest(db, scheduler, batch);
    await scheduler.runUntilIdle();
    const gone = [...scheduler.currentIndex.ids()].slice(0, 10);
    await dropPapers(db, gone);
    scheduler.receive({ type: 'index', papers: [], removed: gone });
    await scheduler.runUntilIdle();
    for (const id of gone) expect(scheduler.currentIndex.has(id)).toBe(false);
    const restarted = schedulerOn(db).scheduler;
    await restarted.runUntilIdle();
    expect(restarted.rebuilds).toBe(0);
    await expectIndexOfLibrary(db, restarted.currentIndex);
  });

  it('rebuilds from the library when no index of this configuration is saved, and merges its segments as it goes', async () => {
    const db = openDatabase();
    const { scheduler } = schedulerOn(db);
    for (const batch of batches) await ingest(db, scheduler, batch);
    await scheduler.runUntilIdle();
    const segments = scheduler.currentIndex.store.segments.length;
    expect(segments).toBeLessThan(batches.length);
    await savedIndexOf(db).savedIndex.clear();
    const rebuilt = schedulerOn(db).scheduler;
    await rebuilt.runUntilIdle();
    expect(rebuilt.rebuilds).toBe(1);
    await expectIndexOfLibrary(db, rebuilt.currentIndex);
  });

  it("rebuilds the latest batch's papers into a segment of their own, the one a restart reads first", async () => {
    const db = openDatabase();
    let latest: string[] = [];
    for (const batch of batches) latest = (await storeBatch(db, batch)).written.map((paper) => paper.id);
    const { scheduler } = schedulerOn(db);
    await scheduler.runUntilIdle();
    expect(scheduler.rebuilds).toBe(1);
    const head = (await savedHeadOf(db))!;
    expect(head.segments.length).toBeGreaterThan(1);
    const first = await readSavedSegment(savedIndexOf(db), segmentKey(restoreOrder(head)[0]!));
    expect(first.paperIds.toSorted()).toEqual(latest.toSorted());
  });
});
