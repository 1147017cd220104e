import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Bridge, EventMap } from '../shared/ipc';
import { PaperdropDatabase } from '../renderer/db/database';
import type { StoredChange } from '../renderer/db/records';
import { AppStatusStore } from '../renderer/sync/app-status';
import { startIngestSync } from '../renderer/sync/ingest-sync';
import { writeUnupgradableLibrary } from './damaged-library';
import { databaseOpener, sample } from './sample-library';

const openDatabase = databaseOpener('ingest-sync');

describe("the page's ingest sync", () => {
  it("stores each batch main sends without waiting for main to take the one before's confirmation", async () => {
    const db = openDatabase();
    const batchListeners: ((batch: EventMap['batch']) => void)[] = [];
    const confirmed: string[] = [];
    const bridge = {
      invoke: (channel: string, payload?: { hash: string }) => {
        if (channel !== 'stored') return Promise.resolve('/feeds');
        confirmed.push(payload!.hash);
        // The first confirmation fails (the connection dropped); the second is never answered.
        return confirmed.length === 1 ? Promise.reject(new Error('connection closed')) : new Promise(() => {});
      },
      on: (channel: string, listener: (batch: EventMap['batch']) => void) => {
        if (channel === 'batch') batchListeners.push(listener);
        return () => {};
      },
      onConnectionChange: () => () => {},
    } as unknown as Bridge;
    const stored: StoredChange[] = [];
    const sync = startIngestSync(bridge, db, new AppStatusStore(), (change) => stored.push(change));
    sync.storeBatches(true);
    const batches = [sample('arxiv-rss2-2024.xml'), sample('hf-daily-papers.json'), sample('arxiv-api-atom.xml')];
    for (const batch of batches) for (const listener of batchListeners) listener(batch);
    await vi.waitFor(() => expect(confirmed).toEqual(batches.map((batch) => batch.hash)), { timeout: 10_000 });
    expect(stored).toHaveLength(3);
    expect((await db.sources.toCollection().primaryKeys()).toSorted()).toEqual(batches.map((batch) => batch.hash).toSorted());
    sync.stop();
  });

  it('says hello without storing when the library cannot be opened, and stays connected', async () => {
    await writeUnupgradableLibrary('ingest-sync-damaged');
    const hellos: unknown[] = [];
    const bridge = {
      invoke: (channel: string, payload: unknown) => (channel === 'hello' && hellos.push(payload), Promise.resolve({ folder: '/feeds', canChooseFolder: false })),
      on: () => () => {},
      onConnectionChange: () => () => {},
    } as unknown as Bridge;
    const status = new AppStatusStore();
    const sync = startIngestSync(bridge, new PaperdropDatabase('ingest-sync-damaged'), status, () => {});
    sync.storeBatches(true);
    await vi.waitFor(() => expect(hellos).toEqual([{ knownHashes: [], stores: false }, { knownHashes: [], stores: false }]));
    expect(status.get()).toMatchObject({ connection: 'connected', folder: { folder: '/feeds' } });
    sync.stop();
  });
});
