import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { matchClauses } from '../renderer/search/clause-matcher';
import { FIELD_BOOSTS, FIELDS, fieldTokens, indexTerm } from '../renderer/search/index-terms';
import { PaperIndex, toSearchDocument } from '../renderer/search/paper-index';
import { PostingStore } from '../renderer/search/posting-store';
import { PrefixCompletions } from '../renderer/search/prefix-completions';
import { queryClauses } from '../renderer/search/query-clauses';
import { parseQuery, searchTerms } from '../renderer/search/query-syntax';
import { readSources } from './source-scan';
import type { SearchDocument } from '../renderer/search/segment-builder';
import { finishInSlices, fixturePapers } from './index-test-helpers';

const papers = fixturePapers();
const documents: SearchDocument[] = papers.map(toSearchDocument);
const boost = Object.fromEntries(FIELDS.map((field, fieldId) => [field, FIELD_BOOSTS[fieldId]!]));

/** MiniSearch itself, configured as our index tokenizes: the reference our scoring must agree with. */
function miniSearchOf(all: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>({ fields: [...FIELDS], tokenize: fieldTokens, processTerm: indexTerm });
  index.addAll(all);
  return index;
}

function storeOf(all: readonly SearchDocument[], segmentSize = 500): PostingStore {
  const store = new PostingStore();
  for (let start = 0; start < all.length; start += segmentSize) finishInSlices(store.upsertJob(all.slice(start, start + segmentSize)));
  return store;
}

/** Our matcher's scores for a query of exact words, all required, by paper id. */
function matcherScores(store: PostingStore, query: string): Map<string, number> {
  const clauses = queryClauses(store, new PrefixCompletions(store), parseQuery(`${query} `), false);
  if (!clauses) return new Map();
  const { ids, scores } = matchClauses(store, clauses.clauses, clauses.exclusions);
  const { paperIds } = store.scoringView();
  return new Map(ids.map((shortId) => [paperIds[shortId]!, scores[shortId]!]));
}

/** MiniSearch's scores, without the factor it multiplies them by at the end: the number of query terms a result matched. */
function miniSearchScores(index: MiniSearch<SearchDocument>, query: string): Map<string, number> {
  return new Map(index.search(query, { combineWith: 'AND', boost }).map((result) => [String(result.id), result.score / result.queryTerms.length]));
}

function expectSameScores(ours: Map<string, number>, theirs: Map<string, number>): void {
  expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
  for (const [id, score] of theirs) expect(ours.get(id), id).toBeCloseTo(score, 9);
}

const QUERIES = ['language model', 'diffusion image generation', 'learning', 'graph neural network', 'reasoning'];

