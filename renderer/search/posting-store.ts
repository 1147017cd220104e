import { FIELD_COUNT, type Segment } from './segment';
import { SegmentBuilder, type SearchDocument } from './segment-builder';
import { SegmentMerger } from './segment-merger';
import { TermDictionary } from './term-dictionary';

/** One term's postings in one field of one segment: `documents[start..end)` of the segment's postings. */
export interface PostingRun {
  segment: Segment;
  /** The index-wide number of the segment's document 0 (see ScoringView). */
  base: number;
  fieldId: number;
  start: number;
  end: number;
}

/** One term's postings in every field of every segment. */
export interface TermPostings {
  term: number;
  runs: PostingRun[];
}

/**
 * What scoring and ranking read for every match, as dense arrays by index-wide document number:
 * the segments' documents one after the other, in segment order. Valid until the index next changes.
 */
export interface ScoringView {
  /** Undefined for a dead document. */
  paperIds: readonly (string | undefined)[];
  /** FIELD_COUNT per document. */
  fieldLengths: Uint16Array;
  days: Uint16Array;
  /** Per segment, the number of its document 0. */
  bases: Int32Array;
}

/** Work on the index a slice at a time; see PostingStore.openJob. */
export interface IndexJob {
  step(deadline: number): boolean;
  /** Applies what the job built: call once `step` has returned true. */
  finish(): void;
}

/**
 * Paperdrop's inverted index: a term dictionary and a list of segments (see segment.ts). It changes
 * only whole segments at a time, so a search always sees a consistent index; the work of building
 * or merging a segment goes on in a job, a slice at a time, and while a job is open nothing else may
 * change the index: that throws.
 */
export class PostingStore {
  readonly dictionary = new TermDictionary();
  private list: Segment[] = [];
  /** Paper id → the segment that holds its live document. */
  private readonly holders = new Map<string, Segment>();
  private readonly papersByArxivId = new Map<string, string>();
  private readonly lengthTotals = new Float64Array(FIELD_COUNT);
  private live = 0;
  private job: IndexJob | null = null;
  private view: ScoringView | null = null;
  private nextSerial = 0;
  /** Bumped whenever a term gets its first document, so that remembered completions know to look again. */
  termsAdded = 0;

  get documentCount(): number {
    return this.live;
  }

  get segments(): readonly Segment[] {
    return this.list;
  }

  /** The serial the next new segment takes: saved, so that serials stay unique across restarts. */
  get serialLimit(): number {
    return this.nextSerial;
  }

  has(paperId: string): boolean {
    return this.holders.has(paperId);
  }

  paperIds(): Iterable<string> {
    return this.holders.keys();
  }

  paperWithArxivId(arxivId: string): string | undefined {
    return this.papersByArxivId.get(arxivId);
  }

  averageFieldLength(fieldId: number): number {
    return this.live === 0 ? 0 : this.lengthTotals[fieldId]! / this.live;
  }

  /**
   * Starts building a segment of documents; it replaces their papers' earlier documents once finished.
   * `newestArrival`: the latest library generation among them, when known.
   */
  upsertJob(documents: readonly SearchDocument[], newestArrival = 0): IndexJob {
    const builder = new SegmentBuilder(this.dictionary, documents, this.takeSerial(), newestArrival);
    return this.openJob((deadline) => builder.step(deadline), () => this.add(builder.segment()));
  }

  /** Starts merging segments of this index into one, which takes their place once finished. */
  mergeJob(inputs: readonly Segment[]): IndexJob {
    if (inputs.some((input) => !this.list.includes(input))) throw new Error('PostingStore: merging a segment not in the index');
    const merger = new SegmentMerger(inputs, this.takeSerial());
    return this.openJob((deadline) => merger.step(deadline), () => this.replace(inputs, merger.segment()));
  }

  /** Adds a saved segment, with its dead documents already marked; serials from here on start at `serialLimit`. */
  restore(segment: Segment, serialLimit: number): void {
    this.nextSerial = Math.max(this.nextSerial, serialLimit, segment.serial + 1);
    this.add(segment);
  }

  remove(paperIds: Iterable<string>): void {
    this.assertNoJob();
    for (const paperId of paperIds) {
      const holder = this.holders.get(paperId);
      if (holder) this.kill(holder, holder.documentOf(paperId)!);
    }
  }

  /** The postings of one exact term, or undefined when no document holds it. */
  termPostings(term: string): TermPostings | undefined {
    const number = this.dictionary.numberOf(term);
    return number === undefined ? undefined : this.postingsOf(number);
  }

  /** Every held term that begins with `prefix`, the prefix itself included. */
  prefixTerms(prefix: string): [string, TermPostings][] {
    return [...this.dictionary.withPrefix(prefix)].flatMap(([term, number]) => {
      const postings = this.postingsOf(number);
      return postings ? [[term, postings]] : [];
    });
  }

  /** Held terms within `maxDistance` edits of `term`, with their distance. */
  fuzzyTerms(term: string, maxDistance: number): [string, TermPostings, number][] {
    return this.dictionary.near(term, maxDistance).flatMap(([near, number, distance]) => {
      const postings = this.postingsOf(number);
      return postings ? [[near, postings, distance]] : [];
    });
  }

