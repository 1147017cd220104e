import { FIELD_COUNT, MAX_SEGMENT_DOCUMENTS, Segment, type SegmentDocuments } from './segment';
import { TERMS_PER_CLOCK } from './sliced-walk';

/**
 * Merges segments into one, in slices, leaving their dead documents out: the live documents of
 * the first input come first, then those of the next. Nothing may change the inputs until it is done.
 */
export class SegmentMerger {
  /** Per input, its document numbers in the merged segment, -1 for the dead. */
  private readonly renumbered: Int32Array[];
  private readonly docs: SegmentDocuments;
  /** Every term of any input, ascending, and where each input has got to in its own terms. */
  private readonly terms: Int32Array;
  private readonly cursors: Int32Array;
  private next = 0;
  private kept: number[] = [];
  private readonly runStarts: number[] = [0];
  private readonly documents: Uint16Array;
  private readonly frequencies: Uint8Array;

  constructor(
    private readonly inputs: readonly Segment[],
    private readonly serial: number,
  ) {
    const liveCount = inputs.reduce((sum, input) => sum + input.liveCount, 0);
    if (liveCount > MAX_SEGMENT_DOCUMENTS) throw new Error(`SegmentMerger: ${liveCount} documents exceed a segment's ${MAX_SEGMENT_DOCUMENTS}`);
    this.docs = {
      paperIds: [],
      titleTerms: [],
      arxivIds: [],
      days: new Uint16Array(liveCount),
      fieldLengths: new Uint16Array(liveCount * FIELD_COUNT),
    };
    this.renumbered = inputs.map((input) => this.takeLiveDocuments(input));
    const allTerms = new Int32Array(inputs.reduce((sum, input) => sum + input.postings.terms.length, 0));
    let filled = 0;
    for (const input of inputs) {
      allTerms.set(input.postings.terms, filled);
      filled += input.postings.terms.length;
    }
    this.terms = uniqueSorted(allTerms);
    this.cursors = new Int32Array(inputs.length);
    const postingBound = inputs.reduce((sum, input) => sum + input.postings.documents.length, 0);
    this.documents = new Uint16Array(postingBound);
    this.frequencies = new Uint8Array(postingBound);
  }

  /** Merges terms until `deadline` (performance.now()); true once every term is done. */
  step(deadline: number): boolean {
    while (this.next < this.terms.length) {
      this.mergeTerm(this.terms[this.next]!);
      this.next += 1;
      if (this.next % TERMS_PER_CLOCK === 0 && performance.now() > deadline) return false;
    }
    return true;
  }

  /** The merged segment; once `step` has returned true. */
  segment(): Segment {
    if (this.next < this.terms.length) throw new Error('SegmentMerger: the merge is not done yet');
    const used = this.runStarts.at(-1)!;
    return new Segment(this.serial, this.docs, {
      terms: Int32Array.from(this.kept),
      runStarts: Uint32Array.from(this.runStarts),
      documents: this.documents.slice(0, used),
      frequencies: this.frequencies.slice(0, used),
    }, Math.max(0, ...this.inputs.map((input) => input.newestArrival)));
  }

  private takeLiveDocuments(input: Segment): Int32Array {
    const renumbered = new Int32Array(input.size).fill(-1);
    const { docs } = this;
    for (let document = 0; document < input.size; document += 1) {
      if (!input.isLive(document)) continue;
      const merged = docs.paperIds.length;
      renumbered[document] = merged;
      docs.paperIds.push(input.docs.paperIds[document]!);
      docs.titleTerms.push(input.docs.titleTerms[document]!);
      docs.arxivIds.push(input.docs.arxivIds[document]!);
      docs.days[merged] = input.docs.days[document]!;
      docs.fieldLengths.set(input.docs.fieldLengths.subarray(document * FIELD_COUNT, (document + 1) * FIELD_COUNT), merged * FIELD_COUNT);
    }
    return renumbered;
  }

  /** Appends one term's live postings, field by field, each input's in turn; a term left with none is dropped. */
  private mergeTerm(term: number): void {
    const positions = this.inputs.map((input, which) => {
      const cursor = this.cursors[which]!;
      if (input.postings.terms[cursor] !== term) return -1;
      this.cursors[which] = cursor + 1;
      return cursor;
    });
    const { runStarts, documents, frequencies } = this;
    const before = runStarts.length;
    let at = runStarts.at(-1)!;
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) {
      this.inputs.forEach((input, which) => {
        const position = positions[which]!;
        if (position < 0) return;
        const { runStarts: inputStarts, documents: inputDocuments, frequencies: inputFrequencies } = input.postings;
        const renumbered = this.renumbered[which]!;
        const end = inputStarts[position * FIELD_COUNT + fieldId + 1]!;
        for (let posting = inputStarts[position * FIELD_COUNT + fieldId]!; posting < end; posting += 1) {
          const document = renumbered[inputDocuments[posting]!]!;
          if (document < 0) continue;
          documents[at] = document;
          frequencies[at] = inputFrequencies[posting]!;
          at += 1;
        }
      });
      runStarts.push(at);
    }
    if (at === runStarts[before - 1]) runStarts.length = before;
    else this.kept.push(term);
  }
}

function uniqueSorted(values: Int32Array): Int32Array {
  values.sort();
  let kept = 0;
  for (let position = 0; position < values.length; position += 1) if (position === 0 || values[position] !== values[position - 1]) values[kept++] = values[position]!;
  return values.slice(0, kept);
}
