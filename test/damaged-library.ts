import Dexie from 'dexie';

/** Writes a library of schema version 1 whose one paper has no listings: upgrading it to the current schema throws. */
export async function writeUnupgradableLibrary(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({ papers: 'id, sortKey', states: 'paperId, read, starred', sources: 'hash, file, seenAt' });
  await v1.table('papers').put({ id: 'damaged', title: 'Damaged', sortKey: '2026-03-11', listings: null });
  await v1.table('states').put({ paperId: 'damaged', read: 1, starred: 1, updatedAt: '2026-03-12T00:00:00.000Z' });
  v1.close();
}
