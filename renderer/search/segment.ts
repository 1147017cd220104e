import { FIELDS } from './index-terms';

export const FIELD_COUNT = FIELDS.length;
/** A segment numbers its documents from 0 in 16 bits, which halves its postings. */
export const MAX_SEGMENT_DOCUMENTS = 2 ** 16;
/** Frequencies and field lengths are kept up to these: BM25 barely tells more from less beyond. */
export const MAX_FREQUENCY = 2 ** 8 - 1;
export const MAX_FIELD_LENGTH = 2 ** 16 - 1;

/** What a segment keeps of each of its documents besides their postings, by document number. */
export interface SegmentDocuments {
  paperIds: string[];
  /** The title's search terms joined by spaces, stop words kept: to tell whether a title begins with a query. */
  titleTerms: string[];
  arxivIds: (string | null)[];
  /** Days from 1970-01-01 to the paper's date, 0 when unknown: equal scores rank newest first. */
  days: Uint16Array;
  /** Distinct words per field, FIELD_COUNT per document, as BM25 counts a field's length. */
  fieldLengths: Uint16Array;
}

/** A segment's inverted index: for each of its terms and each field, a run of (document, frequency) postings. */
export interface SegmentPostings {
  /** Term numbers (see TermDictionary), ascending. */
  terms: Int32Array;
  /** Where the postings of term position t in field f begin: `runStarts[t * FIELD_COUNT + f]`; one more offset ends the last run. */
  runStarts: Uint32Array;
  /** Document numbers within the segment, ascending within each run. */
  documents: Uint16Array;
  frequencies: Uint8Array;
  /**
   * The terms' text, joined by line breaks, in the order of `terms`: kept by a segment built from
   * documents (not by a merged one), so that a restore can answer from it before the whole
   * dictionary is read (index-restore.ts).
   */
  termText?: string;
}

/**
 * Some documents and all their postings, in typed arrays. Nothing in a segment changes once it is
 * built but which of its documents are still live: a replaced or removed paper is only marked dead,
 * and left out for good when segments are merged.
 */
export class Segment {
  private readonly live: Uint8Array;
  private liveDocuments: number;
  private localIds: Map<string, number> | null = null;

  constructor(
    /** Unique in an index's lifetime, saved ones included: the saved record's key. */
    readonly serial: number,
    readonly docs: SegmentDocuments,
    readonly postings: SegmentPostings,
    /** The latest library generation its documents came in with, 0 when unknown: the latest arrivals are restored first (recent-segments.ts). */
    readonly newestArrival = 0,
  ) {
    if (docs.paperIds.length > MAX_SEGMENT_DOCUMENTS) throw new Error(`a segment holds at most ${MAX_SEGMENT_DOCUMENTS} documents`);
    this.live = new Uint8Array(docs.paperIds.length).fill(1);
    this.liveDocuments = docs.paperIds.length;
  }

  get size(): number {
    return this.docs.paperIds.length;
  }

  get liveCount(): number {
    return this.liveDocuments;
  }

  isLive(document: number): boolean {
    return this.live[document] === 1;
  }

  /** The document number of a paper, live or not. */
  documentOf(paperId: string): number | undefined {
    this.localIds ??= new Map(this.docs.paperIds.map((id, document) => [id, document]));
    return this.localIds.get(paperId);
  }

  /** Marks a document dead; only the PostingStore does, which keeps its totals with it. */
  kill(document: number): void {
    if (this.live[document] === 0) return;
    this.live[document] = 0;
    this.liveDocuments -= 1;
  }

  /** Dead document numbers, ascending. */
  deadDocuments(): number[] {
    const dead: number[] = [];
    for (let document = 0; document < this.live.length; document += 1) if (this.live[document] === 0) dead.push(document);
    return dead;
  }

  /** The position of a term number in `postings.terms`, or -1. */
  termPosition(term: number): number {
    return findInRun(this.postings.terms, 0, this.postings.terms.length, term);
  }

  /** Live postings in a run: all of it unless documents have died. */
  liveIn(start: number, end: number): number {
    if (this.liveDocuments === this.size) return end - start;
    const { documents } = this.postings;
    let count = 0;
    for (let position = start; position < end; position += 1) count += this.live[documents[position]!]!;
    return count;
  }
}

/** The position of `document` in the ascending run `start..end` of a segment's postings (or of its terms), or -1. */
export function findInRun(documents: Uint16Array | Int32Array, start: number, end: number, document: number): number {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = documents[middle]!;
    if (found === document) return middle;
    if (found < document) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
