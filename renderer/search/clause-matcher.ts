import { FIELD_BOOSTS, FIELDS, TITLE } from './index-terms';
import type { PaperMiniSearch, TermPostings } from './paper-minisearch';

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
/** A map lookup costs about this many steps of iterating a map. */
const LOOKUP_COST = 2;

/** One (term, field) posting list of a clause, with what scoring it needs. */
interface PostingList {
  postings: Map<number, number>;
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
  fieldLengths: Float64Array;
  query: number;
}

/**
 * The documents that match every clause and no exclusion, scored with MiniSearch's BM25+ as its
 * own search would score them. Unlike MiniSearch's search, which scores every posting of every
 * term and then intersects, it starts from the smallest clause and only checks and scores those
 * candidates against the others, by lookup or by one pass over a list, whichever is cheaper.
 */
export function matchClauses(index: PaperMiniSearch, clauses: readonly Clause[], exclusions: readonly Clause[]): Matches {
  workspace.holdUpTo(index.shortIdLimit);
  const { scores, candidate, matched, titleBits } = workspace;
  const scoring: Scoring = { scores, candidate, matched, titleBits, ...index.scoringArrays(), query: workspace.nextStamp() };
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
  for (const { postings, fieldId, factor, averageLength } of lists) {
    const titleBit = fieldId === TITLE ? bit : 0;
    postings.forEach((frequency, shortId) => {
      if (paperIds[shortId] === undefined) return;
      if (candidate[shortId] !== query) {
        candidate[shortId] = query;
        scores[shortId] = 0;
        titleBits[shortId] = 0;
        ids.push(shortId);
      }
      scores[shortId]! += factor * termScore(frequency, fieldLengths[shortId * FIELD_COUNT + fieldId]!, averageLength);
      titleBits[shortId]! |= titleBit;
    });
  }
}

/** Credits and stamps every candidate on the lists, in one pass over each list. */
function passOverLists({ scores, candidate, matched, titleBits, fieldLengths, query }: Scoring, lists: readonly PostingList[], bit: number, stamp: number): void {
  for (const { postings, fieldId, factor, averageLength } of lists) {
    const titleBit = fieldId === TITLE ? bit : 0;
    postings.forEach((frequency, shortId) => {
      if (candidate[shortId] !== query) return;
      scores[shortId]! += factor * termScore(frequency, fieldLengths[shortId * FIELD_COUNT + fieldId]!, averageLength);
      titleBits[shortId]! |= titleBit;
      matched[shortId] = stamp;
    });
  }
}

/** Credits and stamps every candidate on the lists, looking each one up in each list. */
function lookUpCandidates({ scores, matched, titleBits, fieldLengths }: Scoring, lists: readonly PostingList[], bit: number, stamp: number, ids: readonly number[]): void {
  for (const shortId of ids) {
    for (const { postings, fieldId, factor, averageLength } of lists) {
      const frequency = postings.get(shortId);
      if (frequency === undefined) continue;
      scores[shortId]! += factor * termScore(frequency, fieldLengths[shortId * FIELD_COUNT + fieldId]!, averageLength);
      if (fieldId === TITLE) titleBits[shortId]! |= bit;
      matched[shortId] = stamp;
    }
  }
}

/** Whether looking the candidates up in the lists costs less than one pass over the lists. */
function cheaperToLookUp(lists: readonly PostingList[], ids: readonly number[]): boolean {
  return ids.length * lists.length * LOOKUP_COST < size(lists);
}

/** Keeps, in place and in order, the ids that pass. */
function keepWhere(ids: number[], keep: (shortId: number) => boolean): void {
  let kept = 0;
  for (const shortId of ids) if (keep(shortId)) ids[kept++] = shortId;
  ids.length = kept;
}

function postingLists(index: PaperMiniSearch, clause: Clause): PostingList[] {
  const lists: PostingList[] = [];
  for (const { postings: byField, weight } of clause.terms) {
    for (const fieldId of clause.fields ?? ALL_FIELDS) {
      const postings = byField.get(fieldId);
      if (!postings || postings.size === 0) continue;
      const documents = postings.size;
      const inverseFrequency = Math.log(1 + (index.documentCount - documents + 0.5) / (documents + 0.5));
      lists.push({ postings, fieldId, factor: weight * FIELD_BOOSTS[fieldId]! * inverseFrequency, averageLength: index.averageFieldLength(fieldId) });
    }
  }
  return lists;
}

function size(lists: readonly PostingList[]): number {
  return lists.reduce((sum, list) => sum + list.postings.size, 0);
}

function termScore(frequency: number, fieldLength: number, averageLength: number): number {
  return D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * fieldLength) / averageLength));
}

/** The clause terms that match a document, for highlighting. */
export function matchedTerms(clauses: readonly Clause[], shortId: number): string[] {
  return clauses.flatMap((clause) =>
    clause.terms.filter(({ postings }) => (clause.fields ?? ALL_FIELDS).some((fieldId) => postings.get(fieldId)?.has(shortId))).map(({ term }) => term),
  );
}
