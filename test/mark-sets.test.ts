import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaperdropDatabase } from '../renderer/db/database';
import { MarkHistory } from '../renderer/db/mark-history';
import { restoreMarks, setMarks } from '../renderer/db/mark-writer';
import { storeBatch } from '../renderer/db/library-writer';
import { MarkSets } from '../renderer/sync/mark-sets';
import { StoredChanges } from '../renderer/sync/stored-changes';
import { parseFile } from './parse-file';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';

const opened: { db: PaperdropDatabase; markSets: MarkSets }[] = [];
afterEach(async () => {
  for (const { db, markSets } of opened.splice(0)) {
    markSets.close();
    db.close();
  }
});

/** A window onto a library: its database connection, its marks in memory, and its mark writer. */
function openWindow(name: string) {
  const db = new PaperdropDatabase(name);
  const changes = new StoredChanges();
  const markSets = new MarkSets(db, changes);
  opened.push({ db, markSets });
  return { db, changes, markSets, history: new MarkHistory(db, markSets) };
}

/** What the database holds, to hold the sets against. */
async function stored(db: PaperdropDatabase) {
  const rows = await db.states.toArray();
  return { read: rows.filter((row) => row.read).map((row) => row.paperId).sort(), starred: rows.filter((row) => row.starred).map((row) => row.paperId).sort() };
}
const held = (markSets: MarkSets) => ({ read: [...markSets.get()!.read].sort(), starred: [...markSets.get()!.starred].sort() });

describe('the marks held in memory', () => {
  it('follow this window’s writes, toggles and undo included, without reading every mark again', async () => {
    const name = `mark-sets-${Math.random()}`;
    const { db, markSets, history } = openWindow(name);
    const { written } = await storeBatch(db, parseFile(SEEDS_DIR + SEED_FILES[0]));
    await setMarks(db, [written[0]!.id], 'starred', true);
    await markSets.reload();
    expect(held(markSets)).toEqual(await stored(db));

    const readAll = vi.spyOn(db.states, 'where');
    await history.set(written.slice(0, 10).map((paper) => paper.id), 'read', true);
    await history.set([written[1]!.id], 'starred', 'toggle');
    await history.set([written[0]!.id], 'starred', 'toggle');
    expect(held(markSets)).toEqual(await stored(db));
    await history.undo();
    expect(held(markSets)).toEqual(await stored(db));
    expect(markSets.get()!.starred.has(written[0]!.id)).toBe(true);
    expect(readAll).not.toHaveBeenCalled();
  });

  it('show an expected change in the same moment, and no read made before its write takes it back', async () => {
    const { db, markSets, history } = openWindow(`mark-sets-${Math.random()}`);
    const { written } = await storeBatch(db, parseFile(SEEDS_DIR + SEED_FILES[0]));
    await markSets.reload();
    const id = written[0]!.id;
    const pressed = history.set([id], 'starred', 'toggle');
    expect(markSets.get()!.starred.has(id)).toBe(true);
    await markSets.reload();
    expect(markSets.get()!.starred.has(id)).toBe(true);
    await pressed;
    expect(held(markSets)).toEqual(await stored(db));
    expect(markSets.get()!.starred.has(id)).toBe(true);
  });

  it('follow a stored batch that merges a marked paper into another', async () => {
    const { db, changes, markSets, history } = openWindow(`mark-sets-${Math.random()}`);
    const first = await storeBatch(db, parseFile(SEEDS_DIR + SEED_FILES[0]));
    changes.publish(first);
    await history.set(first.written.map((paper) => paper.id), 'read', true);
    const second = await storeBatch(db, parseFile(SEEDS_DIR + SEED_FILES[1]));
    expect(second.written.length).toBeGreaterThan(0);
    changes.publish(second);
    await markSets.changed([]);
    expect(held(markSets)).toEqual(await stored(db));
  });

  it('read the marks a stored batch landed, and no marks of the papers it only added', async () => {
    const { db, changes, markSets } = openWindow(`mark-sets-${Math.random()}`);
    const batch = parseFile(SEEDS_DIR + SEED_FILES[0]);
    const waiting = batch.papers[0]!.id;
    const mark = { paperId: waiting, read: 0, readAt: null, starred: 1, starredAt: '2026-03-12T00:00:00.000Z' } as const;
    expect(await restoreMarks(db, [mark])).toMatchObject({ pending: 1 });
    const change = await storeBatch(db, batch);
    expect(change.remarked).toEqual([waiting]);
    const reads = vi.spyOn(db.states, 'bulkGet');
    changes.publish(change);
    await markSets.changed([]);
    expect(markSets.get()!.starred.has(waiting)).toBe(true);
    expect(held(markSets)).toEqual(await stored(db));
    expect(reads.mock.calls.flatMap(([ids]) => ids)).toEqual([waiting]);
  });

  it('publish nothing for a stored batch that changes no mark, so that the views counting marks are not redone after every file', async () => {
    const { db, changes, markSets } = openWindow(`mark-sets-${Math.random()}`);
    await markSets.changed([]);
    const before = markSets.get();
    let published = 0;
    markSets.subscribe(() => (published += 1));
    const change = await storeBatch(db, parseFile(SEEDS_DIR + SEED_FILES[0]));
    expect([...change.remarked, ...change.removed]).toEqual([]);
    changes.publish(change);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(published).toBe(0);
    expect(markSets.get()).toBe(before);
  });

  it('hear of another window’s changes over the BroadcastChannel', async () => {
    const name = `mark-sets-${Math.random()}`;
    const one = openWindow(name);
    const { written } = await storeBatch(one.db, parseFile(SEEDS_DIR + SEED_FILES[0]));
    const other = openWindow(name);
    await other.markSets.changed([]);
    await one.history.set([written[2]!.id], 'starred', true);
    await vi.waitFor(() => expect(other.markSets.get()!.starred.has(written[2]!.id)).toBe(true));
    await one.markSets.reload();
    await vi.waitFor(async () => expect(held(other.markSets)).toEqual(await stored(other.db)));
  });
});
