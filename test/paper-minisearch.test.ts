import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { BatchIndexer } from '../renderer/search/batch-indexer';
import { matchClauses } from '../renderer/search/clause-matcher';
import { FIELD_BOOSTS, FIELDS, indexTerm } from '../renderer/search/index-terms';
import { PaperIndex, toSearchDocument } from '../renderer/search/paper-index';
import { MINISEARCH_OPTIONS, PaperMiniSearch, type SearchDocument } from '../renderer/search/paper-minisearch';
import { PrefixCompletions } from '../renderer/search/prefix-completions';
import { queryClauses } from '../renderer/search/query-clauses';
import { parseQuery, searchTerms } from '../renderer/search/query-syntax';
import type { SnapshotHead, SnapshotPart } from '../renderer/search/index-snapshot';
import { restoreIndex, runInSlices, saveIndex } from './index-snapshot-helpers';
import { parseFile } from './parse-file';
import { SHARED_DIR } from './shared-paths';

const papers = parseFile(`${SHARED_DIR}feeds/real/StringologyTimes/arxiv@11ba871_2024-07-20.xml`).papers;
const documents: SearchDocument[] = papers.map(toSearchDocument);
const boost = Object.fromEntries(FIELDS.map((field, fieldId) => [field, FIELD_BOOSTS[fieldId]!]));
const json = (index: MiniSearch<SearchDocument>) => JSON.parse(JSON.stringify(index)) as unknown;

function miniSearchOf(all: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
  index.addAll(all);
  return index;
}

function batchIndexed(all: readonly SearchDocument[]): PaperMiniSearch {
  const index = new PaperMiniSearch();
  const slices = runInSlices(new BatchIndexer(index, all));
  expect(slices).toBeGreaterThan(10);
  return index;
}

/** Our matcher's scores for a query of exact words, all required, by paper id. */
function matcherScores(index: PaperMiniSearch, query: string): Map<string, number> {
  const clauses = queryClauses(index, new PrefixCompletions(index), parseQuery(`${query} `), false);
  if (!clauses) return new Map();
  const { ids, scores } = matchClauses(index, clauses.clauses, clauses.exclusions);
  return new Map(ids.map((shortId) => [index.factsOf(shortId)!.id, scores[shortId]!]));
}

/** MiniSearch's scores, without the factor it multiplies them by at the end: the number of query terms a result matched. */
function miniSearchScores(index: MiniSearch<SearchDocument>, query: string): Map<string, number> {
  return new Map(index.search(query, { combineWith: 'AND', boost }).map((result) => [String(result.id), result.score / result.queryTerms.length]));
}

function expectSameScores(ours: Map<string, number>, theirs: Map<string, number>): void {
  expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
  for (const [id, score] of theirs) expect(ours.get(id), id).toBeCloseTo(score, 9);
}

describe('PaperMiniSearch, MiniSearch with batch adds and its own scoring', () => {
  it('builds, in slices, the very index that MiniSearch builds one document at a time', () => {
    expect(json(batchIndexed(documents))).toEqual(json(miniSearchOf(documents)));
  });

  it('keeps a document out of searches until all its postings are in', () => {
    const index = new PaperMiniSearch();
    const indexer = new BatchIndexer(index, documents.slice(0, 100));
    const word = searchTerms(documents[0]!.title).find((term) => indexTerm(term) !== null)!;
    while (!index.termPostings(word)) expect(indexer.step(Number.NEGATIVE_INFINITY)).toBe(false);
    expect(matcherScores(index, word).size).toBe(0);
    runInSlices(indexer);
    expect(matcherScores(index, word).size).toBeGreaterThan(0);
  });

  it('scores every match as MiniSearch scores it', () => {
    const ours = batchIndexed(documents);
    const theirs = miniSearchOf(documents);
    for (const query of ['suffix array', 'compressed text index', 'string', 'pattern matching algorithm', 'navarro']) {
      expectSameScores(matcherScores(ours, query), miniSearchScores(theirs, query));
    }
  });

  it('scores live papers only, before any vacuum, as MiniSearch does', () => {
    const ours = batchIndexed(documents);
    const theirs = miniSearchOf(documents);
    for (const document of documents.slice(0, 500)) {
      ours.discard(document.id);
      theirs.discard(document.id);
    }
    for (const query of ['suffix array', 'string']) expectSameScores(matcherScores(ours, query), miniSearchScores(theirs, query));
  });
});

