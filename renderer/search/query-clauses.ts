import type { Clause, ClauseTerm } from './clause-matcher';
import { AUTHORS, CATEGORIES, indexTerm } from './index-terms';
import type { PostingStore } from './posting-store';
import type { PrefixCompletions } from './prefix-completions';
import type { ParsedQuery } from './query-syntax';

/** Shorter prefixes expand to too many words to be worth it: they are matched exactly. */
const MIN_PREFIX = 2;
/** A completion weighs less than the word as typed, as MiniSearch weighs prefix matches. */
const COMPLETION_WEIGHT = 0.375;
/** Typos other than a swap of two letters are forgiven in words at least this long. */
const MIN_FUZZY = 6;
/**
 * Two swapped letters are forgiven in words at least this long: a word has only one swap per pair
 * of neighbouring letters, each looked up exactly, so shorter words than MIN_FUZZY can afford it.
 */
const MIN_TRANSPOSED = 4;
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
 * for itself and the commonest words it begins (see PrefixCompletions); with `fuzzy`, words that are rare or absent
 * also stand for the indexed words a typo or two away. Null when some clause can match nothing.
 */
export function queryClauses(index: PostingStore, completions: PrefixCompletions, query: ParsedQuery, fuzzy: boolean): QueryClauses | null {
  const typing = query.lastWordIsPrefix ? query.words.at(-1) : undefined;
  // A stop word still being typed counts only when it is all there is ("the" → "theory"); after
  // other words ("models with") it is most likely just that word, which the index leaves out.
  const words = query.words.filter((word) => indexTerm(word) !== null || (word === typing && query.words.length === 1));
  const clauses: Clause[] = words.map((word) => {
    const lookup: WordLookup = { index, completions, typing: word === typing };
    const terms = wordTerms(lookup, word, 1);
    const documents = documentsOf(index, terms);
    return { terms: fuzzy && documents < RARE_WORD ? heaviestOfEach([...terms, ...typoTerms(lookup, word, documents === 0)]) : terms, titleWord: true };
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

/** Whether fuzzy matching could add anything to the query: only free words are forgiven typos. */
export function hasTypoCandidates(query: ParsedQuery): boolean {
  return query.words.some((word) => word.length >= MIN_TRANSPOSED);
}

/** Where a free word of the query is looked up, and whether it is the word still being typed. */
interface WordLookup {
  index: PostingStore;
  completions: PrefixCompletions;
  typing: boolean;
}

/** A word and, while it is being typed, the commonest words it begins, at `weight` for the word itself. */
function wordTerms({ index, completions, typing }: WordLookup, word: string, weight: number): ClauseTerm[] {
  const completed = typing && word.length >= MIN_PREFIX ? completions.of(word) : [];
  return [...exactTerms(index, [word], weight), ...exactTerms(index, completed, weight * COMPLETION_WEIGHT)];
}

/** About how many documents hold any of the terms. */
function documentsOf(index: PostingStore, terms: readonly ClauseTerm[]): number {
  return Math.max(0, ...terms.map(({ postings }) => index.dictionary.documentsHolding(postings.term)));
}

/** The heaviest of each term, in order: a completion may also be a typo away. */
function heaviestOfEach(terms: readonly ClauseTerm[]): ClauseTerm[] {
  const heaviest = new Map<string, ClauseTerm>();
  for (const term of terms) if ((heaviest.get(term.term)?.weight ?? -1) < term.weight) heaviest.set(term.term, term);
  return terms.filter((term) => heaviest.get(term.term) === term);
}

function contentWords(words: readonly string[]): string[] {
  return words.filter((word) => indexTerm(word) !== null);
}

function exactTerms(index: PostingStore, words: readonly string[], weight = 1): ClauseTerm[] {
  return words.flatMap((term) => {
    const postings = index.termPostings(term);
    return postings ? [{ term, weight, postings }] : [];
  });
}

/**
 * Indexed words a typo or two from a word, weighted as MiniSearch weighs fuzzy matches, with a
 * swap of two neighbouring letters counted as one typo, as a reader counts it ("transfromer"),
 * though it is two edits to MiniSearch. Two edits are looked for only for a word found nowhere,
 * when one typo finds nothing: that walk of the term tree costs ten times more.
 */
function typoTerms(lookup: WordLookup, word: string, unknownWord: boolean): ClauseTerm[] {
  const swappedTerms = swapTerms(lookup, word);
  if (word.length < MIN_FUZZY) return swappedTerms;
  let edited = lookup.index.fuzzyTerms(word, 1).filter(([, , distance]) => distance > 0);
  if (edited.length === 0 && swappedTerms.length === 0 && unknownWord && Math.round(word.length * FUZZY_SHARE) > 1) {
    edited = lookup.index.fuzzyTerms(word, 2).filter(([, , distance]) => distance > 0);
  }
  const editTerms = edited
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([term, postings, distance]) => ({ term, weight: fuzzyWeight(term, distance), postings }));
  return [...swappedTerms, ...editTerms];
}

/**
 * The indexed words the word becomes with two neighbouring letters swapped, each standing for
 * what the word would stand for, completions included, at the weight of one typo: so that
 * "transfromer" finds what "transformer" finds, in the same order.
 */
function swapTerms(lookup: WordLookup, word: string): ClauseTerm[] {
  if (word.length < MIN_TRANSPOSED) return [];
  return swappedNeighbours(word)
    .filter((swapped) => lookup.index.termPostings(swapped) !== undefined)
    .flatMap((swapped) => wordTerms(lookup, swapped, fuzzyWeight(swapped, 1)));
}

/** The word with each pair of neighbouring letters swapped, where that changes it. */
function swappedNeighbours(word: string): string[] {
  const swaps = new Set<string>();
  for (let position = 0; position + 1 < word.length; position += 1) {
    if (word[position] === word[position + 1]) continue;
    swaps.add(word.slice(0, position) + word[position + 1] + word[position] + word.slice(position + 2));
  }
  return [...swaps];
}

/** MiniSearch's weight for a fuzzy match `distance` edits away. */
function fuzzyWeight(term: string, distance: number): number {
  return (FUZZY_WEIGHT * term.length) / (term.length + distance);
}

/** Categories are indexed whole and lower-cased: "cs.CL" matches "cs.cl" and nothing else. */
function categoryClause(index: PostingStore, category: string): Clause {
  return { terms: exactTerms(index, [category.toLowerCase()]), fields: [CATEGORIES], titleWord: false };
}
