import type { PaperdropDatabase } from './database';
import { keyDirectoryOf } from './key-directory';
import { holdersByKey, pagesWithKeys, storedIds } from './paper-pages';

/*
 * Marks for an id no stored paper answers to (restored from a backup, say) wait in pendingMarks.
 * A paper answers to an id when it is its id or one of its merge keys: the same rule that makes two
 * listings one paper, so marks find the paper whichever listing of it arrives, and whatever id it
 * had in the library the backup came from. The rule is read here; mark-writer.ts writes the marks.
 */

/** For each id, the stored papers that answer to it; none means its marks must wait. Inside a transaction on `pages`, `meta` and `keyDigests`. */
export async function papersAnswering(db: PaperdropDatabase, ids: readonly string[]): Promise<Map<string, string[]>> {
  const present = await storedIds(db, ids);
  const absent = ids.filter((id) => !present.has(id));
  const directory = keyDirectoryOf(db);
  if (absent.length > 0) await directory.catchUpWithLibrary(db);
  const holders = holdersByKey(await pagesWithKeys(db, directory, absent));
  return new Map(ids.map((id) => [id, present.has(id) ? [id] : (holders.get(id) ?? [])]));
}
