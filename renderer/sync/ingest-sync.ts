import type { Bridge } from '../../shared/ipc';
import type { IngestBatch } from '../../shared/paper';
import type { PaperdropDatabase } from '../db/database';
import { storeBatch } from '../db/library-writer';
import type { StoredChange } from '../db/records';
import type { AppStatusStore } from './app-status';

/**
 * Keeps the database in step with the watched folder: tells main which files are stored,
 * stores each batch it sends (one at a time, one transaction each) and confirms it.
 * A batch that was not confirmed is sent again on the next hello, so a crash loses nothing.
 */
export function startIngestSync(
  bridge: Bridge,
  db: PaperdropDatabase,
  status: AppStatusStore,
  onStored: (change: StoredChange) => void,
): () => void {
  let queue = Promise.resolve();

  const store = async (batch: IngestBatch) => {
    const change = await storeBatch(db, batch);
    // Published before main hears of it: should the connection drop now, main will not send this batch again.
    if (change.written.length + change.removed.length > 0) onStored(change);
    await bridge.invoke('stored', { hash: batch.hash });
  };

  const hello = async () => {
    const knownHashes = (await db.sources.toCollection().primaryKeys()) as string[];
    status.update({ folder: await bridge.invoke('hello', { knownHashes }) });
  };

  const unsubscribers = [
    bridge.on('batch', (batch) => {
      queue = queue.then(() => store(batch)).catch((error: unknown) => console.error('Paperdrop: storing a batch failed', error));
    }),
    bridge.on('folder', (folder) => status.update({ folder })),
    bridge.on('status', ({ pending }) => status.update({ pending })),
    bridge.onConnectionChange((connected) => {
      status.update({ connected });
      if (connected) void hello();
    }),
  ];
  void hello().catch(() => status.update({ connected: false }));
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
