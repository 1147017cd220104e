import { FIELDS } from './index-terms';
import type { DocumentFacts, PaperMiniSearch, TermPostings } from './paper-minisearch';
import { TERMS_PER_CLOCK, walkUntil } from './sliced-walk';
import { VarintReader, VarintWriter } from './varint-bytes';

/** Bumped whenever what is indexed, or how it is saved, changes: a saved index of another schema is rebuilt. */
export const INDEX_SCHEMA = 2;
/** The index is saved once indexing has been quiet this long, not between two dropped files. */
export const SAVE_WHEN_QUIET_MS = 10_000;

/** The saved index's head: what the parts add up to. */
export interface SnapshotHead {
  key: 'head';
  schema: number;
  /** The newest library generation the index reflects. */
  generation: number;
  documentCount: number;
  parts: number;
  averageFieldLengths: number[];
}

/**
 * One part of the saved index: some documents, newest papers in the first part, and every
 * posting on them. Its documents have the short ids `firstId` to `firstId + ids.length - 1`.
 */
export interface SnapshotPart {
  key: string;
  firstId: number;
  ids: string[];
  dates: string[];
  titleTerms: string[];
  arxivIds: (string | null)[];
  /** Per document, one length per field. */
  fieldLengths: Uint32Array;
  terms: string[];
  /**
   * Per term, in `terms` order: a byte with a bit per field it occurs in, a varint count per
   * such field, then per such field its postings: zigzag varint short-id deltas and varint frequencies.
   */
  postings: Uint8Array;
}

export type SnapshotRecord = SnapshotHead | SnapshotPart;

const FIELD_COUNT = FIELDS.length;
/** Documents per part, newest first; the last size repeats. The first part is small, so that the newest papers are searchable soon after a start. */
export type PartSizes = readonly number[];

const PART_SIZES: PartSizes = [2_500, 15_000];

export const partKey = (part: number) => `part:${part}`;

interface PartBuilder {
  facts: DocumentFacts[];
  terms: string[];
  postings: VarintWriter;
}

/**
 * Saves an index in parts, a slice of terms at a time, so that searches are answered in between;
 * nothing may change the index until it is done. Documents get new short ids, newest paper first,
 * and only live documents are kept, so a restored index starts without dirt.
 */
export class SnapshotWriter {
  private readonly rankOf: Int32Array;
  /** The part of each rank, and the first rank of each part. */
  private readonly partOfRank: Int32Array;
  private readonly partStarts: number[];
  private readonly builders: PartBuilder[] = [];
  private readonly entries: Iterator<[string, TermPostings]>;
  private readonly counts: Int32Array;
  private readonly previous: Int32Array;

  constructor(
    private readonly index: PaperMiniSearch,
    private readonly generation: number,
    sizes = PART_SIZES,
  ) {
    const live = [...index.liveDocuments()].sort(([, a], [, b]) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date > b.date ? -1 : 1));
    this.rankOf = new Int32Array(index.shortIdLimit).fill(-1);
    this.partOfRank = new Int32Array(live.length);
    this.partStarts = [];
    for (let start = 0, part = 0; start < live.length; start += sizes[Math.min(part, sizes.length - 1)]!, part += 1) {
      this.partStarts.push(start);
      this.partOfRank.fill(part, start);
    }
    live.forEach(([shortId, facts], rank) => {
      this.rankOf[shortId] = rank;
      (this.builders[this.partOfRank[rank]!] ??= { facts: [], terms: [], postings: new VarintWriter() }).facts.push(facts);
    });
    this.counts = new Int32Array(this.builders.length * FIELD_COUNT);
    this.previous = new Int32Array(this.builders.length);
    this.entries = index.termEntries();
  }

  /** Encodes terms until `deadline` (performance.now()); true once every term is done. */
  step(deadline: number): boolean {
    return walkUntil(this.entries, deadline, ([term, postings]) => this.encodeTerm(term, postings));
  }

  records(): SnapshotRecord[] {
    const head: SnapshotHead = {
      key: 'head',
      schema: INDEX_SCHEMA,
      generation: this.generation,
      documentCount: this.builders.reduce((sum, builder) => sum + builder.facts.length, 0),
      parts: this.builders.length,
      averageFieldLengths: FIELDS.map((_field, fieldId) => this.index.averageFieldLength(fieldId)),
    };
    return [head, ...this.builders.map((builder, part) => toPart(builder, part, this.partStarts[part]!))];
  }

  private encodeTerm(term: string, byField: TermPostings): void {
    const { counts, rankOf, partOfRank, builders, previous } = this;
    counts.fill(0);
    for (const [fieldId, postings] of byField) {
      for (const shortId of postings.keys()) {
        const rank = rankOf[shortId]!;
        if (rank >= 0) counts[partOfRank[rank]! * FIELD_COUNT + fieldId]! += 1;
      }
    }
    builders.forEach((builder, part) => {
      let mask = 0;
      for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) if (counts[part * FIELD_COUNT + fieldId]! > 0) mask |= 1 << fieldId;
      if (mask === 0) return;
      builder.terms.push(term);
      builder.postings.byte(mask);
      for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) if (mask & (1 << fieldId)) builder.postings.varint(counts[part * FIELD_COUNT + fieldId]!);
    });
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) {
      const postings = byField.get(fieldId);
      if (!postings) continue;
      this.partStarts.forEach((start, part) => (previous[part] = start));
      for (const [shortId, frequency] of postings) {
        const rank = rankOf[shortId]!;
        if (rank < 0) continue;
        const part = partOfRank[rank]!;
        const writer = builders[part]!.postings;
        writer.signed(rank - previous[part]!);
        writer.varint(frequency);
        previous[part] = rank;
      }
    }
  }
}

