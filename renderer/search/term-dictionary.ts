import SearchableMap from 'minisearch/SearchableMap';
import { TERMS_PER_CLOCK } from './sliced-walk';

/** Joins saved terms: terms hold no white space. */
export const TERM_SEPARATOR = '\n';

/** Terms in code-unit order, each with its number: a saved chunk of the dictionary, searched by bisection. */
export interface SortedTerms {
  terms: readonly string[];
  numbers: Int32Array;
}

/**
 * Every term the index has met, numbered in the order met, in MiniSearch's radix tree (its public
 * SearchableMap) for exact, prefix and fuzzy lookups. Segments refer to terms by number. A term
 * stays once met; how many documents hold it is kept beside, so that one no document holds any
 * more is passed over.
 *
 * Building the tree is the slowest part of a restore (about 7 µs a term in a worker at start), so a
 * restored dictionary first answers exact lookups from its saved chunks, which are sorted, by
 * bisection, and builds the tree afterwards, in slices (`buildTree`); until then prefix and fuzzy
 * lookups see only the terms the tree has so far. Before even the chunks are read, the first segment
 * restored may lend its own terms (`restoreEarly`), so that a title typed at start finds it.
 */
export class TermDictionary {
  private readonly numbers = new SearchableMap<number>();
  /** After a restore, until the tree is built: the saved chunks, terms met since, and how far the tree has got. */
  private restored: { chunks: SortedTerms[]; added: Map<string, number>; chunk: number; position: number } | null = null;
  /** Until the saved chunks are read: one segment's terms, for exact lookups. No term can be added meanwhile. */
  private early: Map<string, number> | null = null;
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
    if (this.early) return this.early.get(term);
    const { restored } = this;
    if (!restored) return this.numbers.get(term);
    for (const chunk of restored.chunks) {
      const position = bisect(chunk.terms, term);
      if (chunk.terms[position] === term) return chunk.numbers[position];
    }
    return restored.added.get(term);
  }

  /** The term's number, a new one when the term is new. */
  numberFor(term: string): number {
    if (this.early) throw new Error('TermDictionary: no term is added before the saved chunks are restored');
    const known = this.numberOf(term);
    if (known !== undefined) return known;
    this.numbers.set(term, this.count);
    this.restored?.added.set(term, this.count);
    this.unsaved.push(term);
    if (this.count === this.documents.length) this.documents = grown(this.documents);
    return this.count++;
  }

  /**
   * Lends an empty dictionary one saved segment's terms, numbered as saved, until `restore` takes back
   * the chunks: exact lookups of those terms work at once, so the segment can be restored and searched.
   */
  restoreEarly(terms: readonly string[], numbers: Int32Array): void {
    if (this.count > 0 || this.early) throw new Error('TermDictionary: an early restore into an empty dictionary only');
    if (numbers.length !== terms.length) throw new Error("TermDictionary: a segment's terms and numbers differ in length");
    this.early = new Map(terms.map((term, position) => [term, numbers[position]!]));
    // A segment's numbers are ascending: the last is the highest.
    this.count = numbers.length === 0 ? 0 : numbers[numbers.length - 1]! + 1;
    this.documents = new Int32Array(Math.max(this.documents.length, this.count));
  }

  /**
   * Takes back an empty dictionary's saved chunks, all saved (or those of a dictionary lent a
   * segment's terms: its counts of documents stay); exact lookups work at once, the tree is built next.
   */
  restore(chunks: SortedTerms[]): void {
    if (this.count > 0 && !this.early) throw new Error('TermDictionary: restore into an empty dictionary only');
    const count = chunks.reduce((sum, chunk) => sum + chunk.terms.length, 0);
    for (const { terms, numbers } of chunks) {
      if (numbers.length !== terms.length) throw new Error('TermDictionary: a saved chunk has as many numbers as terms');
      for (let position = 0; position < terms.length; position += 1) {
        if (position > 0 && !(terms[position - 1]! < terms[position]!)) throw new Error('TermDictionary: a saved chunk is not in order');
        if (!(numbers[position]! >= 0 && numbers[position]! < count)) throw new Error(`TermDictionary: saved term number ${numbers[position]} is out of range`);
      }
    }
    for (const [term, number] of this.early ?? []) {
      if (!(number < count)) throw new Error(`TermDictionary: the early term ${term} is not among the saved ones`);
    }
    this.count = count;
    this.savedCount = count;
    const documents = new Int32Array(Math.max(this.documents.length, Math.ceil(count * 1.25)));
    documents.set(this.documents);
    this.documents = documents;
    this.early = null;
    this.restored = { chunks, added: new Map(), chunk: 0, position: 0 };
  }

  /** Whether prefix and fuzzy lookups see every term. */
  get treeComplete(): boolean {
    return this.restored === null && this.early === null;
  }

  /** Puts restored terms in the tree until `deadline` (performance.now()); true once all are in, and the chunks are let go. */
  buildTree(deadline: number): boolean {
    const restored = this.restored;
    if (!restored) return true;
    for (; restored.chunk < restored.chunks.length; restored.chunk += 1, restored.position = 0) {
      const { terms, numbers } = restored.chunks[restored.chunk]!;
      while (restored.position < terms.length) {
        this.numbers.set(terms[restored.position]!, numbers[restored.position]!);
        restored.position += 1;
        if (restored.position % TERMS_PER_CLOCK === 0 && performance.now() > deadline) return false;
      }
    }
    if (this.numbers.size !== this.count) throw new Error(`TermDictionary: ${this.numbers.size} terms restored of ${this.count}`);
    this.restored = null;
    return true;
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

  /** Every term with its number, sorted: to save them all in one chunk. */
  allTerms(): SortedTerms {
    const pairs: [string, number][] = [];
    if (this.restored) {
      for (const { terms, numbers } of this.restored.chunks) terms.forEach((term, position) => pairs.push([term, numbers[position]!]));
      pairs.push(...this.restored.added);
    } else {
      for (const pair of this.numbers.entries()) pairs.push(pair);
    }
    return sortedTerms(pairs);
  }

  /** The terms up to the current count are saved. */
  markSaved(upTo = this.count): void {
    this.unsaved = this.unsaved.slice(upTo - this.savedCount);
    this.savedCount = upTo;
  }
}

/**
 * Pairs of term and number in the terms' code-unit order. Each pair is sorted as one string, term,
 * a line break, number: a line break sorts before any character a term holds (terms hold no white
 * space), so "ab" comes before "abc", and the engine's own string sort is many times faster than a
 * comparator. The order is checked, and made with a comparator should a term ever hold a control character.
 */
export function sortedTerms(pairs: Iterable<readonly [string, number]>): SortedTerms {
  const keyed: string[] = [];
  for (const [term, number] of pairs) keyed.push(`${term}\n${number}`);
  keyed.sort();
  const terms = new Array<string>(keyed.length);
  const numbers = new Int32Array(keyed.length);
  keyed.forEach((key, position) => {
    const split = key.lastIndexOf('\n');
    terms[position] = key.slice(0, split);
    numbers[position] = Number(key.slice(split + 1));
  });
  if (terms.every((term, position) => position === 0 || terms[position - 1]! < term)) return { terms, numbers };
  const order = terms.map((_term, position) => position).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
  return { terms: order.map((position) => terms[position]!), numbers: Int32Array.from(order, (position) => numbers[position]!) };
}

/** The first position in sorted `terms` whose term is not below `term`. */
function bisect(terms: readonly string[], term: string): number {
  let [low, high] = [0, terms.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms[middle]! < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
