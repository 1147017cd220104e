import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperdropDatabase } from '../renderer/db/database';
import { toPaperRecord } from '../renderer/db/paper-record';
import type { PaperState } from '../renderer/db/records';
import { digestOf } from '../renderer/db/key-digest';
import { eitherMarks } from '../renderer/db/mark-merge';
import { MarkHistory } from '../renderer/db/mark-history';
import { storeBatch } from '../renderer/db/library-writer';
import { parseFile } from './parse-file';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';
import { paperCount } from './stored-papers';
import { readPapers } from '../renderer/db/paper-pages';

const opened: PaperdropDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0).reverse()) await db.delete();
});

function openDatabase(name: string): PaperdropDatabase {
  const db = new PaperdropDatabase(name);
  opened.push(db);
  return db;
}

const SEEDS = [parseFile(SEEDS_DIR + SEED_FILES[0]), parseFile(SEEDS_DIR + SEED_FILES[1])];
const TOME = 'title:token merging for training free semantic binding in text to image synthesis';
const NEXT_X = 'title:beyond next token next x prediction for autoregressive visual generation';
/** A paper of the second seed file only: not in a library that has read the first alone. */
const LATER = SEEDS[1]!.papers.map((paper) => paper.id).find((id) => !SEEDS[0]!.papers.some((paper) => paper.id === id))!;

/** The first seed file, stored as the version-5 release did, with marks as it kept them: one updatedAt a row. */
async function writeVersionFiveLibrary(name: string): Promise<void> {
  const v5 = new Dexie(name);
  v5.version(5).stores({
    papers: 'id, sortKey, *keys, generation',
    states: 'paperId, read, starred',
    sources: 'hash, file, seenAt',
    meta: 'key',
    searchIndex: 'key',
    keyDigests: 'generation',
    lists: '[list+generation]',
    orderLog: 'generation',
  });
  const [batch, generation] = [SEEDS[0]!, 1];
  const records = batch.papers.map((paper) => toPaperRecord(paper, generation));
  await v5.table('papers').bulkPut(records);
  await v5.table('keyDigests').put({ generation, digests: Uint32Array.from(records.flatMap((paper) => [paper.id, ...paper.keys]).map(digestOf)) });
  await v5.table('sources').put({ hash: batch.hash, file: batch.file, format: batch.format, seenAt: batch.seenAt, paperCount: batch.papers.length, errors: [] });
  await v5.table('meta').put({ key: 'generation', value: generation });
  await v5.table('states').bulkPut([
    { paperId: TOME, read: 1, starred: 1, updatedAt: '2026-03-12T00:00:00.000Z' },
    { paperId: NEXT_X, read: 0, starred: 1, updatedAt: '2026-03-13T00:00:00.000Z' },
    // Set as its paper was merged away, or left by an older release: no paper has this id.
    { paperId: LATER, read: 1, starred: 0, updatedAt: '2026-03-14T00:00:00.000Z' },
  ]);
  v5.close();
}

describe('upgrading a library from schema version 5', () => {
  it('keeps every mark, gives each field the time of its row, and keeps marks of absent papers until they arrive', async () => {
    await writeVersionFiveLibrary('upgrade-v5');
    const db = openDatabase('upgrade-v5');
    const upgraded: PaperState[] = [
      { paperId: NEXT_X, read: 0, readAt: '2026-03-13T00:00:00.000Z', starred: 1, starredAt: '2026-03-13T00:00:00.000Z' },
      { paperId: TOME, read: 1, readAt: '2026-03-12T00:00:00.000Z', starred: 1, starredAt: '2026-03-12T00:00:00.000Z' },
    ];
    const waiting: PaperState = { paperId: LATER, read: 1, readAt: '2026-03-14T00:00:00.000Z', starred: 0, starredAt: '2026-03-14T00:00:00.000Z' };
    expect(await db.states.toArray()).toEqual(upgraded);
    expect(await db.pendingMarks.toArray()).toEqual([waiting]);
    // The counts take every read state as a paper in the library.
    expect(await readPapers(db, (await db.states.where('read').equals(1).primaryKeys()) as string[])).not.toContain(undefined);

    await storeBatch(db, SEEDS[0]!);
    expect(await paperCount(db)).toBe(60);
    expect(await db.states.toArray()).toEqual(upgraded);
    await storeBatch(db, SEEDS[1]!);
    expect(await db.states.toArray()).toEqual([...upgraded, waiting].sort((a, b) => (a.paperId < b.paperId ? -1 : 1)));
    expect(await db.pendingMarks.count()).toBe(0);
  });
});

describe('setting marks', () => {
  it('stamps only the mark it sets, and undo puts the rows back exactly', async () => {
    const db = openDatabase('stamps');
    await storeBatch(db, SEEDS[0]!);
    const before: PaperState = { paperId: TOME, read: 1, readAt: '2026-03-12T00:00:00.000Z', starred: 0, starredAt: null };
    await db.states.put(before);
    const history = new MarkHistory(db);
    const start = new Date().toISOString();
    await history.set([TOME, NEXT_X], 'starred', true);

    const [tome, nextX] = await db.states.bulkGet([TOME, NEXT_X]);
    expect(tome).toMatchObject({ read: 1, readAt: before.readAt, starred: 1 });
    expect(nextX).toMatchObject({ read: 0, readAt: null, starred: 1 });
    for (const state of [tome!, nextX!]) expect(state.starredAt! >= start).toBe(true);

    await history.undo();
    expect(await db.states.toArray()).toEqual([before]);
  });
});

describe('two stored papers found to be one', () => {
  it('keep each mark set on either, with the time it was last set', () => {
    const kept: PaperState = { paperId: TOME, read: 1, readAt: '2026-03-01T00:00:00.000Z', starred: 0, starredAt: '2026-03-03T00:00:00.000Z' };
    const absorbed: PaperState = { paperId: NEXT_X, read: 0, readAt: '2026-03-02T00:00:00.000Z', starred: 1, starredAt: '2026-03-02T00:00:00.000Z' };
    const both: PaperState = { paperId: TOME, read: 1, readAt: '2026-03-01T00:00:00.000Z', starred: 1, starredAt: '2026-03-02T00:00:00.000Z' };
    expect(eitherMarks(kept, absorbed)).toEqual(both);
    expect(eitherMarks(kept, { ...absorbed, read: 1 })).toEqual({ ...both, readAt: '2026-03-02T00:00:00.000Z' });
  });
});
