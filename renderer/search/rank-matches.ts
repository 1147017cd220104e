import type { Matches } from './clause-matcher';
import type { PostingStore } from './posting-store';
import type { ParsedQuery } from './query-syntax';

/** Ranking tiers, best last. */
const OTHER = 0;
const TITLE_HOLDS_ALL = 1;
const TITLE_BEGINS = 2;

// A sort key packs tier, score (log-scaled), day and short id into one float below 2^53, so a
// native typed-array sort ranks the matches with no comparator. Keys equal but for the short id
// are rare and few, and are ordered by paper id, so that an index and its restored copy agree.
const SHORT_ID_SPAN = 2 ** 20;
const DAY_SPAN = 2 ** 15;
const SCORE_SPAN = 2 ** 16;
const SCORE_STEPS_PER_DOUBLING = 2 ** 11;

/**
 * Short ids best first. When the query has two words or more, papers whose title begins with
 * them come first and papers whose title holds them all next, BM25 order within each: a
 * researcher who types the start of a title wants that paper. Equal scores go newest first.
 */
export function rankMatches(index: PostingStore, matches: Matches, query: ParsedQuery): Int32Array {
  const { ids, scores } = matches;
  const { paperIds, days } = index.scoringView();
  const tier = query.words.length >= 2 ? titleTier(index, matches, query) : null;
  const rankKey = (shortId: number) => {
    const score = Math.min(SCORE_SPAN - 1, Math.round(Math.log2(1 + scores[shortId]!) * SCORE_STEPS_PER_DOUBLING));
    return ((tier === null ? OTHER : tier(shortId)) * SCORE_SPAN + score) * DAY_SPAN + Math.min(DAY_SPAN - 1, days[shortId]!);
  };
  const byPaperId = (a: number, b: number) => (paperIds[a]! < paperIds[b]! ? -1 : 1);
  if (paperIds.length > SHORT_ID_SPAN) return Int32Array.from(ids).sort((a, b) => rankKey(b) - rankKey(a) || byPaperId(a, b));

  const keys = new Float64Array(ids.length);
  for (let position = 0; position < ids.length; position += 1) keys[position] = rankKey(ids[position]!) * SHORT_ID_SPAN + ids[position]!;
  keys.sort().reverse();
  const ranked = new Int32Array(keys.length);
  for (let rank = 0; rank < keys.length; rank += 1) ranked[rank] = keys[rank]! % SHORT_ID_SPAN;
  for (let start = 0; start < keys.length; ) {
    const key = Math.floor(keys[start]! / SHORT_ID_SPAN);
    let end = start + 1;
    while (end < keys.length && Math.floor(keys[end]! / SHORT_ID_SPAN) === key) end += 1;
    if (end - start > 1) ranked.subarray(start, end).sort(byPaperId);
    start = end;
  }
  return ranked;
}

function titleTier(index: PostingStore, matches: Matches, query: ParsedQuery): (shortId: number) => number {
  const lead = query.words.join(' ');
  const begins = (titleTerms: string) =>
    titleTerms.startsWith(lead) && (query.lastWordIsPrefix || titleTerms.length === lead.length || titleTerms[lead.length] === ' ');
  return (shortId) => {
    if (!matches.titleHoldsAll(shortId)) return OTHER;
    return begins(index.titleTermsOf(shortId)) ? TITLE_BEGINS : TITLE_HOLDS_ALL;
  };
}
