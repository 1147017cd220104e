import type { MatchTerm } from './highlight';

/** Messages between the page and the search worker. */
export type SearchRequest =
  | { type: 'refresh'; ids: string[] }
  | { type: 'search'; seq: number; query: string };

export type SearchReply =
  | { type: 'results'; seq: number; ids: string[]; terms: MatchTerm[] }
  | { type: 'progress'; indexed: number; total: number; ready: boolean };
