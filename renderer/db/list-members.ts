import type { PaperdropDatabase } from './database';
import { listsOf, recordsOf } from './paper-lists';
import type { StoredChange } from './records';

/**
 * The ids of the papers in a list (a source file or a category, see paper-lists.ts): the union of its
 * records. Today's list right after an import is the whole import, a set that takes a tenth of a
 * second to build: `before`, when given, is awaited first.
 */
export async function readListMembers(db: PaperdropDatabase, list: string, before?: () => Promise<void>): Promise<Set<string>> {
  const records = await recordsOf(db.lists, list).toArray();
  await before?.();
  const members = new Set<string>();
  for (const record of records) for (const id of record.ids) members.add(id);
  return members;
}

/** The members after a stored batch; applying a change they already reflect changes nothing. */
export function listMembersWith(members: Set<string>, list: string, { written, removed }: StoredChange): Set<string> {
  const next = new Set(members);
  for (const paper of written) {
    if (listsOf(paper).includes(list)) next.add(paper.id);
    else next.delete(paper.id);
  }
  for (const id of removed) next.delete(id);
  return next;
}
