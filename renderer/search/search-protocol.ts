import type { MatchTerm } from './highlight';
import type { IndexedPaper } from './paper-index';

/** A paper as the page hands it to the index, with the library generation that wrote it. */
export type IndexDocument = IndexedPaper & { generation: number };

/** Messages between the page and the search worker. */
export type SearchRequest =
  | { type: 'index'; papers: IndexDocument[]; removed: string[] }
  | { type: 'search'; seq: number; query: string }
  /** Whether this worker saves the index: only the tab that stores batches does (renderer/sync/writer-election.ts); true until told. */
  | { type: 'saves'; saves: boolean };

export type SearchReply =
  | { type: 'results'; seq: number; ids: string[]; terms: MatchTerm[] }
  | { type: 'progress'; indexed: number; total: number; ready: boolean };
