import { FIELD_BOOSTS, FIELDS, TITLE } from './index-terms';
import type { PostingStore, TermPostings } from './posting-store';
import { findInRun } from './segment';

/** One term a clause accepts, with the weight of a match on it (1 for the word as typed). */
export interface ClauseTerm {
  term: string;
  weight: number;
  postings: TermPostings;
}

/** Something every result must match (or, as an exclusion, must not): any of its terms, in any of its fields. */
export interface Clause {
  terms: ClauseTerm[];
  /** Field ids it may match in; every field when absent. */
  fields?: readonly number[];
  /** A word of the query: its matching in the title counts toward "the title holds every word". */
  titleWord: boolean;
}

export interface Matches {
  /** Short ids of the matching documents, unordered. */
  ids: number[];
  /** BM25 score by short id, valid for `ids`. */
  scores: Float64Array;
  /** By short id, valid for `ids`: true when every title-word clause matched in the title. */
  titleHoldsAll(shortId: number): boolean;
}

const FIELD_COUNT = FIELDS.length;
const ALL_FIELDS = FIELDS.map((_field, fieldId) => fieldId);
/** MiniSearch's BM25+ parameters. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** One run of a clause's postings (a term, a field, a segment), with what scoring it needs. */
interface PostingList {
  documents: Uint16Array;
  frequencies: Uint8Array;
  start: number;
  end: number;
  base: number;
  fieldId: number;
  /** weight × field boost × inverse document frequency. */
  factor: number;
  averageLength: number;
}

/** Per-document working state of one query, kept between queries so that a keystroke allocates little. */
class Workspace {
  scores = new Float64Array(0);
  /** The stamp of the query that made a document a candidate. */
  candidate = new Int32Array(0);
  /** The stamp of the last clause a document matched. */
  matched = new Int32Array(0);
  /** A bit per title-word clause that matched in the title. */
  titleBits = new Int32Array(0);
  private stamp = 0;

  /** Grows the arrays to hold documents up to `size`. */
  holdUpTo(size: number): void {
    if (this.scores.length >= size) return;
    const length = Math.ceil(size * 1.5);
    [this.scores, this.candidate, this.matched, this.titleBits] = [new Float64Array(length), new Int32Array(length), new Int32Array(length), new Int32Array(length)];
  }

  nextStamp(): number {
    this.stamp += 1;
    return this.stamp;
  }
}

const workspace = new Workspace();

/** One query's view of the workspace and the index's dense arrays, for the scoring loops. */
interface Scoring {
  scores: Float64Array;
  candidate: Int32Array;
  matched: Int32Array;
  titleBits: Int32Array;
  paperIds: readonly (string | undefined)[];
  fieldLengths: Uint16Array;
  query: number;
}

/**
 * The documents that match every clause and no exclusion, scored with MiniSearch's BM25+ as its
 * own search would score them. Unlike MiniSearch's search, which scores every posting of every
 * term and then intersects, it starts from the smallest clause and only checks and scores those
 * candidates against the others, by lookup or by one pass over a list, whichever is cheaper.
 */
export function matchClauses(index: PostingStore, clauses: readonly Clause[], exclusions: readonly Clause[]): Matches {
  const { paperIds, fieldLengths } = index.scoringView();
  workspace.holdUpTo(paperIds.length);
  const { scores, candidate, matched, titleBits } = workspace;
  const scoring: Scoring = { scores, candidate, matched, titleBits, paperIds, fieldLengths, query: workspace.nextStamp() };
  const lists = clauses.map((clause) => postingLists(index, clause));
  const order = clauses.map((_clause, position) => position).sort((a, b) => size(lists[a]!) - size(lists[b]!));
  const ids: number[] = [];
  let allTitleBits = 0;
  order.forEach((position, step) => {
    const bit = clauses[position]!.titleWord && position < 31 ? 1 << position : 0;
    allTitleBits |= bit;
    if (step === 0) return addCandidates(scoring, lists[position]!, bit, ids);
    const stamp = workspace.nextStamp();
    if (cheaperToLookUp(lists[position]!, ids)) lookUpCandidates(scoring, lists[position]!, bit, stamp, ids);
    else passOverLists(scoring, lists[position]!, bit, stamp);
    keepWhere(ids, (shortId) => matched[shortId] === stamp);
  });
  for (const exclusion of exclusions) {
    const excluded = postingLists(index, exclusion).map((list) => ({ ...list, factor: 0 }));
    const stamp = workspace.nextStamp();
    if (cheaperToLookUp(excluded, ids)) lookUpCandidates(scoring, excluded, 0, stamp, ids);
    else passOverLists(scoring, excluded, 0, stamp);
    keepWhere(ids, (shortId) => matched[shortId] !== stamp);
  }
  return { ids, scores, titleHoldsAll: (shortId) => (titleBits[shortId]! & allTitleBits) === allTitleBits };
}

