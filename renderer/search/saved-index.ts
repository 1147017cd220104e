import { recentPositions } from './recent-segments';
import { Segment } from './segment';
import { TERM_SEPARATOR } from './term-dictionary';

/**
 * The saved index, in the `savedIndex` table of its own database (search-index-database.ts): a head, the term dictionary in chunks,
 * and one record per segment. Segments are saved as they are made and deleted when merged away,
 * so the saved index follows the live one within a write or two (see index-saver.ts).
 */
export interface SavedHead {
  key: 'head';
  /** Of the configuration that built it (see index-fingerprint.ts): an index of another is rebuilt. */
  fingerprint: string;
  /** The newest library generation the saved index reflects. */
  generation: number;
  /** Serials of the saved segments, in the index's order. */
  segments: number[];
  /**
   * Beside `segments`, the latest listing day (days since 1970) among each segment's papers, so that
   * a restore can take the newest papers first. Absent from heads saved before it was kept.
   */
  newestDays?: number[];
  /** Beside `segments`, each one's `newestArrival`. Absent from heads saved before it was kept. */
  newestArrivals?: number[];
  /** Keys of the saved term chunks, in number order. */
  termChunks: string[];
  /** The serial the next new segment takes. */
  serialLimit: number;
  /** The saved segments' dead documents, as (serial, document number) pairs. */
  dead: Int32Array;
  /** Live documents, for progress while the index loads. */
  documentCount: number;
}

/** Some terms, joined by newlines (a term never holds white space), with their numbers. */
export interface SavedTerms {
  key: string;
  terms: string;
  numbers: Int32Array;
}

export interface SavedSegment {
  key: string;
  serial: number;
  paperIds: string[];
  titleTerms: string[];
  arxivIds: (string | null)[];
  days: Uint16Array;
  fieldLengths: Uint16Array;
  terms: Int32Array;
  runStarts: Uint32Array;
  documents: Uint16Array;
  frequencies: Uint8Array;
  /** See SegmentPostings: absent from a merged segment's record. */
  termText?: string;
  newestArrival: number;
}

export type SavedIndexRecord = SavedHead | SavedTerms | SavedSegment;

export const HEAD_KEY = 'head';
export const segmentKey = (serial: number) => `segment:${serial}`;
export const termsKey = (first: number) => `terms:${first}`;

export function isSavedHead(record: SavedIndexRecord | undefined): record is SavedHead {
  return record?.key === HEAD_KEY;
}

export function savedSegment(segment: Segment): SavedSegment {
  const { docs, postings } = segment;
  return { key: segmentKey(segment.serial), serial: segment.serial, ...docs, ...postings, newestArrival: segment.newestArrival };
}

/** A saved segment, with the documents the head lists as dead marked so. */
export function segmentFromSaved(record: SavedSegment, dead: readonly number[]): Segment {
  const { serial, paperIds, titleTerms, arxivIds, days, fieldLengths, terms, runStarts, documents, frequencies, termText, newestArrival } = record;
  const postings = { terms, runStarts, documents, frequencies, ...(termText === undefined ? {} : { termText }) };
  const segment = new Segment(serial, { paperIds, titleTerms, arxivIds, days, fieldLengths }, postings, newestArrival);
  for (const document of dead) segment.kill(document);
  return segment;
}

/** A chunk of terms, under the key of `first`, the lowest of their numbers. */
export function savedTerms(first: number, terms: readonly string[], numbers: Int32Array): SavedTerms {
  if (terms.some((term) => term.includes(TERM_SEPARATOR))) throw new Error('a term holds a line break');
  return { key: termsKey(first), terms: terms.join(TERM_SEPARATOR), numbers };
}

/** A segment's terms' text, in the order of its term numbers; undefined when it did not keep them. */
export function termTextOf(record: SavedSegment): string[] | undefined {
  if (record.termText === undefined) return undefined;
  return record.termText === '' ? [] : record.termText.split(TERM_SEPARATOR);
}

export function termsOf(record: SavedTerms): string[] {
  return record.terms === '' ? [] : record.terms.split(TERM_SEPARATOR);
}

/**
 * The order to restore the segments in: the recent ones first (recent-segments.ts), then the others
 * by their latest listing day, as the list shows them. Merges make serials a poor guide, since a
 * merged segment is new but holds old papers.
 */
export function restoreOrder(head: SavedHead): number[] {
  const { segments, newestDays, newestArrivals } = head;
  if (!newestDays || newestDays.length !== segments.length) return [...segments].reverse();
  const recent = newestArrivals?.length === segments.length ? recentPositions(newestArrivals, newestDays) : [];
  const others = segments.map((_serial, position) => position).filter((position) => !recent.includes(position));
  others.sort((a, b) => newestDays[b]! - newestDays[a]! || segments[b]! - segments[a]!);
  return [...recent, ...others].map((position) => segments[position]!);
}

/** The latest listing day among a segment's papers, 0 when it has none. */
export function newestDay(segment: Segment): number {
  let newest = 0;
  for (const day of segment.docs.days) if (day > newest) newest = day;
  return newest;
}

/** The head's dead list, by serial. */
export function deadBySerial(head: SavedHead): Map<number, number[]> {
  const dead = new Map<number, number[]>();
  for (let position = 0; position + 1 < head.dead.length; position += 2) {
    const serial = head.dead[position]!;
    let documents = dead.get(serial);
    if (!documents) dead.set(serial, (documents = []));
    documents.push(head.dead[position + 1]!);
  }
  return dead;
}
