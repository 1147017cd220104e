import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDomHtmlTools } from '../electron/core/dom-html-tools';
import { FORMAT_PARSERS } from '../shared/feeds/registry';
import { takeDescriptionFields } from '../shared/normalize/description-fields';
import type { Paper } from '../shared/paper';
import { parseFile } from './parse-file';
import { missingShared, REAL_DIR, SHARED_DIR } from './shared-paths';

const FIXTURES = new URL('./fixtures/descriptions/', import.meta.url).pathname;
const only = (path: string): Paper => {
  const { papers } = parseFile(path);
  expect(papers).toHaveLength(1);
  return papers[0]!;
};

describe('metadata written into a description', () => {
  it('ScienceDirect: the publication date, source and authors go to their fields, and no abstract is made of them', () => {
    const paper = only(`${FIXTURES}sciencedirect.xml`);
    expect(paper.authors).toEqual(['Kaixuan Li', 'Maria García-López', 'Jun Wang']);
    expect(paper.journalRef).toBe('Journal of Colloid and Interface Science, Volume 705, Part 2');
    expect(paper.abstract).toBe('');
    expect(paper.abstractHtml ?? '').not.toMatch(/Author\(s\)|Publication date|Source/u);
    expect(paper.published).toBe('2025-12-04');
  });

  it('a Crossref-built feed: authors, date and DOI from their lines, the abstract after them', () => {
    const paper = only(`${FIXTURES}crossref-built.xml`);
    expect(paper.authors).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(paper.published).toBe('2025-11-28');
    expect(paper.doi).toBe('10.21105/joss.08123');
    expect(paper.abstract).toBe('We present paperkit, a small library that reads paper feeds and keeps one record per paper.');
  });

  it('an arXiv bot: Published, Updated and Comments lines leave the abstract for their fields', () => {
    const paper = only(`${FIXTURES}arxiv-bot.xml`);
    expect(paper).toMatchObject({ published: '2025-11-03', updated: '2025-11-20', comment: '14 pages, 5 figures; accepted at ICLR 2026' });
    expect(paper.abstract).toBe('We study sparse mixtures of experts and show that routing collapse can be avoided with a simple balancing loss.');
  });

  it('Pensoft: the journal line, DOI, authors and abstract lines each go to their field', () => {
    const paper = only(`${FIXTURES}pensoft.xml`);
    expect(paper.authors).toEqual(['Ana Silva', 'Rohan Mehta', 'Lena Vogel']);
    expect(paper.doi).toBe('10.3897/zookeys.1261.123456');
    expect(paper.journalRef).toBe('ZooKeys 1261: 1-24');
    expect(paper.abstract).toBe('We describe a new caddisfly species from the southern Western Ghats, with notes on its larvae.');
  });

  it('CNKI: the names run into the abstract become the authors', () => {
    const paper = only(`${FIXTURES}cnki.xml`);
    expect(paper.authors).toEqual(['张伟', '李娜', '王强']);
    expect(paper.abstract).toBe('本文提出了一种基于图神经网络的文本分类方法，在三个公开数据集上取得了较好的效果。');
  });
});

describe('the real feeds that paste metadata into descriptions', () => {
  it('the Hugging Face digest: every author from the Authors line, the Summary as the abstract, the upvotes nowhere', () => {
    const { papers } = parseFile(`${REAL_DIR}huggingface-daily-paper-feed/feed.xml`);
    const first = papers.find((paper) => paper.arxivId === '2607.28609')!;
    expect(first.authors).toHaveLength(23);
    expect(first.authors.slice(0, 2)).toEqual(['Qiushi Sun', 'Kanzhi Cheng']);
    expect(first.abstract).toMatch(/^Computer-using agents \(CUAs\) are advancing rapidly/u);
    for (const paper of papers) {
      expect(paper.abstract, paper.title).not.toMatch(/^(?:Authors|Upvotes|Summary):/mu);
      expect(paper.abstractHtml ?? '', paper.title).not.toMatch(/Upvotes|Authors:/u);
    }
  });

  it('arxiv-to-rss: the pasted author list becomes the authors, not the abstract’s first line', () => {
    for (const file of ['feed.xml', 'author.xml']) {
      const { papers } = parseFile(`${REAL_DIR}arxiv-to-rss/${file}`);
      const matzko = papers.find((paper) => paper.authors[0] === 'William Matzko');
      if (matzko) expect(matzko.authors.at(-1)).toBe('Remington O. Sexton');
      for (const paper of papers) {
        const [firstAuthor] = paper.authors;
        expect(paper.abstract.startsWith(`${firstAuthor},`), `${file}: ${paper.title}`).toBe(false);
      }
      expect(papers.filter((paper) => paper.authors.length > 1).length).toBeGreaterThan(papers.length * 0.85);
    }
  });

  const NO_WHOLE_FEEDS = missingShared('description-fields reads every entry of three whole arXiv feeds in ../shared/feeds/real');

  it.skipIf(NO_WHOLE_FEEDS)('leaves the entries of arXiv’s own structured feeds as they are: their abstracts hold no metadata lines', () => {
    const html = createDomHtmlTools();
    let entries = 0;
    for (const file of ['arxivXMLParser/103.xml', 'StringologyTimes/arxiv@11ba871_2024-07-20.xml', 'daily-arXiv-ai-enhanced/2026-07-01.jsonl']) {
      const text = readFileSync(`${SHARED_DIR}feeds/real/${file}`, 'utf8');
      const parser = FORMAT_PARSERS.find((format) => format.detect(text))!;
      for (const record of parser.parse(text, { modifiedAt: new Date() }).records) {
        entries += 1;
        expect(takeDescriptionFields(record, html), `${file}: ${record.title}`).toBe(record);
      }
    }
    expect(entries).toBeGreaterThan(2500);
  });
});
