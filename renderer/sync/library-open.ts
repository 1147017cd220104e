import type { PaperdropDatabase } from '../db/database';
import type { AppStatusStore } from './app-status';

/**
 * Opens the library and, when it cannot be opened, puts the reason in the app's status: every
 * view waits on the library, and would otherwise say that it is opening for good.
 */
export async function openLibrary(db: PaperdropDatabase, status: AppStatusStore): Promise<void> {
  try {
    await db.open();
  } catch (error) {
    console.error('Paperdrop: the library could not be opened', error);
    status.update({ libraryFailure: describeOpenFailure(error) });
  }
}

/**
 * What a reader can do about a library that would not open. An upgrade runs in IndexedDB's
 * version-change transaction, so one that fails leaves the library at its old version, as it was.
 */
export function describeOpenFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/u, '');
  switch (name) {
    case 'MissingAPIError':
      return 'This browser gives Paperdrop no IndexedDB to keep the library in; a private window may not allow it.';
    case 'QuotaExceededError':
      return 'There is no room left to keep the library: free some disk space, then reload.';
    case 'VersionError':
      return 'The library was saved by a newer version of Paperdrop: update Paperdrop to open it.';
    default:
      return `${reason}. If Paperdrop was just updated, updating the library to the new version failed; the library was left as it was, and nothing in it was lost. Reload to try again.`;
  }
}
