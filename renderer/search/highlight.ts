import { matchWords, normalizeTerm } from './query-syntax';

/** A word of the index that a search matched, to mark in text: the worker names every word it matched, completions of a prefix included. */
export interface MatchTerm {
  term: string;
}

/** [start, end) in UTF-16 code units of the original text. */
export type TextRange = [start: number, end: number];

const WHITESPACE = /\s/u;

/**
 * The ranges of the words in `text` that match a term, compared as search terms (case- and accent-insensitive).
 * Sorted and disjoint; consecutive matched words joined only by punctuation ("Zero-Shot") make one range.
 */
export function highlightRanges(text: string, terms: readonly MatchTerm[]): TextRange[] {
  const wanted = new Set(terms.map(({ term }) => normalizeTerm(term)).filter((term) => term !== ''));
  if (wanted.size === 0) return [];

  const ranges: TextRange[] = [];
  let previousWordMatched = false;
  for (const word of matchWords(text)) {
    const token = normalizeTerm(word[0]);
    const matched = wanted.has(token);
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
