import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { listingDate } from '../../shared/listing-date';
import { matchKeys } from '../../shared/merge';
import type { FeedFormat, FileError, Paper } from '../../shared/paper';
import type { SnapshotRecord } from '../search/index-snapshot';
import { classifyStoredPapers } from './classify-stored';
import { digestStoredKeys } from './known-keys';
import { dateUndatedPapers } from './listing-dates';
import { logStoredOrder } from './newest-first';
import { listStoredPapers, seenDay } from './paper-lists';
import { stampMarks } from './stamp-marks';

/** A paper as stored: the content, plus the keys it is found and ordered by. */
export interface PaperRecord extends Paper {
  /** The list's order: the listing date (shared/listing-date.ts), never empty for a paper with a listing. */
  sortKey: string;
  /**
   * Every other key another sighting of this paper may carry (shared/merge matchKeys). Its own id,
   * which is one of them, is found through the primary key: indexing it again would cost a write.
   */
  keys: string[];
  /** The files that list it, for the source view. */
  files: string[];
  /** The library generation that last wrote it, so the search index can catch up. */
  generation: number;
}

/** The digests of the merge keys one batch stored first (see KnownKeys), under that batch's generation. */
export interface KeyDigestRecord {
  generation: number;
  digests: Uint32Array;
}

/** The papers one batch wrote that are in one list: a source file or a category (see paper-lists.ts). */
export interface ListRecord {
  /** `file:<name>` or `category:<name>`. */
  list: string;
  generation: number;
  ids: string[];
}

/** The papers one batch wrote, with their sortKeys, and those it merged away: the list's order is read from these (see newest-first.ts). */
export interface OrderRecord {
  generation: number;
  ids: string[];
  sortKeys: string[];
  removed: string[];
}

/** Small facts about the library: its generation counts the batches stored. */
export interface MetaRecord {
  key: 'generation';
  value: number;
}

/**
 * The user's marks on a paper. Kept apart from content so that no ingest can ever touch them. A row in
 * `states` is for a paper in the library (the counts rely on it); marks for any other id wait in
 * `pendingMarks` until a paper with that id or merge key arrives (pending-marks.ts).
 */
export interface PaperState {
  paperId: string;
  /** 1 or 0: IndexedDB cannot index booleans. */
  read: 0 | 1;
  /** When read last changed (ISO 8601, UTC), or null if it never did: restoring a backup takes the later of two. */
  readAt: string | null;
  starred: 0 | 1;
  starredAt: string | null;
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
  pendingMarks!: EntityTable<PaperState, 'paperId'>;
  sources!: EntityTable<SourceRecord, 'hash'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  /** The saved search index, in parts (renderer/search/index-snapshot.ts). */
  searchIndex!: EntityTable<SnapshotRecord, 'key'>;
  keyDigests!: EntityTable<KeyDigestRecord, 'generation'>;
  lists!: Table<ListRecord, [string, number]>;
  orderLog!: EntityTable<OrderRecord, 'generation'>;

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
    this.version(3)
      .stores({ papers: 'id, sortKey, *keys, *categories, *files, generation', meta: 'key', searchIndex: 'key' })
      .upgrade((transaction) =>
        transaction
          .table<PaperRecord, string>('papers')
          .toCollection()
          .modify((record: PaperRecord) => {
            Object.assign(record, toPaperRecord(record, 0));
          }),
      );
    this.version(4)
      .stores({ keyDigests: 'generation', lists: '[list+generation]', orderLog: 'generation' })
      .upgrade((transaction) => Promise.all([digestStoredKeys(transaction), listStoredPapers(transaction), logStoredOrder(transaction)]));
    this.version(5).stores({ papers: 'id, sortKey, *keys, generation' });
    this.version(6)
      .stores({ pendingMarks: 'paperId' })
      .upgrade((transaction) => stampMarks(transaction));
    this.version(7).upgrade((transaction) => dateUndatedPapers(transaction));
    this.version(8).upgrade((transaction) => classifyStoredPapers(transaction));
  }
}

export function toPaperRecord(paper: Paper, generation: number): PaperRecord {
  return {
    ...contentOf(paper),
    sortKey: listingDate(paper, seenDay),
    keys: matchKeys(paper).filter((key) => key !== paper.id),
    files: [...new Set(paper.listings.map((listing) => listing.file))],
    generation,
  };
}

/** The paper's own fields, without those a stored record derives from them. */
export function contentOf(paper: Paper | PaperRecord): Paper {
  const { sortKey: _sortKey, keys: _keys, files: _files, generation: _generation, ...content } = paper as PaperRecord;
  return content;
}

/** Version 1 stored title-only papers from page dumps; give them every field of the full model. States stay as they are. */
function upgradeToFullPapers(transaction: Transaction): Promise<number> {
  return transaction
    .table<PaperRecord, string>('papers')
    .toCollection()
    .modify((record: PaperRecord) => {
      Object.assign(record, toPaperRecord({ ...emptyPaperFields(), ...record }, 0));
      record.listings = record.listings.map((listing) => ({
        ...listing,
        announceType: listing.announceType ?? null,
        version: listing.version ?? null,
      }));
    });
}

/** Every field of the paper model that a paper may lack, empty. */
export function emptyPaperFields(): Omit<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'published' | 'listings'> {
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
    classes: [],
    comment: null,
    journalRef: null,
    links: { abs: null, pdf: null, doi: null, hf: null },
  };
}
