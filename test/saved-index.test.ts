import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { indexFingerprint } from '../renderer/search/index-fingerprint';
import { restoreJob } from '../renderer/search/index-restore';
import { IndexSaver } from '../renderer/search/index-saver';
import { readSavedHead } from '../renderer/search/index-store';
import { STOP_WORDS } from '../renderer/search/index-terms';
import { segmentsToMerge } from '../renderer/search/merge-policy';
import { PaperIndex } from '../renderer/search/paper-index';
import { PostingStore } from '../renderer/search/posting-store';
import { newestDay, restoreOrder, type SavedHead } from '../renderer/search/saved-index';
import { Segment } from '../renderer/search/segment';
import { sortedTerms } from '../renderer/search/term-dictionary';
import { finishInSlices, fixturePapers } from './index-test-helpers';
import { searchIndexOpener } from './sample-library';

const papers = fixturePapers();
const openDatabase = searchIndexOpener('saved-index');
const QUERIES = ['language model', 'diffusion', 'learned rep', 'transfromer', 'graph neural', 'cat:cs.CL reasoning', 'author:wang'];
const answers = (index: PaperIndex) => QUERIES.map((query) => index.search(query));

async function restored(db: ReturnType<typeof openDatabase>, fingerprint = 'test'): Promise<{ index: PaperIndex; head: SavedHead; steps: number }> {
  const head = (await readSavedHead(db, fingerprint))!;
  const store = new PostingStore();
  const job = restoreJob(db, head, store);
  let steps = 1;
  while (!(await job.step(Number.NEGATIVE_INFINITY))) steps += 1;
  expect(store.dictionary.treeComplete).toBe(false);
  store.dictionary.buildTree(Infinity);
  return { index: new PaperIndex(store), head, steps };
}

function upsertInBatches(index: PaperIndex, all: typeof papers, size: number): void {
  for (let start = 0; start < all.length; start += size) finishInSlices(index.upsertJob(all.slice(start, start + size)));
}

