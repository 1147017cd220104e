import Dexie, { type EntityTable } from 'dexie';
import type { FeedFormat, FileError, Paper } from '../../shared/paper';

/** A paper as stored: the content plus the key the list is ordered by (IndexedDB skips null keys). */
export interface PaperRecord extends Paper {
  sortKey: string;
}

/** The user's marks on a paper. Kept apart from content so that no ingest can ever touch them. */
export interface PaperState {
  paperId: string;
  /** 1 or 0: IndexedDB cannot index booleans. */
  read: 0 | 1;
  starred: 0 | 1;
  updatedAt: string;
}

/** One ingested file content, by hash: main sends no file whose hash is here. */
export interface SourceRecord {
  hash: string;
  file: string;
  format: FeedFormat | null;
  seenAt: string;
  paperCount: number;
  errors: FileError[];
}

export const DATABASE_NAME = 'paperdrop';

export class PaperdropDatabase extends Dexie {
  papers!: EntityTable<PaperRecord, 'id'>;
  states!: EntityTable<PaperState, 'paperId'>;
  sources!: EntityTable<SourceRecord, 'hash'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      papers: 'id, sortKey',
      states: 'paperId, read, starred',
      sources: 'hash, file, seenAt',
    });
  }
}

export function sortKeyOf(paper: Paper): string {
  return paper.published ?? '';
}
