import SearchableMap from 'minisearch/SearchableMap';

/**
 * Every term the index has met, numbered in the order met, in MiniSearch's radix tree (its public
 * SearchableMap) for exact, prefix and fuzzy lookups. Segments refer to terms by number. A term
 * stays once met; how many documents hold it is kept beside, so that one no document holds any
 * more is passed over.
 */
export class TermDictionary {
  private readonly numbers = new SearchableMap<number>();
  private count = 0;
  /** Documents holding each term, about: per segment, the most of any field, summed. */
  private documents: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  /** Terms from number `savedCount` on, not yet saved. */
  private unsaved: string[] = [];
  private savedCount = 0;

  get size(): number {
    return this.count;
  }

  numberOf(term: string): number | undefined {
    return this.numbers.get(term);
  }

  /** The term's number, a new one when the term is new. */
  numberFor(term: string): number {
    const known = this.numbers.get(term);
    if (known !== undefined) return known;
    this.numbers.set(term, this.count);
    this.unsaved.push(term);
    if (this.count === this.documents.length) this.documents = grown(this.documents);
    return this.count++;
  }

  /** Readies an empty dictionary to take back `count` saved terms (see `restoreTerm`), all saved. */
  beginRestore(count: number): void {
    if (this.count > 0) throw new Error('TermDictionary: restore into an empty dictionary only');
    this.count = count;
    this.savedCount = count;
    this.documents = new Int32Array(Math.max(this.documents.length, Math.ceil(count * 1.25)));
  }

  /** Takes back one saved term under its number: no lookup first, which halves the cost of a restore. */
  restoreTerm(term: string, number: number): void {
    if (!(number >= 0 && number < this.count)) throw new Error(`TermDictionary: saved term number ${number} is out of range`);
    this.numbers.set(term, number);
  }

  /** Checks that the restored terms are as many as begun with, each under its own number. */
  endRestore(): void {
    if (this.numbers.size !== this.count) throw new Error(`TermDictionary: ${this.numbers.size} terms restored of ${this.count}`);
  }

  documentsHolding(term: number): number {
    return this.documents[term]!;
  }

  /** Counts documents in or out: `change` is positive when a segment comes, negative when it goes. */
  countDocuments(term: number, change: number): void {
    this.documents[term]! += change;
  }

  /** Held terms that begin with `prefix`, with their numbers. */
  *withPrefix(prefix: string): Iterable<[string, number]> {
    for (const [term, number] of this.numbers.atPrefix(prefix).entries()) if (this.documents[number]! > 0) yield [term, number];
  }

  /** Held terms within `maxDistance` edits of `term`: term, number and distance. */
  near(term: string, maxDistance: number): [string, number, number][] {
    const found: [string, number, number][] = [];
    for (const [near, [number, distance]] of this.numbers.fuzzyGet(term, maxDistance)) if (this.documents[number]! > 0) found.push([near, number, distance]);
    return found;
  }

  /** The terms not yet saved, with the number of the first. */
  unsavedTerms(): { first: number; terms: readonly string[] } {
    return { first: this.savedCount, terms: this.unsaved };
  }

  /**
   * Every term with its number, in the tree's own order: to save them all in one record. Inserted
   * again in this order, neighbours in the tree arrive together, which makes a restore faster.
   */
  allTerms(): { terms: string[]; numbers: Int32Array } {
    const terms: string[] = [];
    const numbers = new Int32Array(this.count);
    for (const [term, number] of this.numbers.entries()) numbers[terms.push(term) - 1] = number;
    return { terms, numbers };
  }

  /** The terms up to the current count are saved. */
  markSaved(upTo = this.count): void {
    this.unsaved = this.unsaved.slice(upTo - this.savedCount);
    this.savedCount = upTo;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
