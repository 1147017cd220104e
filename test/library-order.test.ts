import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IngestBatch } from '../shared/paper';
import { PaperdropDatabase } from '../renderer/db/database';
import { orderOf, readNewestFirst, withStoredChange, type NewestFirst } from '../renderer/db/newest-first';
import { packOrder, type LoggedOrder } from '../renderer/db/order-record';
import { categoryList, fileList } from '../renderer/db/paper-lists';
import { storeBatch } from '../renderer/db/library-writer';
import { followChanges, StoredChanges } from '../renderer/sync/stored-changes';
import { followLists } from './followed-lists';
import { parseText } from './parse-file';
import { databaseOpener, OVERLAPPING_BATCHES as BATCHES } from './sample-library';
import { allPapers, idsBySortKeyDescending } from './stored-papers';

/** Every source file and category the batches name. */
const LISTS = [...new Set(BATCHES.flatMap((batch) => [fileList(batch.file), ...batch.papers.flatMap((paper) => paper.categories.map(categoryList))]))];

const openDatabase = databaseOpener('library-order');

/** Resolves when `release` is called: lets a test hold a read open while batches are stored. */
function gate(): { opened: Promise<void>; release: () => void } {
  let release!: () => void;
  return { opened: new Promise((resolve) => (release = resolve)), release };
}

describe('the newest-first order and the papers of each source and category, kept from stored batches', () => {
  it('match what the database holds after every batch, in any order of files (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(BATCHES, { minLength: BATCHES.length }), async (shuffled) => {
        const db = openDatabase();
        let order = await readNewestFirst(db);
        const lists = await followLists(db, LISTS);
        for (const batch of shuffled) {
          const change = await storeBatch(db, batch);
          order = withStoredChange(order, change);
          expect(order).toEqual(await readNewestFirst(db));
          expect(order.ids).toEqual(await idsBySortKeyDescending(db));
          await lists.apply(change);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('follows batches stored while it reads, whether the read saw them or not', async () => {
    for (const readSeesBatch of [false, true]) {
      const db = openDatabase();
      await storeBatch(db, BATCHES[0]!);
      const changes = new StoredChanges();
      const held = gate();
      const shown = valuesShown<NewestFirst>();
      const read = async () => {
        if (readSeesBatch) await held.opened;
        const order = await readNewestFirst(db);
        if (!readSeesBatch) await held.opened;
        return order;
      };
      const stop = followChanges(changes, read, withStoredChange, shown.push);
      changes.publish(await storeBatch(db, BATCHES[2]!));
      expect(shown.values).toEqual([]);
      held.release();
      await shown.count(2);
      changes.publish(await storeBatch(db, BATCHES[4]!));
      await shown.count(3);
      expect(shown.values.at(-1)).toEqual(await readNewestFirst(db));
      stop();
    }
  });
});

describe('the order log', () => {
  const dump = (day: number) => parseText(`new\n\nMar ${1 + (day % 28)}\n\nPaper number ${day} of a long run\n\nIts abstract.`, `dump-${day}.txt`);

  it('is folded into one record by the batch that makes it too long, and reads the same before and after', async () => {
    const db = openDatabase();
    const counts: number[] = [];
    for (let day = 1; day <= 70; day += 1) {
      await storeBatch(db, dump(day));
      counts.push(await db.orderLog.count());
      expect((await readNewestFirst(db)).ids).toEqual(await idsBySortKeyDescending(db));
    }
    expect(new Set((await allPapers(db)).map((paper) => paper.sortKey)).size).toBe(28);
    expect(Math.max(...counts)).toBe(64);
    expect(counts.slice(63, 70)).toEqual([64, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps papers merged away gone when it is folded while two tabs read it', async () => {
    const db = openDatabase();
    const otherTab = new PaperdropDatabase(db.name);
    for (let day = 1; day <= 63; day += 1) await storeBatch(db, dump(day));
    await storeBatch(db, sharingDoi('arxiv:2401.00002', 'first.json'));
    const [, folding, , second] = await Promise.all([
      readNewestFirst(db),
      storeBatch(db, BATCHES[0]!),
      readNewestFirst(otherTab),
      // The same DOI under a smaller arXiv id: one paper under that id, the stored one folded into it.
      storeBatch(db, sharingDoi('arxiv:2401.00001', 'second.json')),
      readNewestFirst(otherTab),
    ]);
    expect([folding.removed, second.removed]).toEqual([[], ['arxiv:2401.00002']]);
    expect(await db.orderLog.count()).toBe(2);
    const stored = await idsBySortKeyDescending(db);
    expect(stored).not.toContain('arxiv:2401.00002');
    expect((await readNewestFirst(otherTab)).ids).toEqual(stored);
    otherTab.close();
  });
});

describe('the order the log adds up to', () => {
  const DAYS = ['2026-01-02', '2026-01-03', '2026-02-01'];
  const record = fc
    .record({
      written: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(...DAYS)), { selector: ([paper]) => paper, maxLength: 12 }),
      removed: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
    })
    .map(({ written, removed }): LoggedOrder => ({
      ids: written.map(([paper]) => `arxiv:2601.${String(paper).padStart(5, '0')}`),
      sortKeys: written.map(([, day]) => day),
      removed: removed.map((paper) => `arxiv:2601.${String(paper).padStart(5, '0')}`),
    }));
  const logOf = (records: LoggedOrder[]) => records.map((each, position) => packOrder(position + 1, each));

  /** Each paper as the last record naming it left it, sorted whole: what any log must add up to. */
  function expectedOrder(records: readonly LoggedOrder[]): NewestFirst {
    const latest = new Map<string, string | null>();
    for (const { ids, sortKeys, removed } of records) {
      ids.forEach((id, position) => latest.set(id, sortKeys[position]!));
      for (const id of removed) latest.set(id, null);
    }
    const listed = [...latest].filter((entry): entry is [string, string] => entry[1] !== null);
    listed.sort(([idA, dayA], [idB, dayB]) => (dayA !== dayB ? (dayA > dayB ? -1 : 1) : idA > idB ? -1 : 1));
    return { ids: listed.map(([id]) => id), sortKeys: listed.map(([, day]) => day) };
  }

  it('is the same whether the log starts with a folded record or not (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.array(record, { maxLength: 8 }), (before, after) => {
        const expected = expectedOrder([...before, ...after]);
        expect(orderOf(logOf([...before, ...after]))).toEqual(expected);
        // The fold writes the order so far as one record, newest first, and the later records follow it.
        const folded = packOrder(0, { ...orderOf(logOf(before)), removed: [] });
        expect(orderOf([folded, ...logOf(after)])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

/** A batch of one paper with the DOI every such batch shares, made from a real parsed paper. */
function sharingDoi(id: string, file: string): IngestBatch {
  const base = BATCHES[0]!;
  const paper = { ...base.papers[0]!, id, arxivId: id.replace('arxiv:', ''), doi: '10.1000/shared', title: `Paper ${id}` };
  return { ...base, file, hash: file, papers: [{ ...paper, listings: [{ ...paper.listings[0]!, file, hash: file }] }] };
}

/** The values a follower shows, and a promise for when it has shown so many. */
function valuesShown<T>() {
  const values: T[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  return {
    values,
    push: (value: T) => {
      values.push(value);
      for (const wait of waiting.filter(({ count }) => values.length >= count)) wait.resolve();
    },
    count: (count: number) => new Promise<void>((resolve) => (values.length >= count ? resolve() : waiting.push({ count, resolve }))),
  };
}
