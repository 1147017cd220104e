import type { PaperdropDatabase } from './database';
import { listsOf, recordsOf } from './paper-lists';
import type { StoredChange } from './records';

/** The ids of the papers in a list (a source file or a category, see paper-lists.ts): the union of its records. */
export async function readListMembers(db: PaperdropDatabase, list: string): Promise<Set<string>> {
  const records = await recordsOf(db.lists, list).toArray();
  return new Set(records.flatMap((record) => record.ids));
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
