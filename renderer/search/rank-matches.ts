import type { Matches } from './clause-matcher';
import type { PaperMiniSearch } from './paper-minisearch';
import type { ParsedQuery } from './query-syntax';

/** Ranking tiers, best last. */
const OTHER = 0;
const TITLE_HOLDS_ALL = 1;
const TITLE_BEGINS = 2;

// Sort keys pack tier, score and position into one float, so a native typed-array sort orders them.
const POSITION_SPAN = 2 ** 20;
const SCORE_SPAN = 2 ** 31;
const SCORE_SCALE = 1024;

/**
 * Short ids best first. When the query has two words or more, papers whose title begins with
 * them come first and papers whose title holds them all next, BM25 order within each: a
 * researcher who types the start of a title wants that paper. Equal scores go newest first.
 */
export function rankMatches(index: PaperMiniSearch, matches: Matches, query: ParsedQuery): number[] {
  const { ids, scores } = matches;
  const tier = query.words.length >= 2 ? titleTier(index, matches, query) : () => OTHER;
  const rankKey = (shortId: number) => tier(shortId) * SCORE_SPAN + Math.min(SCORE_SPAN - 1, Math.round(scores[shortId]! * SCORE_SCALE));
  const newestFirst = (a: number, b: number) => {
    const [first, second] = [index.factsOf(a)!, index.factsOf(b)!];
    return first.date === second.date ? (first.id < second.id ? -1 : 1) : first.date > second.date ? -1 : 1;
  };
  if (ids.length >= POSITION_SPAN) return [...ids].sort((a, b) => rankKey(b) - rankKey(a) || newestFirst(a, b));

  const keys = new Float64Array(ids.length);
  ids.forEach((shortId, position) => (keys[position] = rankKey(shortId) * POSITION_SPAN + position));
  keys.sort().reverse();
  const ranked = Array.from(keys, (key) => ids[key % POSITION_SPAN]!);
  // Runs of equal keys are rare and short: order them by date, not by where they sat in the index.
  for (let start = 0; start < keys.length; ) {
    const key = Math.floor(keys[start]! / POSITION_SPAN);
    let end = start + 1;
    while (end < keys.length && Math.floor(keys[end]! / POSITION_SPAN) === key) end += 1;
    if (end - start > 1) ranked.splice(start, end - start, ...ranked.slice(start, end).sort(newestFirst));
    start = end;
  }
  return ranked;
}

function titleTier(index: PaperMiniSearch, matches: Matches, query: ParsedQuery): (shortId: number) => number {
  const lead = query.words.join(' ');
  const begins = (titleTerms: string) =>
    titleTerms.startsWith(lead) && (query.lastWordIsPrefix || titleTerms.length === lead.length || titleTerms[lead.length] === ' ');
  return (shortId) => {
    if (!matches.titleHoldsAll(shortId)) return OTHER;
    return begins(index.factsOf(shortId)!.titleTerms) ? TITLE_BEGINS : TITLE_HOLDS_ALL;
  };
}
