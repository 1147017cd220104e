import type { Bridge } from '../../shared/ipc';
import type { IngestBatch } from '../../shared/paper';
import type { PaperdropDatabase } from '../db/database';
import { recordFolderFiles, storeBatch } from '../db/library-writer';
import type { StoredChange } from '../db/records';
import type { AppStatusStore } from './app-status';

/** The sync with main, and whether this tab stores the batches main sends (see writer-election.ts). */
export interface IngestSync {
  /** Says so to main: a tab that stores is sent every batch it does not hold; one that does not, none. */
  storeBatches(stores: boolean): void;
  stop(): void;
}

/**
 * Keeps the database in step with the watched folder: tells main which files are stored,
 * stores each batch it sends (one at a time, one transaction each) and confirms it.
 * A batch that was not confirmed is sent again on the next hello, so a crash loses nothing.
 * Until told to store batches, the tab says hello without storing: it learns of the folder, and
 * another tab stores.
 */
export function startIngestSync(
  bridge: Bridge,
  db: PaperdropDatabase,
  status: AppStatusStore,
  onStored: (change: StoredChange) => void,
): IngestSync {
  let queue = Promise.resolve();
  let stores = false;

  const store = async (batch: IngestBatch) => {
    if (!stores) return;
    const change = await storeBatch(db, batch);
    // Published before main hears of it: should the connection drop now, main will not send this batch again.
    if (change.written.length + change.removed.length > 0) onStored(change);
    // The next batch does not wait for main's answer (a round trip of about 8 ms while a folder of
    // small files comes in). Should it not arrive, main sends the batch again on the next hello, and
    // storing it again changes nothing.
    bridge.invoke('stored', { hash: batch.hash }).catch(() => {});
  };

  let greeting = Promise.resolve();
  const hello = () => {
    greeting = greeting
      .then(async () => {
        // A library that cannot be opened stores nothing (library-open.ts tells the reader why); main still answers.
        const knownHashes = stores ? ((await db.sources.toCollection().primaryKeys().catch(() => null)) as string[] | null) : [];
        status.update({ folder: await bridge.invoke('hello', { knownHashes: knownHashes ?? [], stores: stores && knownHashes !== null }) });
      })
      .catch(() => status.update({ connection: 'reconnecting' }));
  };

  const unsubscribers = [
    bridge.on('batch', (batch) => {
      queue = queue.then(() => store(batch)).catch((error: unknown) => console.error('Paperdrop: storing a batch failed', error));
    }),
    bridge.on('folderFiles', ({ hashes }) => {
      // In turn with the batches, so that a file stored just now is judged with the folder as it is.
      queue = queue.then(async () => void (stores && (await recordFolderFiles(db, hashes)))).catch((error: unknown) => console.error('Paperdrop: noting the folder’s files failed', error));
    }),
    bridge.on('folder', (folder) => status.update({ folder })),
    bridge.on('status', ({ pending }) => status.update({ pending })),
    bridge.onConnectionChange((connection) => {
      status.update({ connection });
      if (connection === 'connected') hello();
    }),
  ];
  hello();
  return {
    storeBatches(next) {
      if (next === stores) return;
      stores = next;
      hello();
    },
    stop: () => unsubscribers.forEach((unsubscribe) => unsubscribe()),
  };
}
