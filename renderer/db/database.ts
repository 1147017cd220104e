import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { matchKeys } from '../../shared/merge';
import type { FeedFormat, FileError, Paper } from '../../shared/paper';

/** A paper as stored: the content, plus the keys it is found and ordered by. */
export interface PaperRecord extends Paper {
  /** The list's order: the publication date ('' when unknown, IndexedDB skips null keys). */
  sortKey: string;
  /** Every key another sighting of this paper may carry (shared/merge matchKeys). */
  keys: string[];
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
    this.version(2)
      .stores({ papers: 'id, sortKey, *keys' })
      .upgrade((transaction) => upgradeToFullPapers(transaction));
  }
}

export function toPaperRecord(paper: Paper): PaperRecord {
  return { ...paper, sortKey: paper.published ?? '', keys: matchKeys(paper) };
}

/** Version 1 stored title-only papers from page dumps; give them every field of the full model. States stay as they are. */
function upgradeToFullPapers(transaction: Transaction): Promise<number> {
  return transaction
    .table<PaperRecord, string>('papers')
    .toCollection()
    .modify((record: PaperRecord) => {
      Object.assign(record, toPaperRecord({ ...emptyPaperFields(), ...record }));
      record.listings = record.listings.map((listing) => ({
        ...listing,
        announceType: listing.announceType ?? null,
        version: listing.version ?? null,
      }));
    });
}

function emptyPaperFields(): Omit<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'published' | 'listings'> {
  return {
    arxivId: null,
    version: null,
    doi: null,
    url: null,
    abstractHtml: null,
    abstractSource: null,
    affiliations: {},
    updated: null,
    categories: [],
    primaryCategory: null,
    comment: null,
    journalRef: null,
    links: { abs: null, pdf: null, doi: null, hf: null },
  };
}
