import type { Paper } from '../../shared/paper';
import { BatchIndexer } from './batch-indexer';
import { matchClauses, matchedTerms, type Clause } from './clause-matcher';
import type { MatchTerm } from './highlight';
import { PartRestorer, SnapshotWriter, type PartSizes, type SnapshotHead, type SnapshotPart } from './index-snapshot';
import { PaperMiniSearch, type SearchDocument } from './paper-minisearch';
import { PrefixCompletions } from './prefix-completions';
import { hasTypoCandidates, queryClauses } from './query-clauses';
import { parseQuery, type ParsedQuery } from './query-syntax';
import { rankMatches } from './rank-matches';

/** What the index needs of a paper. It keeps no text: results are ids, the text stays in the database. */
export type IndexedPaper = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'categories' | 'arxivId' | 'published'>;

export interface IndexResult {
  /** Paper ids, best first. */
  ids: string[];
  /** The words that matched, for highlighting. */
  terms: MatchTerm[];
}

/** A paper as MiniSearch indexes it. */
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

/** Papers added in one batch: larger batches add each term's postings in fewer, faster runs. */
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
  private engine = new PaperMiniSearch();
  private completions = new PrefixCompletions(this.engine);
  /** arXiv id → paper id, for ids pasted into the search box. */
  private readonly arxivIds = new Map<string, string>();

  get size(): number {
    return this.engine.documentCount;
  }

  has(id: string): boolean {
    return this.engine.has(id);
  }

  /** The ids of the papers in the index. */
  *ids(): Iterable<string> {
    for (const [, facts] of this.engine.liveDocuments()) yield facts.id;
  }

  upsert(papers: readonly IndexedPaper[]): void {
    for (let start = 0; start < papers.length; start += UPSERT_BATCH) this.beginUpsert(papers.slice(start, start + UPSERT_BATCH)).step(Infinity);
  }

  /** Adds or replaces papers in slices (see BatchIndexer); nothing else may change the index until it is done. */
  beginUpsert(papers: readonly IndexedPaper[]): BatchIndexer {
    const latest = new Map(papers.map((paper) => [paper.id, paper]));
    for (const paper of latest.values()) {
      this.remove(paper.id);
      if (paper.arxivId) this.arxivIds.set(paper.arxivId, paper.id);
    }
    return new BatchIndexer(this.engine, [...latest.values()].map(toSearchDocument));
  }

  remove(id: string): void {
    if (!this.engine.has(id)) return;
    const shortId = this.engine.shortIdOf(id);
    const arxivId = shortId === undefined ? null : this.engine.factsOf(shortId)?.arxivId;
    if (arxivId && this.arxivIds.get(arxivId) === id) this.arxivIds.delete(arxivId);
    this.engine.discard(id);
  }

  /** How much of the index is left over from replaced or removed papers, 0 to 1. */
  get dirtFactor(): number {
    return this.engine.dirtFactor;
  }

  /** Drops what replaced and removed papers left behind, in slices; nothing else may change the index until it is done. */
  vacuumJob(): { step(deadline: number): boolean } {
    return this.engine.vacuumJob();
  }

  /** Ids best first, for a query as the user typed it. */
  search(text: string): string[] {
    return this.query(parseQuery(text)).ids;
  }

  query(query: ParsedQuery): IndexResult {
    const exact = query.arxivIds.map((arxivId) => this.arxivIds.get(arxivId)).filter((id): id is string => id !== undefined);
    const asTyped = this.match(query, false);
    const found = (!asTyped || asTyped.ranked.length < FEW_RESULTS) && hasTypoCandidates(query) ? this.matchForgivingTypos(query, asTyped) : asTyped;
    if (!found) return { ids: exact, terms: [] };
    const { ranked, clauses } = found;
    const terms = new Set([...ranked.subarray(0, HIGHLIGHTED_RESULTS)].flatMap((shortId) => matchedTerms(clauses, shortId)));
    const { paperIds } = this.engine.scoringArrays();
    const ids: string[] = [];
    for (const shortId of ranked) ids.push(paperIds[shortId]!);
    return {
      ids: exact.length > 0 ? [...new Set([...exact, ...ids])] : ids,
      terms: [...terms].map((term) => ({ term })),
    };
  }

  /** Starts saving the index in parts; see SnapshotWriter. */
  snapshotWriter(generation: number, sizes?: PartSizes): SnapshotWriter {
    return new SnapshotWriter(this.engine, generation, sizes);
  }

  /** Empties the index to restore a saved one into it, part by part, newest papers first. */
  beginRestore(head: SnapshotHead): void {
    this.engine = new PaperMiniSearch();
    this.completions = new PrefixCompletions(this.engine);
    this.arxivIds.clear();
    this.engine.beginRestore(head.documentCount, head.averageFieldLengths);
  }

  partRestorer(part: SnapshotPart): PartRestorer {
    part.ids.forEach((id, position) => {
      const arxivId = part.arxivIds[position];
      if (arxivId) this.arxivIds.set(arxivId, id);
    });
    return new PartRestorer(this.engine, part);
  }

  /** Null when the query has a word that nothing matches; else the matches, best first. */
  private match(query: ParsedQuery, fuzzy: boolean): Found | null {
    const clauses = queryClauses(this.engine, this.completions, query, fuzzy);
    if (!clauses || clauses.clauses.length === 0) return null;
    const matches = matchClauses(this.engine, clauses.clauses, clauses.exclusions);
    return { ranked: rankMatches(this.engine, matches, query), clauses: clauses.clauses };
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
