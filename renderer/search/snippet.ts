import { highlightRanges, type MatchTerm } from './highlight';

/** How much of the text a list row shows, and how much of it comes before the first match. */
const SNIPPET_LENGTH = 300;
const LEAD = 80;

/**
 * The part of an abstract a list row shows: its start, or while searching, the passage around the
 * first match, cut at word boundaries and marked with "…" where text is left out.
 */
export function matchSnippet(text: string, terms: readonly MatchTerm[]): string {
  const first = terms.length > 0 ? highlightRanges(text, terms)[0] : undefined;
  if (!first || first[1] <= SNIPPET_LENGTH - LEAD) return text.slice(0, SNIPPET_LENGTH);
  const from = text.indexOf(' ', Math.max(0, first[0] - LEAD));
  const start = from === -1 || from >= first[0] ? first[0] : from + 1;
  return `…${text.slice(start, start + SNIPPET_LENGTH)}`;
}
