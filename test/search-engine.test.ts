import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { restoreJob } from '../renderer/search/index-restore';
import { IndexSaver } from '../renderer/search/index-saver';
import { readSavedHead } from '../renderer/search/index-store';
import { containsPhrases } from '../renderer/search/phrase-check';
import { PaperIndex } from '../renderer/search/paper-index';
import { PostingStore } from '../renderer/search/posting-store';
import { finishInSlices } from './index-test-helpers';
import { parseFile } from './parse-file';
import { searchIndexOpener } from './sample-library';
import { missingShared, SHARED_DIR } from './shared-paths';

const skip = missingShared('the search engine suite reads the whole 2,060-paper StringologyTimes feed');
const papers = skip ? [] : parseFile(`${SHARED_DIR}feeds/real/StringologyTimes/arxiv@11ba871_2024-07-20.xml`).papers;
const index = new PaperIndex();
index.upsert(papers);
const byId = new Map(papers.map((paper) => [paper.id, paper]));
const pgm = papers.find((paper) => paper.arxivId === '1910.06169')!;
const openDatabase = searchIndexOpener('search-engine');

describe.skipIf(skip)('the search engine on 2,060 real arXiv papers', () => {
  it('finds a paper by its arXiv id pasted in any form, first', () => {
    for (const query of ['1910.06169', '1910.06169v1', 'arXiv:1910.06169', 'https://arxiv.org/abs/1910.06169v1']) {
      expect(index.search(query)[0], query).toBe(pgm.id);
    }
  });

  it('ranks a known item first from the first words of its title', () => {
    expect(index.search('The PGM-index: a multicriteria')[0]).toBe(pgm.id);
  });

  it('finds known items from the first words of their titles, even when the last word typed is a stop word', () => {
    const sample = papers.filter((_paper, position) => position % 40 === 0);
    const firstWords = (title: string, count: number) => title.split(/\s+/u).slice(0, count).join(' ');
    const found = sample.filter((paper) => index.search(firstWords(paper.title, 4))[0] === paper.id);
    expect(found.length / sample.length).toBeGreaterThanOrEqual(0.9);
    expect(index.search('The PGM-index: a')[0]).toBe(pgm.id);
  });

  it('searches authors with author:, and only authors', () => {
    const results = index.search('author:navarro');
    expect(results.length).toBeGreaterThan(10);
    for (const id of results) expect(byId.get(id)!.authors.join(' ')).toMatch(/navarro/iu);
  });

  it('filters by category with cat:, and leaves out with -cat: and -word', () => {
    const suffix = index.search('suffix');
    const inDs = index.search('suffix cat:cs.DS');
    expect(inDs.length).toBeGreaterThan(0);
    expect(inDs.length).toBeLessThan(suffix.length);
    for (const id of inDs) expect(byId.get(id)!.categories).toContain('cs.DS');
    for (const id of index.search('suffix -cat:cs.DS')) expect(byId.get(id)!.categories).not.toContain('cs.DS');
    for (const id of index.search('suffix -array')) expect(`${byId.get(id)!.title} ${byId.get(id)!.abstract}`).not.toMatch(/\barrays?\b/iu);
  });

  it('needs every word, prefix-matches only the last one, and forgives typos only when exact finds little', () => {
    expect(index.search('compressed suffix arrays').length).toBeLessThan(index.search('compressed').length);
    expect(index.search('compres')).toEqual(expect.arrayContaining(index.search('compressed')));
    expect(index.search('compres suffix')).not.toEqual(expect.arrayContaining(index.search('compressed suffix')));
    expect(index.search('multicritera')).toContain(pgm.id);
  });

  it('lets a short typed prefix stand for its commonest completions only, the word itself first', () => {
    const typed = index.query({ words: ['co'], phrases: [], authors: [], categories: [], excluded: [], excludedCategories: [], arxivIds: [], lastWordIsPrefix: true });
    const completions = new Set(typed.terms.map((term) => term.term));
    expect(completions.size).toBeGreaterThan(3);
    expect(completions.size).toBeLessThanOrEqual(17);
    for (const term of completions) expect(term.startsWith('co')).toBe(true);
  });

  it('reports the matched words, to highlight', () => {
    const result = index.query({ words: ['learned', 'index'], phrases: [], authors: [], categories: [], excluded: [], excludedCategories: [], arxivIds: [], lastWordIsPrefix: false });
    expect(result.terms.map((term) => term.term)).toEqual(expect.arrayContaining(['learned', 'index']));
  });

  it('round-trips through the saved index with the same answers', async () => {
    const db = openDatabase();
    await new IndexSaver(db, 'test').save(index.store, 1);
    const store = new PostingStore();
    const restoring = restoreJob(db, (await readSavedHead(db, 'test'))!, store);
    while (!(await restoring.step(Number.NEGATIVE_INFINITY)));
    while (!store.dictionary.buildTree(Number.NEGATIVE_INFINITY));
    const loaded = new PaperIndex(store);
    expect(loaded.size).toBe(index.size);
    for (const query of ['suffix cat:cs.DS', 'author:navarro', '1910.06169', 'learned ind', 'multicritera', '"learned indexes"', 'suffix -array']) {
      expect(loaded.search(query), query).toEqual(index.search(query));
    }
  });

  it('answers the same once the segments that replaced papers left dead documents in are merged', () => {
    const own = new PaperIndex();
    own.upsert(papers);
    own.upsert(papers.slice(0, 800).map((paper) => ({ ...paper, title: `${paper.title} revised` })));
    const { store } = own;
    expect(store.segments.map((segment) => segment.size - segment.liveCount).reduce((sum, dead) => sum + dead)).toBe(800);
    const before = own.search('suffix array');
    expect(finishInSlices(store.mergeJob([...store.segments]))).toBeGreaterThan(10);
    expect(store.segments).toHaveLength(1);
    expect(store.segments[0]!.size).toBe(papers.length);
    expect(own.search('suffix array')).toEqual(before);
  });

  it('checks phrases word for word', () => {
    expect(containsPhrases(pgm, [['learned', 'indexes']])).toBe(true);
    expect(containsPhrases(pgm, [['indexes', 'learned']])).toBe(false);
  });
});