describe('the saved index', () => {
  it('is saved segment by segment as it grows, and each save restores to the index as it was', async () => {
    const db = openDatabase();
    const index = new PaperIndex();
    const saver = new IndexSaver(db, 'test');
    for (let start = 0, generation = 1; start < papers.length; start += 50, generation += 1) {
      finishInSlices(index.upsertJob(papers.slice(start, start + 50)));
      expect(await saver.save(index.store, generation)).toBe(true);
      const { index: copy, head } = await restored(db);
      expect(head.generation).toBe(generation);
      expect(copy.size).toBe(index.size);
      expect(answers(copy)).toEqual(answers(index));
    }
    // Only what is new is written: the records are the segments, the term chunks and the head.
    expect(await db.savedIndex.count()).toBe(index.store.segments.length + (await readSavedHead(db, 'test'))!.termChunks.length + 1);
  });

  it('keeps replaced and removed papers out after a restore, and drops merged segments from the saved records', async () => {
    const db = openDatabase();
    const index = new PaperIndex();
    const saver = new IndexSaver(db, 'test');
    upsertInBatches(index, papers, 40);
    await saver.save(index.store, 1);
    index.remove(papers.slice(0, 30).map((paper) => paper.id));
    finishInSlices(index.upsertJob(papers.slice(30, 60).map((paper) => ({ ...paper, title: `${paper.title} okapi` }))));
    await saver.save(index.store, 2);
    let copy = (await restored(db)).index;
    expect(copy.size).toBe(papers.length - 30);
    expect(copy.search('okapi')).toHaveLength(30);
    expect(answers(copy)).toEqual(answers(index));

    const { store } = index;
    finishInSlices(store.mergeJob([...store.segments]));
    await saver.save(store, 3);
    const keys = (await db.savedIndex.toCollection().primaryKeys()) as string[];
    expect(keys.filter((key) => key.startsWith('segment:'))).toEqual([`segment:${store.segments[0]!.serial}`]);
    copy = (await restored(db)).index;
    expect(copy.store.segments).toHaveLength(1);
    expect(answers(copy)).toEqual(answers(index));
  });

  it('restores first the segment holding the latest papers, whatever its serial, while the rest are read', async () => {
    const db = openDatabase();
    const index = new PaperIndex();
    const byDate = [...papers].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
    // The latest papers arrive first, so their segment has the lowest serial: a merge does the same to old papers.
    upsertInBatches(index, [...byDate.slice(-100), ...byDate.slice(0, -100)], 100);
    await new IndexSaver(db, 'test').save(index.store, 1);
    const head = (await readSavedHead(db, 'test'))!;
    const latest = index.store.segments.reduce((best, segment) => (newestDay(segment) > newestDay(best) ? segment : best));
    expect(latest.serial).toBe(index.store.segments[0]!.serial);
    expect(restoreOrder(head)[0]).toBe(latest.serial);

    const store = new PostingStore();
    const job = restoreJob(db, head, store);
    while (store.segments.length === 0) await job.step(Number.NEGATIVE_INFINITY);
    expect(store.segments.map((segment) => segment.serial)).toEqual([latest.serial]);
    const partial = new PaperIndex(store);
    expect(partial.has(byDate.at(-1)!.id)).toBe(true);
    expect(partial.size).toBe(latest.liveCount);

    // A head saved before the days were kept: the newest serial first.
    const { newestDays: _newestDays, ...older } = head;
    expect(restoreOrder(older)).toEqual([...head.segments].reverse());
  });

  it('restores the latest arrivals first, then the latest listing day, and keeps arrivals through merges and saves', async () => {
    const db = openDatabase();
    const index = new PaperIndex();
    const byDate = [...papers].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
    // The latest day's papers arrived first; the file dropped last lists old papers.
    const arrivals = [byDate.slice(-100), byDate.slice(0, 100), byDate.slice(100, 200), byDate.slice(200, 300)];
    arrivals.forEach((batch, position) => finishInSlices(index.upsertJob(batch, position + 1)));
    const [latestDay, second, third, lastDropped] = index.store.segments;
    finishInSlices(index.store.mergeJob([second!, third!]));
    expect(index.store.segments.map((segment) => segment.newestArrival)).toEqual([1, 4, 3]);
    await new IndexSaver(db, 'test').save(index.store, 4);
    const head = (await readSavedHead(db, 'test'))!;
    expect(restoreOrder(head).slice(0, 2)).toEqual([lastDropped!.serial, latestDay!.serial]);

    const store = new PostingStore();
    const job = restoreJob(db, head, store);
    while (store.segments.length === 0) await job.step(Number.NEGATIVE_INFINITY);
    expect(new PaperIndex(store).has(arrivals[3]![0]!.id)).toBe(true);
    while (!(await job.step(Number.NEGATIVE_INFINITY)));
    expect(store.segments.map((segment) => [segment.serial, segment.newestArrival])).toEqual([[lastDropped!.serial, 4], [latestDay!.serial, 1], [index.store.segments[2]!.serial, 3]]);
  });

  it('is saved whole by a worker that finds another tab\'s save since its own, so a restore never mixes the two', async () => {
    const db = openDatabase();
    const first = new PaperIndex();
    upsertInBatches(first, papers.slice(0, 60), 20);
    const firstSaver = new IndexSaver(db, 'test');
    await firstSaver.save(first.store, 1);
    // A second tab restores that index and grows it on its own, while the first tab's worker saves again.
    const { index: second, head } = await restored(db);
    const secondSaver = new IndexSaver(db, 'test', head);
    upsertInBatches(first, papers.slice(60, 100), 10);
    await firstSaver.save(first.store, 2);
    upsertInBatches(second, papers.slice(100, 130), 10);
    await secondSaver.save(second.store, 3);

    const { index: back, head: saved } = await restored(db);
    expect(saved.generation).toBe(3);
    expect(back.size).toBe(second.size);
    expect(answers(back)).toEqual(answers(second));
    // Nothing of the first tab's index is left behind: the table holds the second's head, terms and segments only.
    const keys = (await db.savedIndex.toCollection().primaryKeys()) as string[];
    expect(keys.sort()).toEqual(['head', ...saved.termChunks, ...saved.segments.map((serial) => `segment:${serial}`)].sort());
  });

  it('is not restored by an index of another configuration', async () => {
    const db = openDatabase();
    const index = new PaperIndex();
    index.upsert(papers.slice(0, 20));
    await new IndexSaver(db, indexFingerprint(1)).save(index.store, 1);
    expect(await readSavedHead(db, indexFingerprint(1))).not.toBeNull();
    expect(await readSavedHead(db, 'another')).toBeNull();
  });

  it('rewrites the term dictionary in one record once it has gathered many chunks', async () => {
    const db = openDatabase();
    const index = new PaperIndex();
    const saver = new IndexSaver(db, 'test');
    for (let start = 0; start < papers.length; start += 5) {
      finishInSlices(index.upsertJob(papers.slice(start, start + 5)));
      await saver.save(index.store, start + 1);
      const { termChunks } = (await readSavedHead(db, 'test'))!;
      expect(termChunks.length).toBeLessThanOrEqual(33);
    }
    expect(answers((await restored(db)).index)).toEqual(answers(index));
  });
});

describe('the index fingerprint', () => {
  it('is the same for the same configuration, and changes with the stop list', () => {
    const fingerprint = indexFingerprint(1);
    expect(indexFingerprint(1)).toBe(fingerprint);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/u);
    STOP_WORDS.add('classifier');
    try {
      expect(indexFingerprint(1)).not.toBe(fingerprint);
    } finally {
      STOP_WORDS.delete('classifier');
    }
  });
});

