import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PaperIndex } from '../renderer/search/paper-index';
import { parseFile } from './parse-file';
import { missingShared, SHARED_DIR } from './shared-paths';

/** Real listings of machine-learning papers (2025–26) and of computer science at large (2016): about 5,000 papers. */
const FEED_FOLDERS = ['arxiv-rss-filter', 'daily-arXiv-ai-enhanced', 'arxivXMLParser'];
const skip = missingShared('the typo suite reads about 5,000 papers from three whole real feed folders');
const papers = (skip ? [] : FEED_FOLDERS).flatMap((folder) => {
  const path = `${SHARED_DIR}feeds/real/${folder}/`;
  return readdirSync(path).flatMap((name) => parseFile(path + name).papers);
});
const index = new PaperIndex();
index.upsert(papers);
const byId = new Map(papers.map((paper) => [paper.id, paper]));
const textOf = (id: string) => {
  const { title, abstract, authors } = byId.get(id)!;
  return `${title} ${abstract} ${authors.join(' ')}`;
};
const holds = (id: string, word: string) => new RegExp(`\\b${word}\\b`, 'iu').test(textOf(id));

describe.skipIf(skip)('typos a reader makes, over real papers', () => {
  it('finds for "transfromer" what it finds for "transformer", in the same order', () => {
    const meant = index.search('transformer');
    const typed = index.search('transfromer');
    expect(typed.length).toBeGreaterThan(100);
    expect(typed.slice(0, 10)).toEqual(meant.slice(0, 10));
    expect(typed).toEqual(expect.arrayContaining(meant));
  });

  it.each([
    ['nueral', 'neural'],
    ['lagnuage', 'language'],
    ['grpah', 'graph'],
    ['attetnion', 'attention'],
    ['segmetnation', 'segmentation'],
  ])('finds for "%s" the papers it finds for "%s", best first', (typo, word) => {
    const meant = index.search(word);
    const typed = index.search(typo);
    expect(meant.length).toBeGreaterThan(50);
    expect(typed).toEqual(expect.arrayContaining(meant));
    // Other indexed words a typo away may rank a paper or two above them.
    expect(typed.slice(0, 15)).toEqual(expect.arrayContaining(meant.slice(0, 10)));
  });

  it('forgives swapped letters in a word after others, and in the word still being typed', () => {
    const meant = index.search('graph neural network');
    expect(meant.length).toBeGreaterThan(10);
    for (const typo of ['grpah nueral network', 'graph neural netwrok']) {
      const typed = index.search(typo);
      expect(typed[0], typo).toBe(meant[0]);
      expect(typed, typo).toEqual(expect.arrayContaining(meant));
      expect(typed.slice(0, 15), typo).toEqual(expect.arrayContaining(meant.slice(0, 10)));
    }
  });

  it('ranks first the papers that hold a rare word as it is spelt, above those holding a commoner word it swaps into', () => {
    for (const [rare, common] of [
      ['discreet', 'discrete'],
      ['paris', 'pairs'],
      ['flies', 'files'],
    ] as const) {
      const spelt = index.search(`${rare} `);
      const holding = spelt.filter((id) => holds(id, rare));
      expect(holding.length, rare).toBeGreaterThan(0);
      expect(holding.length, rare).toBeLessThan(5);
      expect(spelt.slice(0, holding.length), rare).toEqual(holding);
      expect(spelt.length, rare).toBeGreaterThan(holding.length);
      expect(spelt.slice(holding.length).every((id) => holds(id, common)), rare).toBe(true);
    }
  });

  it('does not forgive more typos than a word allows', () => {
    // Two swaps in words of five and six letters, which allow one typo; three in an eleven-letter word, which allows two.
    for (const [typo, word] of [
      ['grpha', 'graph'],
      ['nuerla', 'neural'],
      ['tarnsfromre', 'transformer'],
    ] as const) {
      const meant = new Set(index.search(word));
      expect(index.search(typo).filter((id) => meant.has(id)), typo).toEqual([]);
    }
  });
});
