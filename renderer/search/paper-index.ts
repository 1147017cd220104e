import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { Paper } from '../../shared/paper';
import type { MatchTerm } from './highlight';
import { normalizeTerm, parseQuery, searchTerms, tokenize, type ParsedQuery } from './query-syntax';

/** What the index needs of a paper. It stores none of it: results are ids, the text stays in the database. */
export type IndexedPaper = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'categories' | 'arxivId'>;

/** Bumped whenever what is indexed or how changes: a persisted index of another schema is rebuilt. */
export const INDEX_SCHEMA = 1;

/** Words so common in abstracts that they find everything and rank nothing. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was we were which with our these their than into can also'.split(' '),
);
const FIELDS = ['title', 'authors', 'abstract', 'categories'] as const;
const BOOST = { title: 4, authors: 2.5, abstract: 1, categories: 1 };
/** Shorter prefixes expand to too many words to be worth it: they are matched exactly. */
const MIN_PREFIX = 2;
/** A typed prefix stands for at most this many of the commonest words it begins. */
const MAX_EXPANSIONS = 16;
const COMPLETION_WEIGHT = 0.375;
const MIN_FUZZY = 6;
const MIN_EXCLUDED_PREFIX = 4;
/** Fuzzy matching runs only when exact matching finds fewer results than this. */
const FEW_RESULTS = 5;

type Document = { id: string; title: string; authors: string; abstract: string; categories: string };

const foldTerm = (term: string): string | null => {
  const folded = normalizeTerm(term);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
};

const OPTIONS = {
  fields: [...FIELDS],
  // Titles alone are kept (a few MB at 100,000 papers), to rank a paper whose title the query spells out first.
  storeFields: ['title'],
  // Categories are kept whole ("cs.cl"), everything else is split into words.
  tokenize: (text: string, field?: string) => (field === 'categories' ? text.split(' ') : tokenize(text)),
  processTerm: (term: string) => foldTerm(term),
  searchOptions: { boost: BOOST },
  // MiniSearch's automatic vacuuming walks the term tree in timed batches and breaks when the index
  // changes in between; the worker vacuums itself, between its own steps.
  autoVacuum: false,
};

export interface IndexResult {
  /** Paper ids, best first. */
  ids: string[];
  /** The words that matched, for highlighting. */
  terms: MatchTerm[];
}

/**
 * Full-text search over titles, authors, abstracts and categories, with arXiv ids found exactly.
 * Every word must match (AND); only the word still being typed is prefix-matched, and typos are
 * forgiven in long words only when exact matching finds too little.
 */
type TermPostings = Map<number, Map<number, number>>;

/**
 * The commonest indexed words starting with a prefix, by how many documents hold them. MiniSearch
 * has no public way to list its words; its radix tree is the protected `_index`, whose
 * `atPrefix` it documents for subclasses.
 */
function expansions(index: MiniSearch<Document>, prefix: string, limit: number): string[] {
  const tree = (index as unknown as { _index: { atPrefix(prefix: string): Iterable<[string, TermPostings]> } })._index;
  const found: { term: string; documents: number }[] = [];
  for (const [term, fields] of tree.atPrefix(prefix)) {
    let documents = 0;
    for (const postings of fields.values()) documents = Math.max(documents, postings.size);
    found.push({ term, documents });
  }
  return found
    .sort((a, b) => b.documents - a.documents)
    .slice(0, limit)
    .map(({ term }) => term);
}

export class PaperIndex {
  constructor(
    private readonly index = new MiniSearch<Document>(OPTIONS),
    private readonly arxivIds = new Map<string, string>(),
  ) {}

  static load(serialized: string): PaperIndex {
    const { schema, index, arxivIds } = JSON.parse(serialized) as { schema: number; index: never; arxivIds: [string, string][] };
    if (schema !== INDEX_SCHEMA) throw new Error(`search index schema ${schema} is not ${INDEX_SCHEMA}`);
    return new PaperIndex(MiniSearch.loadJS<Document>(index, OPTIONS), new Map(arxivIds));
  }

  serialize(): string {
    return JSON.stringify({ schema: INDEX_SCHEMA, index: this.index, arxivIds: [...this.arxivIds] });
  }

  get size(): number {
    return this.index.documentCount;
  }