describe('the merge policy', () => {
  const segmentOf = (serial: number, size: number, { dead = 0, arrival = 0, day = 0 } = {}) => {
    const segment = new Segment(
      serial,
      { paperIds: Array.from({ length: size }, (_unused, document) => `${serial}/${document}`), titleTerms: [], arxivIds: [], days: new Uint16Array(size).fill(day), fieldLengths: new Uint16Array(size * 4) },
      { terms: new Int32Array(0), runStarts: new Uint32Array(1), documents: new Uint16Array(0), frequencies: new Uint8Array(0) },
      arrival,
    );
    for (let document = 0; document < dead; document += 1) segment.kill(document);
    return segment;
  };
  /** The segment of the latest arrivals and listing day, which merges leave alone. */
  const latest = () => segmentOf(99, 10, { arrival: 9, day: 9 });

  it('merges segments of a size once eight have gathered, smallest first, never past a segment’s capacity', () => {
    const seven = Array.from({ length: 7 }, (_unused, serial) => segmentOf(serial, 100));
    expect(segmentsToMerge([...seven, latest()])).toBeNull();
    const eight = [...seven, segmentOf(7, 90), latest()];
    expect(segmentsToMerge(eight)?.map((segment) => segment.serial)).toEqual([7, 0, 1, 2, 3, 4, 5, 6]);
    const large = Array.from({ length: 8 }, (_unused, serial) => segmentOf(serial, 40_000));
    expect(segmentsToMerge([...large, latest()])).toBeNull();
    const big = Array.from({ length: 8 }, (_unused, serial) => segmentOf(serial, 20_000));
    expect(segmentsToMerge([...big, latest()])?.map((segment) => segment.serial)).toEqual([0, 1, 2]);
  });

  it('leaves the segments of the latest arrivals and of the latest listing day out of merges, until newer ones come', () => {
    const older = Array.from({ length: 7 }, (_unused, serial) => segmentOf(serial, 100, { arrival: serial + 1, day: 100 }));
    const latestArrival = segmentOf(7, 100, { arrival: 50, day: 100 });
    const latestDay = segmentOf(8, 100, { arrival: 2, day: 200 });
    expect(segmentsToMerge([...older, latestArrival, latestDay])).toBeNull();
    const newer = segmentOf(9, 100, { arrival: 60, day: 150 });
    expect(segmentsToMerge([...older, latestArrival, latestDay, newer])?.map((segment) => segment.serial)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('rewrites a segment on its own once a fifth of it is dead', () => {
    expect(segmentsToMerge([segmentOf(1, 100, { dead: 20 })])).toBeNull();
    expect(segmentsToMerge([segmentOf(1, 100, { dead: 21 })])?.map((segment) => segment.serial)).toEqual([1]);
  });

  it('keeps an index built a paper at a time to a few segments', () => {
    const store = new PostingStore();
    for (const paper of papers) {
      finishInSlices(new PaperIndex(store).upsertJob([paper]));
      for (let merging = segmentsToMerge(store.segments); merging; merging = segmentsToMerge(store.segments)) finishInSlices(store.mergeJob(merging));
    }
    expect(store.documentCount).toBe(papers.length);
    expect(store.segments.length).toBeLessThanOrEqual(3 * 7 + 2);
  });
});

describe('a restored dictionary', () => {
  it('finds exact terms at once, and prefixes and typos once its tree is built in slices', () => {
    const index = new PaperIndex();
    index.upsert(papers);
    const saved = index.store.dictionary.allTerms();
    const terms = saved.terms;
    expect([...terms]).toEqual([...terms].sort());
    const store = new PostingStore();
    store.dictionary.restore([saved]);
    for (const segment of index.store.segments) store.restore(new Segment(segment.serial, segment.docs, segment.postings), index.store.serialLimit);
    const restored = new PaperIndex(store);
    expect(restored.search('language model ')).toEqual(index.search('language model '));
    expect(restored.search('transfromer')).not.toEqual(index.search('transfromer'));
    let slices = 0;
    while (!store.dictionary.buildTree(Number.NEGATIVE_INFINITY)) {
      slices += 1;
      store.dictionary.numberFor(`zzz${slices}`);
    }
    expect(slices).toBeGreaterThan(5);
    expect(store.dictionary.treeComplete).toBe(true);
    expect(store.dictionary.numberOf(`zzz${slices}`)).toBe(terms.length + slices - 1);
    expect(answers(restored)).toEqual(answers(index));
  });
});

describe('sorted terms', () => {
  it('sorts terms with their numbers in code-unit order, prefixes first, whatever characters they hold', () => {
    const pairs: [string, number][] = [['abc', 0], ['ab', 1], ['b', 2], ['a\u0001z', 3], ['a', 4], ['ä', 5], ['cs.cl', 6]];
    const { terms, numbers } = sortedTerms(pairs);
    expect(terms).toEqual(pairs.map(([term]) => term).sort());
    expect([...numbers]).toEqual(terms.map((term) => pairs.find(([each]) => each === term)![1]));
  });
});
