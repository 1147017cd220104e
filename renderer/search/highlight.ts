import { matchWords, normalizeTerm, type ParsedQuery } from './query-syntax';

/** A search term to mark in text: a whole word, or the start of one while it is still being typed. */
export interface MatchTerm {
  term: string;
  prefix: boolean;
}

/** [start, end) in UTF-16 code units of the original text. */
export type TextRange = [start: number, end: number];

const WHITESPACE = /\s/u;

/** The terms to mark for a query: its words, phrase words and author words, but not excluded ones. */
export function matchTerms(query: ParsedQuery): MatchTerm[] {
  const prefixByTerm = new Map<string, boolean>();
  const add = (term: string, prefix: boolean) => prefixByTerm.set(term, prefix || (prefixByTerm.get(term) ?? false));
  query.words.forEach((word, index) => add(word, query.lastWordIsPrefix && index === query.words.length - 1));
  for (const term of [...query.phrases.flat(), ...query.authors.flat()]) add(term, false);
  return [...prefixByTerm].map(([term, prefix]) => ({ term, prefix }));
}

/**
 * The ranges of the words in `text` that match a term, compared as search terms (case- and accent-insensitive).
 * Sorted and disjoint; consecutive matched words joined only by punctuation ("Zero-Shot") make one range.
 */
export function highlightRanges(text: string, terms: readonly MatchTerm[]): TextRange[] {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const { term, prefix } of terms) {
    const normalized = normalizeTerm(term);
    if (normalized === '') continue;
    if (prefix) prefixes.push(normalized);
    else exact.add(normalized);
  }
  if (exact.size === 0 && prefixes.length === 0) return [];

  const ranges: TextRange[] = [];
  let previousWordMatched = false;
  for (const word of matchWords(text)) {
    const token = normalizeTerm(word[0]);
    const matched = exact.has(token) || prefixes.some((prefix) => token.startsWith(prefix));
    if (matched) {
      const start = word.index;
      const end = start + word[0].length;
      const previous = ranges.at(-1);
      if (previousWordMatched && previous && !WHITESPACE.test(text.slice(previous[1], start))) previous[1] = end;
      else ranges.push([start, end]);
    }
    previousWordMatched = matched;
  }
  return ranges;
}
