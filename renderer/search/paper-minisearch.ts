import MiniSearch, { type Options } from 'minisearch';
import { BatchIndexer } from './batch-indexer';
import { FIELDS, fieldTokens, indexTerm } from './index-terms';
import { walkUntil } from './sliced-walk';

/** A paper as the index takes it: its searchable text, and what ranking and saving need. */
export interface SearchDocument {
  id: string;
  title: string;
  /** Author names joined by "; ". */
  authors: string;
  abstract: string;
  /** Lower-case categories joined by spaces. */
  categories: string;
  /** The list's order (publication date): the newest papers are saved first and load first. */
  date: string;
  arxivId: string | null;
}

/** What the index keeps of a document beside its postings. */
export interface DocumentFacts {
  id: string;
  date: string;
  /** The title's search terms joined by spaces, stop words kept: to tell whether a title begins with a query. */
  titleTerms: string;
  arxivId: string | null;
  /** Unique words per field, as MiniSearch counts them for BM25. */
  fieldLengths: readonly number[];
}

/** One term's postings, in MiniSearch's own layout: field id → short document id → term frequency. */
export type TermPostings = Map<number, Map<number, number>>;

const FIELD_COUNT = FIELDS.length;
const newPostings = (): TermPostings => new Map();

/** About how many documents hold a term: as many as its largest field lists. */
export function documentsHolding(postings: TermPostings): number {
  let documents = 0;
  for (const inField of postings.values()) documents = Math.max(documents, inField.size);
  return documents;
}

export const MINISEARCH_OPTIONS: Options<SearchDocument> = {
  fields: [...FIELDS],
  tokenize: fieldTokens,
  processTerm: indexTerm,
  // MiniSearch's automatic vacuuming walks the term tree in timed batches and breaks when the
  // index changes in between; the worker vacuums itself, between its own steps.
  autoVacuum: false,
};


/**
 * MiniSearch with what its public API lacks for 100,000 papers: adding documents a term at a time
 * rather than a word occurrence at a time, reading a term's postings to score them in one pass, and
 * saving and restoring the index in parts. It works on MiniSearch's protected state, which MiniSearch
 * keeps protected for subclasses, and leaves it as MiniSearch's own `add` does, so `discard`,
 * `vacuum`, `search` and `toJSON` keep working.
 */
export class PaperMiniSearch extends MiniSearch<SearchDocument> {
  /** Facts by short id; undefined once discarded. */
  private readonly facts: (DocumentFacts | undefined)[] = [];
  /** Paper ids by short id, undefined once discarded: scoring and ranking read these without touching the facts. */
  private readonly ids: (string | undefined)[] = [];
  /** Field lengths by short id × field, mirroring MiniSearch's `_fieldLength` for the scoring loop. */
  private lengths = new Float64Array(FIELD_COUNT * 1024);
  /** Days from 1970 to each document's date, for ranking ties newest first. */
  private days = new Uint16Array(1024);
  /** Documents discarded so far, and how many of them a term's postings were last cleaned of. */
  private discards = 0;
  private vacuumedAt = 0;
  private readonly cleanedAt = new WeakMap<TermPostings, number>();
  /** Documents reserved and not yet activated. */
  private reserved = 0;
  /** Bumped whenever a term gets its first live posting, so that remembered completions know to look again. */
  termsAdded = 0;

  constructor() {
    super(MINISEARCH_OPTIONS);
  }

  /** MiniSearch's own add (and addAll) would leave out the facts that scoring reads. */
  override add(document: SearchDocument): void {
    new BatchIndexer(this, [document]).step(Infinity);
  }

  override discard(id: string): void {
    const shortId = this._idToShortId.get(id);
    super.discard(id);
    if (shortId !== undefined) this.facts[shortId] = this.ids[shortId] = undefined;
    this.discards += 1;
  }

  /**
   * Drops discarded documents' postings from every term, a slice of terms at a time, as MiniSearch's
   * vacuum does, but so that searches are answered in between. Nothing may change the index until it is done.
   */
  vacuumJob(): { step(deadline: number): boolean } {
    const [discards, dirt] = [this.discards, this._dirtCount];
    const entries = this._index.entries();
    return {
      step: (deadline) => {
        // Only the vacuum takes terms out of the tree: the term it is on is the one term the
        // tree's iterator allows to go, and its iterators outlive a slice.
        const done = walkUntil(entries, deadline, ([term, postings]) => {
          if (!this.cleaned(postings)) this._index.delete(term);
        });
        if (!done) return false;
        this.vacuumedAt = discards;
        this._dirtCount -= dirt;
        return true;
      },
    };
  }

  /** The postings of one exact term, of live documents only. */
  termPostings(term: string): TermPostings | undefined {
    const postings = this._index.get(term);
    return postings && this.cleaned(postings);
  }

  /** Every indexed term that begins with `prefix`, the prefix itself included. */
  prefixTerms(prefix: string): [string, TermPostings][] {
    return [...this._index.atPrefix(prefix)].flatMap(([term, postings]) => {
      const live = this.cleaned(postings);
      return live ? [[term, live]] : [];
    });
  }

  /** Indexed terms within `maxDistance` edits of `term`, with their distance. */
  fuzzyTerms(term: string, maxDistance: number): [string, TermPostings, number][] {
    return [...this._index.fuzzyGet(term, maxDistance)].flatMap(([found, [postings, distance]]) => {
      const live = this.cleaned(postings);
      return live ? [[found, live, distance]] : [];
    });
  }