function toPart(builder: PartBuilder, part: number, firstId: number): SnapshotPart {
  const { facts } = builder;
  const fieldLengths = new Uint32Array(facts.length * FIELD_COUNT);
  facts.forEach((fact, position) => fieldLengths.set(fact.fieldLengths, position * FIELD_COUNT));
  return {
    key: partKey(part),
    firstId,
    ids: facts.map((fact) => fact.id),
    dates: facts.map((fact) => fact.date),
    titleTerms: facts.map((fact) => fact.titleTerms),
    arxivIds: facts.map((fact) => fact.arxivId),
    fieldLengths,
    terms: builder.terms,
    postings: builder.postings.finish(),
  };
}

/**
 * Restores one saved part into an index begun with `beginRestore`, a slice of terms at a time. Its
 * papers are found by searches once all their postings are in, so an answer in between is that of
 * the parts restored so far.
 */
export class PartRestorer {
  private readonly reader: VarintReader;
  private term = 0;
  private readonly fields: number[] = [];
  private readonly counts: number[] = [];

  constructor(
    private readonly index: PaperMiniSearch,
    private readonly part: SnapshotPart,
  ) {
    part.ids.forEach((id, position) => index.restoreDocument(part.firstId + position, id));
    this.reader = new VarintReader(part.postings);
  }

  /** Restores terms until `deadline` (performance.now()); true once the part is in. */
  step(deadline: number): boolean {
    const { reader, part, fields, counts } = this;
    while (this.term < part.terms.length) {
      const byField = this.index.postingsFor(part.terms[this.term]!);
      const mask = reader.byte();
      fields.length = 0;
      counts.length = 0;
      for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) {
        if (mask & (1 << fieldId)) {
          fields.push(fieldId);
          counts.push(reader.varint());
        }
      }
      for (let position = 0; position < fields.length; position += 1) {
        const fieldId = fields[position]!;
        let postings = byField.get(fieldId);
        if (!postings) byField.set(fieldId, (postings = new Map()));
        let shortId = part.firstId;
        for (let remaining = counts[position]!; remaining > 0; remaining -= 1) {
          shortId += reader.signed();
          postings.set(shortId, reader.varint());
        }
      }
      this.term += 1;
      if (this.term % TERMS_PER_CLOCK === 0 && performance.now() > deadline) return false;
    }
    part.ids.forEach((id, position) => {
      const fieldLengths = [...part.fieldLengths.subarray(position * FIELD_COUNT, (position + 1) * FIELD_COUNT)];
      this.index.activateRestored(part.firstId + position, { id, date: part.dates[position]!, titleTerms: part.titleTerms[position]!, arxivId: part.arxivIds[position]!, fieldLengths });
    });
    return true;
  }
}
