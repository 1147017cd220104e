import { expect } from 'vitest';
import type { PaperdropDatabase } from '../renderer/db/database';
import { listMembersWith, readListMembers } from '../renderer/db/list-members';
import type { StoredChange } from '../renderer/db/records';

/**
 * Lists read once, then kept from each stored change as the library view keeps them. After each
 * change, every one must name exactly the papers the database lists in it.
 */
export async function followLists(db: PaperdropDatabase, lists: readonly string[]): Promise<{ apply: (change: StoredChange) => Promise<void> }> {
  const members = new Map(await Promise.all(lists.map(async (list) => [list, await readListMembers(db, list)] as const)));
  return {
    async apply(change) {
      for (const [list, ids] of members) {
        const next = listMembersWith(ids, list, change);
        members.set(list, next);
        expect([...next].sort(), list).toEqual([...(await readListMembers(db, list))].sort());
      }
    },
  };
}
