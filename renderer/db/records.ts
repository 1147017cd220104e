/*
 * The records the library stores, one type per table, and nothing else: every module of
 * renderer/db may import this file, and it imports none of them. docs/storage-model.md says which
 * module writes which table.
 */
import type { FeedFormat, FileError, Paper } from '../../shared/paper';

/** A paper as stored (on a page, see PaperPage): the content, plus the keys it is found and ordered by. */
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

/**
 * Papers one batch wrote, a page of them to a record (`pages`): IndexedDB's cost is per record put
 * and per index entry, not per byte (docs/ingest-cost.md). Every stored paper is on exactly one
 * page. A paper written again moves to its new batch's page, and its old page is rewritten without it.
 * Pages written before version 11 also hold `keys`, for an index that version dropped: nothing reads it.
 */
export interface PaperPage {
  /** The batch that wrote the page. */
  generation: number;
  /** Its place among that batch's pages. */
  part: number;
  /** The papers' ids, indexed: a paper is found by its id through them. */
  ids: string[];
  papers: PaperRecord[];
}

/** A page's primary key. */
export type PageKey = [generation: number, part: number];

/** What one batch changed in the key directory (`keyDigests`, see key-directory.ts), under that batch's generation. */
export interface KeyDigestRecord {
  generation: number;
  /** The digests of the merge keys, ids among them, that the batch stored first. */
  digests: Uint32Array;
  /** The digest of each other merge key its papers have, with the part of its page holding it. None in records before version 11. */
  placed?: { digests: Uint32Array; parts: Uint32Array };
  /** Other merge keys' digests that left older pages with the papers it moved or merged away, and those pages (generation × 2^21 + part). */
  lifted?: { digests: Uint32Array; pages: Float64Array };
}

/** The papers one batch wrote that are in one list (`lists`): a source file, a category or a first-seen day (see paper-lists.ts). */
export interface ListRecord {
  /** `file:<name>`, `category:<name>` or `seen:<day>`. */
  list: string;
  generation: number;
  ids: string[];
}

/**
 * The papers one batch wrote, with their sortKeys, and those it merged away (`orderLog`): the list's
 * order is read from these (see newest-first.ts). Packed, as order-record.ts writes and reads them.
 */
export interface OrderRecord {
  generation: number;
  /** The ids written, one after another. */
  ids: string;
  /** Where each id ends in `ids`. */
  idEnds: Uint32Array;
  /** Their sortKeys, once for each run of ids in a row sharing one. */
  sortKeys: string[];
  /** How many ids each of `sortKeys` is for. */
  sortKeyRuns: Uint32Array;
  removed: string[];
}

/** Small facts about the library (`meta`): its generation counts the batches stored. */
export interface MetaRecord {
  key: 'generation';
  value: number;
}

/** The two marks a user sets on a paper. */
export type Mark = 'read' | 'starred';

/**
 * The user's marks on a paper (`states`, and `pendingMarks` for ids no stored paper answers to).
 * Kept apart from content so that no ingest can ever touch them. A row in `states` is for a paper in
 * the library (the counts rely on it); marks for any other id wait in `pendingMarks` until a paper
 * with that id or merge key arrives (mark-writer.ts).
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

/** One ingested file content, by hash (`sources`): main sends no file whose hash is here. */
export interface SourceRecord {
  hash: string;
  file: string;
  format: FeedFormat | null;
  seenAt: string;
  paperCount: number;
  errors: FileError[];
  /** The file is no longer in the watched folder (its papers stay); absent until main first said which files it holds. */
  gone?: boolean;
}

/** What one stored batch changed: the search index and the views that follow stored batches take it from here. */
export interface StoredChange {
  /** The papers as written. */
  written: PaperRecord[];
  /** Papers folded into another and gone. */
  removed: string[];
  /** Papers whose marks the batch changed: marks carried over from a paper merged into them, or marks that waited for them. */
  remarked: string[];
}
