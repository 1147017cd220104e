import type { Clause, ClauseTerm } from './clause-matcher';
import { AUTHORS, CATEGORIES, indexTerm, STOP_WORDS } from './index-terms';
import type { PaperMiniSearch } from './paper-minisearch';
import { normalizeTerm, type ParsedQuery } from './query-syntax';

/** Shorter prefixes expand to too many words to be worth it: they are matched exactly. */
const MIN_PREFIX = 2;
/** A typed prefix stands for at most this many of the commonest words it begins. */
const MAX_COMPLETIONS = 16;
/** A completion weighs less than the word as typed, as MiniSearch weighs prefix matches. */
const COMPLETION_WEIGHT = 0.375;
/** Typos are forgiven in words at least this long. */
export const MIN_FUZZY = 6;
/** MiniSearch's weight for fuzzy matches, and its edit distance: a fifth of the word, at most 2. */
const FUZZY_WEIGHT = 0.45;
const FUZZY_SHARE = 0.2;
const MAX_FUZZY = 2;
/** "-array" leaves out "arrays" too, from this length on. */
const MIN_EXCLUDED_PREFIX = 4;

export interface QueryClauses {
  clauses: Clause[];
  exclusions: Clause[];
}

/**
 * What a query asks of the index: one clause per word, phrase word, author word and category,
 * each of which every result must match, and the exclusions. The word still being typed stands
 * for itself and the commonest words it begins; with `fuzzy`, long words also stand for the
 * indexed words a typo or two away. Null when some clause can match nothing.
 */
export function queryClauses(index: PaperMiniSearch, query: ParsedQuery, fuzzy: boolean): QueryClauses | null {
  const typing = query.lastWordIsPrefix ? query.words.at(-1) : undefined;
  // A stop word still being typed counts only when it is all there is ("the" → "theory"); after
  // other words ("models with") it is most likely just that word, which the index leaves out.
  const words = query.words.filter((word) => indexTerm(word) !== null || (word === typing && query.words.length === 1));
  const clauses: Clause[] = words.map((word) => ({
    terms: distinct([...(word === typing && word.length >= MIN_PREFIX ? typedWordTerms(index, word) : exactTerms(index, [word])), ...(fuzzy ? typoTerms(index, word) : [])]),
    titleWord: true,
  }));
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

/** The first of each term: a completion may also be a typo away. */
function distinct(terms: ClauseTerm[]): ClauseTerm[] {
  const seen = new Set<string>();
  return terms.filter(({ term }) => !seen.has(term) && seen.add(term));
}

function contentWords(words: readonly string[]): string[] {
  return words.filter((word) => indexTerm(word) !== null);
}

function exactTerms(index: PaperMiniSearch, words: readonly string[]): ClauseTerm[] {
  return words.flatMap((term) => {
    const postings = index.termPostings(term);
    return postings ? [{ term, weight: 1, postings }] : [];
  });
}

/** The word as typed, and the commonest indexed words it begins (by how many documents hold them). */
function typedWordTerms(index: PaperMiniSearch, word: string): ClauseTerm[] {
  const prefix = normalizeTerm(word);
  const completions: (ClauseTerm & { documents: number })[] = [];
  for (const [term, postings] of index.prefixTerms(prefix)) {
    if (term === prefix || STOP_WORDS.has(term)) continue;
    let documents = 0;
    for (const inField of postings.values()) documents = Math.max(documents, inField.size);
    completions.push({ term, weight: COMPLETION_WEIGHT, postings, documents });
  }
  completions.sort((a, b) => b.documents - a.documents || (a.term < b.term ? -1 : 1));
  return [...exactTerms(index, [prefix]), ...completions.slice(0, MAX_COMPLETIONS).map(({ term, weight, postings }) => ({ term, weight, postings }))];
}

/** Indexed words a typo or two from a long word, weighted as MiniSearch weighs fuzzy matches. */
function typoTerms(index: PaperMiniSearch, word: string): ClauseTerm[] {
  if (word.length < MIN_FUZZY) return [];
  const maxDistance = Math.min(MAX_FUZZY, Math.round(word.length * FUZZY_SHARE));
  return index
    .fuzzyTerms(word, maxDistance)
    .filter(([, , distance]) => distance > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([term, postings, distance]) => ({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance), postings }));
}

/** Categories are indexed whole and lower-cased: "cs.CL" matches "cs.cl" and nothing else. */
function categoryClause(index: PaperMiniSearch, category: string): Clause {
  return { terms: exactTerms(index, [category.toLowerCase()]), fields: [CATEGORIES], titleWord: false };
}
