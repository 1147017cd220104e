import type { Paper } from '../../shared/paper';
import { matchClauses, matchedTerms, type Clause } from './clause-matcher';
import type { MatchTerm } from './highlight';
import { PostingStore, type IndexJob } from './posting-store';
import { PrefixCompletions } from './prefix-completions';
import { hasTypoCandidates, queryClauses } from './query-clauses';
import { parseQuery, type ParsedQuery } from './query-syntax';
import { rankMatches } from './rank-matches';
import type { SearchDocument } from './segment-builder';

/** What the index needs of a paper. It keeps no text: results are ids, the text stays in the database. */
export type IndexedPaper = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'categories' | 'arxivId' | 'published'>;

export interface IndexResult {
  /** Paper ids, best first. */
  ids: string[];
  /** The words that matched, for highlighting. */
  terms: MatchTerm[];
}

/** A paper as the index takes it. */
export function toSearchDocument(paper: IndexedPaper): SearchDocument {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.join('; '),
    abstract: paper.abstract,
    categories: paper.categories.join(' ').toLowerCase(),
    date: paper.published ?? '',
    arxivId: paper.arxivId,
  };
}

/** Papers added in one segment at most: larger batches make fewer segments, so fewer merges. */
export const UPSERT_BATCH = 5000;
/** Fuzzy matching runs only when exact matching finds fewer results than this. */
const FEW_RESULTS = 5;
/** The results whose matched words are reported for highlighting. */
const HIGHLIGHTED_RESULTS = 50;

/**
 * Full-text search over titles, authors, abstracts and categories, with arXiv ids found exactly.
 * Every word must match (AND); only the word still being typed is prefix-matched, and typos are
 * forgiven only when exact matching finds too little: two swapped letters in words of four letters
 * or more, other typos in long words.
 */
export class PaperIndex {
  readonly store: PostingStore;
  private readonly completions: PrefixCompletions;

  /** An empty index, or one around a store restored from a saved index. */
  constructor(store = new PostingStore()) {
    this.store = store;
    this.completions = new PrefixCompletions(store);
  }

  get size(): number {
    return this.store.documentCount;
  }

  has(id: string): boolean {
    return this.store.has(id);
  }

  /** The ids of the papers in the index. */
  ids(): Iterable<string> {
    return this.store.paperIds();
  }

  /** Adds or replaces papers at once; the worker uses `upsertJob`, to answer searches in between. */
  upsert(papers: readonly IndexedPaper[]): void {
    for (let start = 0; start < papers.length; start += UPSERT_BATCH) {
      const job = this.upsertJob(papers.slice(start, start + UPSERT_BATCH));
      while (!job.step(Infinity));
      job.finish();
    }
  }

  /**
   * Adds or replaces papers in slices: they are searchable, and their earlier versions gone, once
   * the job is finished. Nothing else may change the index until then. `newestArrival`: the latest
   * library generation among them, when known.
   */
  upsertJob(papers: readonly IndexedPaper[], newestArrival = 0): IndexJob {
    const latest = new Map(papers.map((paper) => [paper.id, paper]));
    return this.store.upsertJob([...latest.values()].map(toSearchDocument), newestArrival);
  }

  remove(ids: Iterable<string>): void {
    this.store.remove(ids);
  }

  /** Ids best first, for a query as the user typed it. */
  search(text: string): string[] {
    return this.query(parseQuery(text)).ids;
  }

  query(query: ParsedQuery): IndexResult {
    const exact = query.arxivIds.map((arxivId) => this.store.paperWithArxivId(arxivId)).filter((id): id is string => id !== undefined);
    const asTyped = this.match(query, false);
    const found = (!asTyped || asTyped.ranked.length < FEW_RESULTS) && hasTypoCandidates(query) ? this.matchForgivingTypos(query, asTyped) : asTyped;
    if (!found) return { ids: exact, terms: [] };
    const { ranked, clauses } = found;
    const terms = new Set([...ranked.subarray(0, HIGHLIGHTED_RESULTS)].flatMap((shortId) => matchedTerms(clauses, shortId)));
    const { paperIds } = this.store.scoringView();
    const ids: string[] = [];
    for (const shortId of ranked) ids.push(paperIds[shortId]!);
    return {
      ids: exact.length > 0 ? [...new Set([...exact, ...ids])] : ids,
      terms: [...terms].map((term) => ({ term })),
    };
  }

  /** Null when the query has a word that nothing matches; else the matches, best first. */
  private match(query: ParsedQuery, fuzzy: boolean): Found | null {
    const clauses = queryClauses(this.store, this.completions, query, fuzzy);
    if (!clauses || clauses.clauses.length === 0) return null;
    const matches = matchClauses(this.store, clauses.clauses, clauses.exclusions);
    return { ranked: rankMatches(this.store, matches, query), clauses: clauses.clauses };
  }

  /**
   * The matches with typos forgiven, those of the words as typed first: a paper that holds a rare
   * word spelt as typed ("discreet") would otherwise rank below papers with a commoner word a
   * typo away ("discrete") in their title.
   */
  private matchForgivingTypos(query: ParsedQuery, asTyped: Found | null): Found | null {
    const forgiving = this.match(query, true);
    if (!forgiving || !asTyped || asTyped.ranked.length === 0) return forgiving;
    return { ranked: firstThenRest(asTyped.ranked, forgiving.ranked), clauses: forgiving.clauses };
  }
}

interface Found {
  /** Short ids, best first. */
  ranked: Int32Array;
  clauses: Clause[];
}

/** `first` in its order, then the rest of `all` in theirs. */
function firstThenRest(first: Int32Array, all: Int32Array): Int32Array {
  const isFirst = new Set(first);
  const rest = all.filter((shortId) => !isFirst.has(shortId));
  const ranked = new Int32Array(first.length + rest.length);
  ranked.set(first);
  ranked.set(rest, first.length);
  return ranked;
}