describe('the posting store, in segments', () => {
  it('scores every match as MiniSearch scores it, however the papers are split into segments', () => {
    const theirs = miniSearchOf(documents);
    for (const segmentSize of [documents.length, 100, 37]) {
      const ours = storeOf(documents, segmentSize);
      expect(ours.segments.length).toBe(Math.ceil(documents.length / segmentSize));
      for (const query of QUERIES) expectSameScores(matcherScores(ours, query), miniSearchScores(theirs, query));
    }
  });

  it('scores live papers only, as MiniSearch does once it has discarded papers', () => {
    const ours = storeOf(documents, 120);
    const theirs = miniSearchOf(documents);
    ours.remove(documents.slice(0, 150).map((document) => document.id));
    for (const document of documents.slice(0, 150)) theirs.discard(document.id);
    expect(ours.documentCount).toBe(documents.length - 150);
    for (const query of ['language model', 'learning']) expectSameScores(matcherScores(ours, query), miniSearchScores(theirs, query));
  });

  it('keeps a batch out of searches until its segment is built, and its papers’ older versions in until then', () => {
    const store = storeOf(documents.slice(0, 100));
    const word = searchTerms(documents[0]!.title).find((term) => indexTerm(term) !== null)!;
    const before = matcherScores(store, word);
    expect(before.size).toBeGreaterThan(0);
    const revised = documents.slice(0, 100).map((document) => ({ ...document, id: `${document.id}`, title: `${document.title} zebrafish` }));
    const job = store.upsertJob([...revised, ...documents.slice(100, 200)]);
    const slices = finishInSlices(job, () => {
      expect(matcherScores(store, word)).toEqual(before);
      expect(matcherScores(store, 'zebrafish').size).toBe(0);
    });
    expect(slices).toBeGreaterThan(10);
    expect(matcherScores(store, 'zebrafish').size).toBe(100);
    expect(store.documentCount).toBe(200);
  });

  it('throws when anything but the open job would change the index', () => {
    const store = storeOf(documents.slice(0, 50));
    const job = store.upsertJob(documents.slice(50, 100));
    expect(() => store.remove([documents[0]!.id])).toThrow(/while a job is open/u);
    expect(() => store.upsertJob(documents.slice(100, 110))).toThrow(/while a job is open/u);
    expect(() => store.mergeJob([...store.segments])).toThrow(/while a job is open/u);
    finishInSlices(job);
    expect(() => job.finish()).toThrow(/job is over/u);
    store.remove([documents[0]!.id]);
    expect(store.has(documents[0]!.id)).toBe(false);
  });

  it('merges segments in slices, answering as before in between, and leaves the dead out', () => {
    const index = new PaperIndex(storeOf(documents, 60));
    const removed = papers.filter((_paper, position) => position % 3 === 0).map((paper) => paper.id);
    index.remove(removed);
    const kept = papers.filter((paper) => !removed.includes(paper.id));
    const fresh = new PaperIndex();
    fresh.upsert(kept);
    const queries = ['language model', 'diffusion', 'learned rep', 'reasonnig', 'transfromer', 'graph'];
    const answers = queries.map((query) => index.search(query));
    expect(answers.filter((found) => found.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(answers).toEqual(queries.map((query) => fresh.search(query)));

    const { store } = index;
    const slices = finishInSlices(store.mergeJob([...store.segments]), () => {
      expect(queries.map((query) => index.search(query))).toEqual(answers);
    });
    expect(slices).toBeGreaterThan(5);
    expect(store.segments).toHaveLength(1);
    expect(store.segments[0]!.size).toBe(kept.length);
    expect(store.segments[0]!.postings.documents.length).toBe(fresh.store.segments[0]!.postings.documents.length);
    expect(queries.map((query) => index.search(query))).toEqual(answers);
  });

  it('completes a word typed in part as soon as a paper brings it, however large the index', () => {
    const index = new PaperIndex();
    index.upsert(papers);
    expect(index.search('zorbl')).toEqual([]);
    index.upsert([{ ...papers[0]!, id: 'new-word', title: 'Zorblax trees for strings', arxivId: null }]);
    expect(index.search('zorbl')).toEqual(['new-word']);
    index.remove(['new-word']);
    expect(index.search('zorbl')).toEqual([]);
  });
});

describe('MiniSearch, used through its public API only', () => {
  const sources = readSources('renderer', 'shared', 'electron');

  it('is imported only as its exported SearchableMap, by the term dictionary', () => {
    const importers = sources.filter(({ text }) => /from 'minisearch[^']*'/u.test(text));
    expect(importers.map(({ file }) => file)).toEqual(['renderer/search/term-dictionary.ts']);
    expect(importers[0]!.text).toMatch(/^import SearchableMap from 'minisearch\/SearchableMap';$/mu);
  });

  it('has none of its private or protected fields read anywhere', () => {
    // MiniSearch and SearchableMap mark their internal fields with a leading underscore (_index, _tree, _documentIds, …).
    const internal = /\.\s*_[A-Za-z]\w*/u;
    expect(internal.test('this.engine._documentIds.get(id)')).toBe(true);
    expect(sources.filter(({ text }) => internal.test(text)).map(({ file }) => file)).toEqual([]);
  });
});