describe('an index that changes', () => {
  it('answers searches between the slices of a vacuum, and ends as an index of the papers left', () => {
    // Numbered titles make a deep term tree, so that a slice ends inside a node whose other terms a search then empties.
    const numbered = Array.from({ length: 2000 }, (_unused, number) => ({ ...papers[0]!, id: `p${number}`, title: `q${String(number).padStart(4, '0')}`, abstract: '', authors: [], categories: [], arxivId: null }));
    const queries = ['q1', 'q0', 'q17', 'q174', 'q0999'];
    const index = new PaperIndex();
    index.upsert(numbered);
    const kept = numbered.filter((_paper, number) => number % 2 === 1);
    for (const paper of numbered) if (!kept.includes(paper)) index.remove(paper.id);
    const fresh = new PaperIndex();
    fresh.upsert(kept);
    expect(index.dirtFactor).toBeGreaterThan(0.2);

    const vacuum = index.vacuumJob();
    let slices = 0;
    while (!vacuum.step(Number.NEGATIVE_INFINITY)) {
      slices += 1;
      for (const query of queries) expect(index.search(query), query).toEqual(fresh.search(query));
    }
    expect(slices).toBeGreaterThan(5);
    expect(index.dirtFactor).toBe(0);
    for (const query of queries) expect(index.search(query), query).toEqual(fresh.search(query));
  });

  it('completes a word typed in part as soon as a paper brings it, however large the index', () => {
    const index = new PaperIndex();
    index.upsert(papers);
    expect(index.search('zorbl')).toEqual([]);
    index.upsert([{ ...papers[0]!, id: 'new-word', title: 'Zorblax trees for strings', arxivId: null }]);
    expect(index.search('zorbl')).toEqual(['new-word']);
  });
});

describe('the saved index', () => {
  const index = new PaperIndex();
  index.upsert(papers);
  const newestFirst = [...papers].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id));

  it('is saved in parts, newest papers first, and restored part by part with the same answers', () => {
    const records = saveIndex(index, [300, 700]);
    const [head, ...parts] = records;
    expect(head).toMatchObject({ parts: 4, documentCount: papers.length });
    expect(parts.map((part) => part.ids.length)).toEqual([300, 700, 700, papers.length - 1700]);
    const [, ...growing] = saveIndex(index, [100, 200, 500]);
    expect(growing.map((part) => [part.firstId, part.ids.length])).toEqual([[0, 100], [100, 200], [300, 500], [800, 500], [1300, 500], [1800, papers.length - 1800]]);
    expect(parts.flatMap((part) => part.ids)).toEqual(newestFirst.map((paper) => paper.id));

    const newestTitle = newestFirst[0]!.title;
    const oldestTitle = newestFirst.at(-1)!.title;
    const restored = restoreIndex(records, (partial, part) => {
      if (part === 0) {
        expect(partial.size).toBe(300);
        expect(partial.search(newestTitle)[0]).toBe(newestFirst[0]!.id);
        expect(partial.search(oldestTitle)).not.toContain(newestFirst.at(-1)!.id);
      }
    });
    for (const query of ['suffix cat:cs.DS', 'author:navarro', '1910.06169', 'learned ind', oldestTitle]) {
      expect(restored.search(query), query).toEqual(index.search(query));
    }
  });

  it('finds the papers of a part being restored only once all of the part is in', () => {
    const [head, first, second, ...others] = saveIndex(index, [300, 2000]) as [SnapshotHead, SnapshotPart, SnapshotPart];
    expect(others).toEqual([]);
    const restored = new PaperIndex();
    restored.beginRestore(head);
    runInSlices(restored.partRestorer(first));
    const restorer = restored.partRestorer(second);
    expect(restorer.step(Number.NEGATIVE_INFINITY)).toBe(false);
    // A word among the first the slice restored: its postings in the second part are in, the rest of the part is not.
    const word = `${second.terms.slice(0, 256).find((term) => /^[a-z]{5,}$/u.test(term))!} `;
    const inSecond = (ids: string[]) => ids.filter((id) => second.ids.includes(id));
    expect(inSecond(restored.search(word))).toEqual([]);
    expect(restored.search(newestFirst[0]!.title)[0]).toBe(newestFirst[0]!.id);
    runInSlices(restorer);
    expect(inSecond(restored.search(word)).length).toBeGreaterThan(0);
    expect(restored.search(word)).toEqual(index.search(word));
  });

  it('leaves out papers removed before it was saved', () => {
    const own = new PaperIndex();
    own.upsert(papers);
    const removed = papers.slice(0, 50).map((paper) => paper.id);
    for (const id of removed) own.remove(id);
    const restored = restoreIndex(saveIndex(own));
    expect(restored.size).toBe(papers.length - 50);
    expect(restored.search('string').filter((id) => removed.includes(id))).toEqual([]);
    expect(restored.search('string')).toEqual(own.search('string'));
  });
});