  /** Every term with its postings, in the tree's order. */
  termEntries(): Iterator<[string, TermPostings]> {
    return this._index.entries();
  }

  shortIdOf(id: string): number | undefined {
    return this._idToShortId.get(id);
  }

  factsOf(shortId: number): DocumentFacts | undefined {
    return this.facts[shortId];
  }

  /**
   * What scoring and ranking read for every match, as dense arrays by short id: the paper id
   * (undefined when not searchable), unique words per field (FIELDS.length per document), and
   * days from 1970-01-01 to the document's date (0 when unknown). Valid until the index next changes.
   */
  scoringArrays(): { paperIds: readonly (string | undefined)[]; fieldLengths: Float64Array; days: Uint16Array } {
    return { paperIds: this.ids, fieldLengths: this.lengths, days: this.days };
  }

  averageFieldLength(fieldId: number): number {
    return this._avgFieldLength[fieldId] ?? 0;
  }

  /** Every short id in use is below this. */
  get shortIdLimit(): number {
    return this._nextId;
  }

  /** Searchable documents by short id. */
  *liveDocuments(): Iterable<[number, DocumentFacts]> {
    for (const shortId of this._documentIds.keys()) {
      const facts = this.facts[shortId];
      if (facts) yield [shortId, facts];
    }
  }

  /** Takes a short id for a document about to be added; it is found by searches once activated. */
  reserveShortId(id: string): number {
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    const shortId = this._nextId;
    this._idToShortId.set(id, shortId);
    this._documentIds.set(shortId, id);
    this._documentCount += 1;
    this._nextId += 1;
    this.reserved += 1;
    return shortId;
  }

  /** The postings of a term about to get new ones, created when new. */
  postingsFor(term: string): TermPostings {
    const postings = this._index.fetch(term, newPostings);
    if (postings.size === 0) this.termsAdded += 1;
    return postings;
  }

  /** Makes a reserved document searchable, once its postings are in; it counts toward average field lengths as MiniSearch's add counts it. */
  activate(shortId: number, facts: DocumentFacts): void {
    const others = this._documentCount - this.reserved;
    facts.fieldLengths.forEach((length, fieldId) => {
      this._avgFieldLength[fieldId] = ((this._avgFieldLength[fieldId] ?? 0) * others + length) / (others + 1);
    });
    this.reserved -= 1;
    this.addFacts(shortId, facts);
  }

  /** Prepares an empty index for documents restored from a snapshot, under the short ids they were saved with. */
  beginRestore(nextId: number, averageFieldLengths: readonly number[]): void {
    if (this._documentCount > 0) throw new Error('PaperMiniSearch: restore into an empty index only');
    this._nextId = nextId;
    this._avgFieldLength = [...averageFieldLengths];
  }

  /** Takes a saved document's short id back; it is found by searches once its part is restored and it is activated. */
  restoreDocument(shortId: number, id: string): void {
    this._idToShortId.set(id, shortId);
    this._documentIds.set(shortId, id);
    this._documentCount += 1;
  }

  /** Makes a restored document searchable; the saved average field lengths already count it. */
  activateRestored(shortId: number, facts: DocumentFacts): void {
    this.addFacts(shortId, facts);
  }

  /**
   * A term's postings without discarded documents, which MiniSearch leaves in place until a vacuum,
   * so that document frequencies, and so scores, are those of live documents, as MiniSearch's own
   * search keeps them. Undefined when nothing live is left. Each term is cleaned once per discard.
   */
  private cleaned(postings: TermPostings): TermPostings | undefined {
    if (Math.max(this.cleanedAt.get(postings) ?? 0, this.vacuumedAt) < this.discards) {
      for (const [fieldId, inField] of postings) {
        for (const shortId of inField.keys()) if (!this._documentIds.has(shortId)) inField.delete(shortId);
        if (inField.size === 0) postings.delete(fieldId);
      }
      this.cleanedAt.set(postings, this.discards);
    }
    return postings.size > 0 ? postings : undefined;
  }

  private addFacts(shortId: number, facts: DocumentFacts): void {
    this.facts[shortId] = facts;
    this.ids[shortId] = facts.id;
    this._fieldLength.set(shortId, [...facts.fieldLengths]);
    if (this.days.length <= shortId) {
      this.days = grown(this.days, shortId + 1);
      this.lengths = grown(this.lengths, (shortId + 1) * FIELD_COUNT);
    }
    this.days[shortId] = daysSince1970(facts.date);
    facts.fieldLengths.forEach((length, fieldId) => {
      this.lengths[shortId * FIELD_COUNT + fieldId] = length;
    });
  }
}

function grown<T extends Float64Array | Uint16Array>(array: T, least: number): T {
  const larger = new (array.constructor as new (length: number) => T)(Math.max(array.length * 2, least));
  larger.set(array);
  return larger;
}

const DAY_MS = 86_400_000;
const LAST_DAY = 2 ** 16 - 1;

function daysSince1970(date: string): number {
  const days = Math.floor(Date.parse(date.slice(0, 10)) / DAY_MS);
  return Number.isNaN(days) ? 0 : Math.min(LAST_DAY, Math.max(0, days));
}