/** The first, smallest clause: every live document on its lists becomes a candidate. */
function addCandidates({ scores, candidate, titleBits, paperIds, fieldLengths, query }: Scoring, lists: readonly PostingList[], bit: number, ids: number[]): void {
  for (const { documents, frequencies, start, end, base, fieldId, factor, averageLength } of lists) {
    const titleBit = fieldId === TITLE ? bit : 0;
    for (let posting = start; posting < end; posting += 1) {
      const shortId = base + documents[posting]!;
      if (paperIds[shortId] === undefined) continue;
      if (candidate[shortId] !== query) {
        candidate[shortId] = query;
        scores[shortId] = 0;
        titleBits[shortId] = 0;
        ids.push(shortId);
      }
      scores[shortId]! += factor * termScore(frequencies[posting]!, fieldLengths[shortId * FIELD_COUNT + fieldId]!, averageLength);
      titleBits[shortId]! |= titleBit;
    }
  }
}

/** Credits and stamps every candidate on the lists, in one pass over each list. */
function passOverLists({ scores, candidate, matched, titleBits, fieldLengths, query }: Scoring, lists: readonly PostingList[], bit: number, stamp: number): void {
  for (const { documents, frequencies, start, end, base, fieldId, factor, averageLength } of lists) {
    const titleBit = fieldId === TITLE ? bit : 0;
    for (let posting = start; posting < end; posting += 1) {
      const shortId = base + documents[posting]!;
      if (candidate[shortId] !== query) continue;
      scores[shortId]! += factor * termScore(frequencies[posting]!, fieldLengths[shortId * FIELD_COUNT + fieldId]!, averageLength);
      titleBits[shortId]! |= titleBit;
      matched[shortId] = stamp;
    }
  }
}

/** Credits and stamps every candidate on the lists, looking each one up in each list. */
function lookUpCandidates({ scores, matched, titleBits, fieldLengths }: Scoring, lists: readonly PostingList[], bit: number, stamp: number, ids: readonly number[]): void {
  for (const shortId of ids) {
    for (const { documents, frequencies, start, end, base, fieldId, factor, averageLength } of lists) {
      const local = shortId - base;
      if (local < 0 || local > documents[end - 1]!) continue;
      const posting = findInRun(documents, start, end, local);
      if (posting < 0) continue;
      scores[shortId]! += factor * termScore(frequencies[posting]!, fieldLengths[shortId * FIELD_COUNT + fieldId]!, averageLength);
      if (fieldId === TITLE) titleBits[shortId]! |= bit;
      matched[shortId] = stamp;
    }
  }
}

/** Whether looking the candidates up in the lists, by binary search, costs less than one pass over the lists. */
function cheaperToLookUp(lists: readonly PostingList[], ids: readonly number[]): boolean {
  const total = size(lists);
  return ids.length * lists.length * Math.log2(2 + total / Math.max(1, lists.length)) < total;
}

/** Keeps, in place and in order, the ids that pass. */
function keepWhere(ids: number[], keep: (shortId: number) => boolean): void {
  let kept = 0;
  for (const shortId of ids) if (keep(shortId)) ids[kept++] = shortId;
  ids.length = kept;
}

/** A clause's runs in the fields it may match, each weighted by its term's live document frequency in that field. */
function postingLists(index: PostingStore, clause: Clause): PostingList[] {
  const lists: PostingList[] = [];
  const fields = clause.fields ?? ALL_FIELDS;
  for (const { postings, weight } of clause.terms) {
    for (const fieldId of fields) {
      const runs = postings.runs.filter((run) => run.fieldId === fieldId);
      const documents = runs.reduce((sum, { segment, start, end }) => sum + segment.liveIn(start, end), 0);
      if (documents === 0) continue;
      const inverseFrequency = Math.log(1 + (index.documentCount - documents + 0.5) / (documents + 0.5));
      const factor = weight * FIELD_BOOSTS[fieldId]! * inverseFrequency;
      const averageLength = index.averageFieldLength(fieldId);
      for (const { segment, base, start, end } of runs) {
        lists.push({ documents: segment.postings.documents, frequencies: segment.postings.frequencies, start, end, base, fieldId, factor, averageLength });
      }
    }
  }
  return lists;
}

function size(lists: readonly PostingList[]): number {
  return lists.reduce((sum, list) => sum + list.end - list.start, 0);
}

function termScore(frequency: number, fieldLength: number, averageLength: number): number {
  return D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * fieldLength) / averageLength));
}

/** The clause terms that match a document, for highlighting. */
export function matchedTerms(clauses: readonly Clause[], shortId: number): string[] {
  const holds = ({ runs }: TermPostings, fields: readonly number[]) =>
    runs.some(({ segment, base, fieldId, start, end }) => fields.includes(fieldId) && shortId >= base && shortId < base + segment.size && findInRun(segment.postings.documents, start, end, shortId - base) >= 0);
  return clauses.flatMap((clause) => clause.terms.filter(({ postings }) => holds(postings, clause.fields ?? ALL_FIELDS)).map(({ term }) => term));
}
