import type { PaperdropDatabase } from './database';
import { fileList, readList } from './paper-lists';
import type { StoredChange } from './store-batch';

/** The ids of the papers one file lists. */
export function readSourceMembers(db: PaperdropDatabase, file: string): Promise<Set<string>> {
  return readList(db, fileList(file));
}

/** The members after a stored batch; applying a change they already reflect changes nothing. */
export function sourceMembersWith(members: Set<string>, file: string, { written, removed }: StoredChange): Set<string> {
  const next = new Set(members);
  for (const paper of written) {
    if (paper.files.includes(file)) next.add(paper.id);
    else next.delete(paper.id);
  }
  for (const id of removed) next.delete(id);
  return next;
}
