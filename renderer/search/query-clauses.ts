import type { Clause, ClauseTerm } from './clause-matcher';
import { AUTHORS, CATEGORIES, indexTerm } from './index-terms';
import { documentsHolding, type PaperMiniSearch } from './paper-minisearch';
import type { PrefixCompletions } from './prefix-completions';
import type { ParsedQuery } from './query-syntax';

/** Shorter prefixes expand to too many words to be worth it: they are matched exactly. */
const MIN_PREFIX = 2;
/** A completion weighs less than the word as typed, as MiniSearch weighs prefix matches. */
const COMPLETION_WEIGHT = 0.375;
/** Typos are forgiven in words at least this long. */
const MIN_FUZZY = 6;
/** MiniSearch's weight for fuzzy matches, and its edit distance: a fifth of the word, at most 2. */
const FUZZY_WEIGHT = 0.45;
const FUZZY_SHARE = 0.2;
/** With fuzzy matching on, a word found in fewer documents than this may be a typo. */
const RARE_WORD = 5;
/** "-array" leaves out "arrays" too, from this length on. */
const MIN_EXCLUDED_PREFIX = 4;

export interface QueryClauses {
  clauses: Clause[];
  exclusions: Clause[];
}

/**
 * What a query asks of the index: one clause per word, phrase word, author word and category,
 * each of which every result must match, and the exclusions. The word still being typed stands
 * for itself and the commonest words it begins (see PrefixCompletions); with `fuzzy`, long words that are rare or absent
 * also stand for the indexed words a typo or two away. Null when some clause can match nothing.
 */
export function queryClauses(index: PaperMiniSearch, completions: PrefixCompletions, query: ParsedQuery, fuzzy: boolean): QueryClauses | null {
  const typing = query.lastWordIsPrefix ? query.words.at(-1) : undefined;
  // A stop word still being typed counts only when it is all there is ("the" → "theory"); after
  // other words ("models with") it is most likely just that word, which the index leaves out.
  const words = query.words.filter((word) => indexTerm(word) !== null || (word === typing && query.words.length === 1));
  const clauses: Clause[] = words.map((word) => {
    const completed = word === typing && word.length >= MIN_PREFIX ? completions.of(word) : [];
    const terms = [...exactTerms(index, [word]), ...exactTerms(index, completed, COMPLETION_WEIGHT)];
    const documents = documentsOf(terms);
    return { terms: fuzzy && documents < RARE_WORD ? distinct([...terms, ...typoTerms(index, word, documents === 0)]) : terms, titleWord: true };
  });
  for (const phrase of query.phrases) clauses.push(...contentWords(phrase).map((word) => ({ terms: exactTerms(index, [word]), titleWord: true })));
  for (const author of query.authors) clauses.push(...contentWords(author).map((word) => ({ terms: exactTerms(index, [word]), fields: [AUTHORS], titleWord: false })));
  for (const category of query.categories) clauses.push(categoryClause(index, category));
  if (clauses.some((clause) => clause.terms.length === 0)) return null;

  const excludedWords = contentWords(query.excluded);
  const exclusions: Clause[] = [
    ...excludedWords.map((word) => ({
      terms: word.length >= MIN_EXCLUDED_PREFIX ? index.prefixTerms(word).map(([term, postings]) => ({ term, weight: 1, postings })) : exactTerms(index, [word]),
      titleWord: false,
    })),
    ...query.excludedCategories.map((category) => categoryClause(index, category)),
  ];
  return { clauses, exclusions };
}

/** Whether fuzzy matching could add anything to the query. */
export function hasLongWords(query: ParsedQuery): boolean {
  return [...query.words, ...query.phrases.flat()].some((word) => word.length >= MIN_FUZZY);
}

/** About how many documents hold any of the terms. */
function documentsOf(terms: readonly ClauseTerm[]): number {
  return Math.max(0, ...terms.map(({ postings }) => documentsHolding(postings)));
}

/** The first of each term: a completion may also be a typo away. */
function distinct(terms: ClauseTerm[]): ClauseTerm[] {
  const seen = new Set<string>();
  return terms.filter(({ term }) => !seen.has(term) && seen.add(term));
}

function contentWords(words: readonly string[]): string[] {
  return words.filter((word) => indexTerm(word) !== null);
}

function exactTerms(index: PaperMiniSearch, words: readonly string[], weight = 1): ClauseTerm[] {
  return words.flatMap((term) => {
    const postings = index.termPostings(term);
    return postings ? [{ term, weight, postings }] : [];
  });
}

/**
 * Indexed words a typo or two from a long word, weighted as MiniSearch weighs fuzzy matches. Two
 * edits are looked for only for a word found nowhere, when one edit finds nothing: that walk of
 * the term tree costs ten times more.
 */
function typoTerms(index: PaperMiniSearch, word: string, unknownWord: boolean): ClauseTerm[] {
  if (word.length < MIN_FUZZY) return [];
  let found = index.fuzzyTerms(word, 1).filter(([, , distance]) => distance > 0);
  if (found.length === 0 && unknownWord && Math.round(word.length * FUZZY_SHARE) > 1) found = index.fuzzyTerms(word, 2).filter(([, , distance]) => distance > 0);
  return found
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([term, postings, distance]) => ({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance), postings }));
}

/** Categories are indexed whole and lower-cased: "cs.CL" matches "cs.cl" and nothing else. */
function categoryClause(index: PaperMiniSearch, category: string): Clause {
  return { terms: exactTerms(index, [category.toLowerCase()]), fields: [CATEGORIES], titleWord: false };
}
