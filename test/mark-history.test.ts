import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperdropDatabase } from '../renderer/db/database';
import { MarkHistory } from '../renderer/db/mark-history';
import { storeBatch } from '../renderer/db/library-writer';
import { parseFile } from './parse-file';
import { SAMPLES_DIR, SEED_FILES, SEEDS_DIR } from './shared-paths';
import { allPapers } from './stored-papers';

let db: PaperdropDatabase | null = null;
afterEach(async () => {
  await db?.delete();
});

async function library(): Promise<{ history: MarkHistory; ids: string[] }> {
  db = new PaperdropDatabase(`history-${Math.random()}`);
  const { written } = await storeBatch(db, parseFile(SEEDS_DIR + SEED_FILES[0]));
  return { history: new MarkHistory(db), ids: written.map((paper) => paper.id) };
}

describe('marks for papers merged away', () => {
  it('go to the paper that answers to the id now, and never make a row for a paper the library lacks', async () => {
    const { history } = await library();
    await storeBatch(db!, parseFile(`${SAMPLES_DIR}arxiv-rss2-2024.xml`));
    // A paper known by an id of its own and another key: a listing of it under that key merged into it.
    const holder = (await allPapers(db!)).find((paper) => paper.keys.length > 0)!;
    await history.set([holder.keys[0]!, 'title:no such paper'], 'starred', true);
    expect(await db!.states.toArray()).toMatchObject([{ paperId: holder.id, starred: 1 }]);
  });
});

describe('undoing marks', () => {
  it('takes back the last real change: setting a mark it already has is no step', async () => {
    const { history, ids } = await library();
    await history.set([ids[0]!], 'starred', true);
    await history.set([ids[1]!], 'read', true);
    await history.set([ids[1]!], 'read', true);
    expect(await history.undo()).toBe(1);
    expect((await db!.states.get(ids[1]!))).toBeUndefined();
    expect((await db!.states.get(ids[0]!))?.starred).toBe(1);
    expect(await history.undo()).toBe(1);
    expect(history.canUndo).toBe(false);
  });

  it('forgets every step when cleared, as after a restore', async () => {
    const { history, ids } = await library();
    await history.set(ids.slice(0, 3), 'read', true);
    history.clear();
    expect(await history.undo()).toBe(0);
    expect(await db!.states.where('read').equals(1).count()).toBe(3);
  });
});

describe('toggling a mark', () => {
  it('flips what the database holds when it is written, so two presses in a row star and unstar, each undoable', async () => {
    const { history, ids } = await library();
    // Not awaited one by one: the second press comes before the window has seen the first one's write.
    await Promise.all([history.set([ids[0]!], 'starred', 'toggle'), history.set([ids[0]!], 'starred', 'toggle')]);
    expect((await db!.states.get(ids[0]!))?.starred).toBe(0);
    await history.set([ids[0]!], 'starred', 'toggle');
    expect((await db!.states.get(ids[0]!))?.starred).toBe(1);
    expect(await history.undo()).toBe(1);
    expect((await db!.states.get(ids[0]!))?.starred).toBe(0);
    expect(await history.undo()).toBe(1);
    expect((await db!.states.get(ids[0]!))?.starred).toBe(1);
  });
});
