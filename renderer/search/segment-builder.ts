import { searchTerms } from './query-syntax';
import { FIELDS, fieldTokens, indexTerm } from './index-terms';
import { TERM_SEPARATOR, type TermDictionary } from './term-dictionary';
import { FIELD_COUNT, MAX_FIELD_LENGTH, MAX_FREQUENCY, MAX_SEGMENT_DOCUMENTS, Segment } from './segment';
import { TERMS_PER_CLOCK, walkUntil } from './sliced-walk';

/** A paper as the index takes it: its searchable text, and what ranking needs. */
export interface SearchDocument {
  id: string;
  title: string;
  /** Author names joined by "; ". */
  authors: string;
  abstract: string;
  /** Lower-case categories joined by spaces. */
  categories: string;
  /** The paper's date (ISO 8601), or '' when unknown. */
  date: string;
  arxivId: string | null;
}

/** How often a slice of work looks at the clock while it reads documents. */
const DOCUMENTS_PER_CLOCK = 32;

/**
 * Builds a segment of documents in slices, so that searches are answered in between: it reads
 * every document, numbers the terms, then lays each term's postings out field by field. New
 * terms enter the dictionary as they are numbered; no document holds them until the segment is added.
 */
export class SegmentBuilder {
  private read = 0;
  /** Term → its postings as runs of [field id, document, frequency], in document order. */
  private readonly pending = new Map<string, number[]>();
  private numbering: Iterator<[string, number[]]> | null = null;
  private readonly numbered: { term: number; text: string; runs: number[] }[] = [];
  private laidOut = 0;
  private postingCount = 0;
  private layout: { runStarts: Uint32Array; documents: Uint16Array; frequencies: Uint8Array } | null = null;
  private readonly docs;

  constructor(
    private readonly dictionary: TermDictionary,
    private readonly documents: readonly SearchDocument[],
    private readonly serial: number,
    private readonly newestArrival = 0,
  ) {
    if (documents.length > MAX_SEGMENT_DOCUMENTS) throw new Error(`a segment holds at most ${MAX_SEGMENT_DOCUMENTS} documents`);
    this.docs = {
      paperIds: documents.map((document) => document.id),
      titleTerms: new Array<string>(documents.length),
      arxivIds: documents.map((document) => document.arxivId),
      days: Uint16Array.from(documents, (document) => daysSince1970(document.date)),
      fieldLengths: new Uint16Array(documents.length * FIELD_COUNT),
    };
  }

  /** Works until `deadline` (performance.now()); true once the segment is built. */
  step(deadline: number): boolean {
    while (this.read < this.documents.length) {
      this.readDocument(this.read);
      this.read += 1;
      if (this.read % DOCUMENTS_PER_CLOCK === 0 && performance.now() > deadline) return false;
    }
    this.numbering ??= this.pending.entries();
    if (!walkUntil(this.numbering, deadline, ([term, runs]) => this.numbered.push({ term: this.dictionary.numberFor(term), text: term, runs }))) return false;
    if (!this.layout) {
      this.numbered.sort((a, b) => a.term - b.term);
      this.layout = {
        runStarts: new Uint32Array(this.numbered.length * FIELD_COUNT + 1),
        documents: new Uint16Array(this.postingCount),
        frequencies: new Uint8Array(this.postingCount),
      };
    }
    while (this.laidOut < this.numbered.length) {
      this.layOut(this.numbered[this.laidOut]!.runs);
      this.laidOut += 1;
      if (this.laidOut % TERMS_PER_CLOCK === 0 && performance.now() > deadline) return false;
    }
    return true;
  }

  /** The built segment; once `step` has returned true. */
  segment(): Segment {
    if (!this.layout || this.laidOut < this.numbered.length) throw new Error('SegmentBuilder: the segment is not built yet');
    const terms = Int32Array.from(this.numbered, ({ term }) => term);
    const termText = this.numbered.map(({ text }) => text).join(TERM_SEPARATOR);
    return new Segment(this.serial, this.docs, { terms, ...this.layout, termText }, this.newestArrival);
  }

  private readDocument(document: number): void {
    const source = this.documents[document]!;
    const frequencies = new Map<string, number>();
    FIELDS.forEach((field, fieldId) => {
      const tokens = fieldTokens(source[field], field);
      frequencies.clear();
      for (const token of tokens) {
        const term = indexTerm(token);
        if (term !== null) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      }
      for (const [term, frequency] of frequencies) {
        const runs = this.pending.get(term);
        if (runs) runs.push(fieldId, document, Math.min(MAX_FREQUENCY, frequency));
        else this.pending.set(term, [fieldId, document, Math.min(MAX_FREQUENCY, frequency)]);
      }
      this.postingCount += frequencies.size;
      // A field's length is its distinct words as they stand, stop words included, as MiniSearch counts it.
      this.docs.fieldLengths[document * FIELD_COUNT + fieldId] = Math.min(MAX_FIELD_LENGTH, new Set(tokens).size);
    });
    this.docs.titleTerms[document] = searchTerms(source.title).join(' ');
  }

  /** Lays one term's postings out, field by field, each field's in document order. */
  private layOut(runs: readonly number[]): void {
    const { runStarts, documents, frequencies } = this.layout!;
    const first = this.laidOut * FIELD_COUNT;
    const counts = new Uint32Array(FIELD_COUNT);
    for (let position = 0; position < runs.length; position += 3) counts[runs[position]!]! += 1;
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) runStarts[first + fieldId + 1] = runStarts[first + fieldId]! + counts[fieldId]!;
    const next = Uint32Array.from({ length: FIELD_COUNT }, (_unused, fieldId) => runStarts[first + fieldId]!);
    for (let position = 0; position < runs.length; position += 3) {
      const at = next[runs[position]!]!++;
      documents[at] = runs[position + 1]!;
      frequencies[at] = runs[position + 2]!;
    }
  }
}

const DAY_MS = 86_400_000;
const LAST_DAY = 2 ** 16 - 1;

export function daysSince1970(date: string): number {
  const days = Math.floor(Date.parse(date.slice(0, 10)) / DAY_MS);
  return Number.isNaN(days) ? 0 : Math.min(LAST_DAY, Math.max(0, days));
}