  upsert(papers: readonly IndexedPaper[]): void {
    for (const paper of papers) {
      const document: Document = {
        id: paper.id,
        title: paper.title,
        authors: paper.authors.join('; '),
        abstract: paper.abstract,
        categories: paper.categories.join(' ').toLowerCase(),
      };
      if (this.index.has(paper.id)) this.index.replace(document);
      else this.index.add(document);
      if (paper.arxivId) this.arxivIds.set(paper.arxivId, paper.id);
    }
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /** How much of the index is left over from replaced or removed papers, 0 to 1. */
  get dirtFactor(): number {
    return this.index.dirtFactor;
  }

  /** Drops what replaced and removed papers left behind. Nothing else may change the index until it resolves. */
  vacuum(): Promise<void> {
    return this.index.vacuum();
  }

  /** Ids best first, for a query as the user typed it. */
  search(text: string): string[] {
    return this.query(parseQuery(text)).ids;
  }

  query(query: ParsedQuery): IndexResult {
    const exact = query.arxivIds.map((arxivId) => this.arxivIds.get(arxivId)).filter((id): id is string => id !== undefined);
    const positive = positiveQueries(query, (prefix) => expansions(this.index, prefix, MAX_EXPANSIONS));
    if (positive.length === 0) return { ids: exact, terms: [] };
    let results = this.run(positive, query, false);
    if (results.length < FEW_RESULTS && allTerms(query).some((term) => term.length >= MIN_FUZZY)) {
      results = this.run(positive, query, true);
    }
    const ids = rankTitleMatchesFirst(results, query).map((result) => String(result.id));
    const terms = [...new Set(results.slice(0, 50).flatMap((result) => result.terms))];
    return {
      ids: [...new Set([...exact, ...ids])],
      terms: terms.map((term) => ({ term, prefix: false })),
    };
  }

  private run(positive: Query[], query: ParsedQuery, fuzzy: boolean) {
    const options: SearchOptions = {
      fuzzy: fuzzy ? (term) => (term.length >= MIN_FUZZY ? 0.2 : false) : false,
      maxFuzzy: 2,
    };
    const matching: Query = { combineWith: 'AND', queries: positive, ...options };
    const excludedWords = query.excluded.filter((word) => foldTerm(word) !== null);
    const excluded: Query[] = [
      // "-array" leaves out "arrays" too.
      ...(excludedWords.length > 0 ? [{ queries: excludedWords, prefix: (term: string) => term.length >= MIN_EXCLUDED_PREFIX }] : []),
      ...query.excludedCategories.map((category) => categoryQuery(category)),
    ];
    const search: Query = excluded.length > 0 ? { combineWith: 'AND_NOT', queries: [matching, { combineWith: 'OR', queries: excluded }] } : matching;
    return this.index.search(search);
  }
}

/**
 * One subquery per word, phrase word, author name and category. The word still being typed
 * stands for itself or any of the commonest words it begins — a capped prefix match, since a
 * short prefix ("co") begins thousands of words.
 */
function positiveQueries(query: ParsedQuery, expand: (prefix: string) => string[]): Query[] {
  const typing = query.lastWordIsPrefix ? query.words.at(-1) : undefined;
  // A stop word still being typed counts only when it is all there is ("the" → "theory"); after
  // other words ("models with") it is most likely just that word, which the index leaves out.
  const words = query.words.filter((word) => foldTerm(word) !== null || (word === typing && query.words.length === 1));
  const queries: Query[] = words.map((word) => {
    if (word !== typing || word.length < MIN_PREFIX) return { queries: [word] };
    const completions = expand(normalizeTerm(word)).filter((term) => term !== word && !STOP_WORDS.has(term));
    // A stop word still being typed may be the start of a real word ("the" → "theory").
    // Completions weigh what MiniSearch gives prefix matches: less than the word as typed.
    return {
      combineWith: 'OR',
      queries: [word, ...completions],
      processTerm: normalizeTerm,
      boostTerm: (term) => (term === normalizeTerm(word) ? 1 : COMPLETION_WEIGHT),
    };
  });
  for (const phrase of query.phrases) {
    const phraseWords = phrase.filter((word) => foldTerm(word) !== null);
    if (phraseWords.length > 0) queries.push({ queries: phraseWords, combineWith: 'AND' });
  }
  for (const author of query.authors) if (author.length > 0) queries.push({ queries: author, combineWith: 'AND', fields: ['authors'] });
  for (const category of query.categories) queries.push(categoryQuery(category));
  return queries;
}

/** Categories are indexed whole and lower-cased: "cs.CL" matches "cs.cl" and nothing else. */
function categoryQuery(category: string): Query {
  return { queries: [category.toLowerCase()], fields: ['categories'], tokenize: (text) => [text], processTerm: (term) => term };
}

/**
 * Papers whose title holds every word of the query come first, and those whose title begins with
 * the query before them: a researcher who types the start of a title wants that paper. BM25 order
 * is kept within each tier.
 */
function rankTitleMatchesFirst(results: SearchResult[], query: ParsedQuery): SearchResult[] {
  const words = query.words.map(normalizeTerm).filter((word) => !STOP_WORDS.has(word));
  if (words.length < 2) return results;
  const typing = query.lastWordIsPrefix ? words.at(-1) : undefined;
  const tier = (title: string) => {
    const titleWords = searchTerms(title).filter((word) => !STOP_WORDS.has(word));
    const matches = (word: string, titleWord: string | undefined) =>
      titleWord !== undefined && (titleWord === word || (word === typing && titleWord.startsWith(word)));
    if (words.every((word, position) => matches(word, titleWords[position]))) return 2;
    return words.every((word) => titleWords.some((titleWord) => matches(word, titleWord))) ? 1 : 0;
  };
  const tiers = new Map(results.map((result) => [result, tier(String(result['title'] ?? ''))]));
  return [...results].sort((a, b) => tiers.get(b)! - tiers.get(a)!);
}

function allTerms(query: ParsedQuery): string[] {
  return [...query.words, ...query.phrases.flat()];
}