  scoringView(): ScoringView {
    this.view ??= buildView(this.list);
    return this.view;
  }

  /** The title terms of a document, by its index-wide number. */
  titleTermsOf(document: number): string {
    const { bases } = this.scoringView();
    let low = 0;
    let high = bases.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (bases[middle]! <= document) low = middle;
      else high = middle - 1;
    }
    return this.list[low]!.docs.titleTerms[document - bases[low]!]!;
  }

  private postingsOf(number: number): TermPostings | undefined {
    if (this.dictionary.documentsHolding(number) <= 0) return undefined;
    const { bases } = this.scoringView();
    const runs: PostingRun[] = [];
    this.list.forEach((segment, which) => {
      const position = segment.termPosition(number);
      if (position < 0) return;
      const { runStarts } = segment.postings;
      for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) {
        const start = runStarts[position * FIELD_COUNT + fieldId]!;
        const end = runStarts[position * FIELD_COUNT + fieldId + 1]!;
        if (end > start) runs.push({ segment, base: bases[which]!, fieldId, start, end });
      }
    });
    return runs.length > 0 ? { term: number, runs } : undefined;
  }

  private openJob(step: (deadline: number) => boolean, apply: () => void): IndexJob {
    this.assertNoJob();
    const job: IndexJob = {
      step: (deadline) => {
        if (this.job !== job) throw new Error('PostingStore: this job is over');
        return step(deadline);
      },
      finish: () => {
        if (this.job !== job) throw new Error('PostingStore: this job is over');
        this.job = null;
        apply();
      },
    };
    this.job = job;
    return job;
  }

  private assertNoJob(): void {
    if (this.job) throw new Error('PostingStore: the index may not change while a job is open');
  }

  private takeSerial(): number {
    return this.nextSerial++;
  }

  /** A new segment: its papers' earlier documents, in other segments, die. */
  private add(segment: Segment): void {
    this.assertNoJob();
    const { paperIds, arxivIds, fieldLengths } = segment.docs;
    for (let document = 0; document < segment.size; document += 1) {
      if (!segment.isLive(document)) continue;
      const paperId = paperIds[document]!;
      const earlier = this.holders.get(paperId);
      if (earlier) this.kill(earlier, earlier.documentOf(paperId)!);
      this.holders.set(paperId, segment);
      const arxivId = arxivIds[document];
      if (arxivId) this.papersByArxivId.set(arxivId, paperId);
      for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) this.lengthTotals[fieldId]! += fieldLengths[document * FIELD_COUNT + fieldId]!;
      this.live += 1;
    }
    this.countTerms(segment, 1);
    this.list = [...this.list, segment];
    this.view = null;
  }

  /** Merged segments give way to their merge, which holds the same live documents. */
  private replace(inputs: readonly Segment[], merged: Segment): void {
    this.assertNoJob();
    for (const input of inputs) this.countTerms(input, -1);
    this.countTerms(merged, 1);
    for (const paperId of merged.docs.paperIds) this.holders.set(paperId, merged);
    const others = this.list.filter((segment) => !inputs.includes(segment));
    this.list = merged.size > 0 ? [...others, merged] : others;
    this.view = null;
  }

  private kill(segment: Segment, document: number): void {
    if (!segment.isLive(document)) return;
    segment.kill(document);
    const paperId = segment.docs.paperIds[document]!;
    this.holders.delete(paperId);
    const arxivId = segment.docs.arxivIds[document];
    if (arxivId && this.papersByArxivId.get(arxivId) === paperId) this.papersByArxivId.delete(arxivId);
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) this.lengthTotals[fieldId]! -= segment.docs.fieldLengths[document * FIELD_COUNT + fieldId]!;
    this.live -= 1;
    this.view = null;
  }

  /** Counts a segment's documents per term in the dictionary (`sign` 1) or out of it (-1). */
  private countTerms(segment: Segment, sign: 1 | -1): void {
    const { terms, runStarts } = segment.postings;
    for (let position = 0; position < terms.length; position += 1) {
      let most = 0;
      for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) most = Math.max(most, runStarts[position * FIELD_COUNT + fieldId + 1]! - runStarts[position * FIELD_COUNT + fieldId]!);
      const term = terms[position]!;
      if (sign > 0 && this.dictionary.documentsHolding(term) === 0) this.termsAdded += 1;
      this.dictionary.countDocuments(term, sign * most);
    }
  }
}

function buildView(segments: readonly Segment[]): ScoringView {
  const bases = new Int32Array(segments.length);
  let total = 0;
  segments.forEach((segment, which) => {
    bases[which] = total;
    total += segment.size;
  });
  const paperIds = new Array<string | undefined>(total);
  const fieldLengths = new Uint16Array(total * FIELD_COUNT);
  const days = new Uint16Array(total);
  segments.forEach((segment, which) => {
    const base = bases[which]!;
    for (let document = 0; document < segment.size; document += 1) paperIds[base + document] = segment.isLive(document) ? segment.docs.paperIds[document] : undefined;
    fieldLengths.set(segment.docs.fieldLengths, base * FIELD_COUNT);
    days.set(segment.docs.days, base);
  });
  return { paperIds, fieldLengths, days, bases };
}
