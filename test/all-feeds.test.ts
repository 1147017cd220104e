import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeCatalog } from '../shared/merge';
import type { IngestBatch } from '../shared/paper';
import { parseFile } from './parse-file';
import { HAS_SHARED, missingShared, SHARED_DIR } from './shared-paths';

const FEEDS_DIR = join(SHARED_DIR, 'feeds');

/** Distinct papers per file, and its format; counted from each file's entries by hand and by the format tests. */
const EXPECTED: Record<string, [format: string, papers: number]> = {
  'real/StringologyTimes/arxiv@11ba871_2024-07-20.xml': ['arxiv-api', 2060],
  'real/arxiv-rss-filter/feed@11c67e9_2025-06-04.xml': ['arxiv-rss', 704],
  'real/arxiv-rss-filter/rss_cache@11c67e9_2025-06-04.json': ['feedparser-json', 880],
  'real/arxiv-rss-filter/rss_cache@a9bf7ae_2025-08-07.json': ['feedparser-json', 626],
  'real/arxiv-to-rss/author.xml': ['rss', 200],
  'real/arxiv-to-rss/feed.xml': ['rss', 300],
  'real/arxivXMLParser/1.xml': ['arxiv-oai', 1000],
  'real/arxivXMLParser/103.xml': ['arxiv-oai', 538],
  'real/arxivXMLParser/50.xml': ['arxiv-oai', 1000],
  'real/daily-arXiv-ai-enhanced/2025-03-18.jsonl': ['jsonl-daily', 328],
  'real/daily-arXiv-ai-enhanced/2026-07-01.jsonl': ['jsonl-daily', 301],
  'real/hf-daily-paper-newsletter-chinese/2024-05-27.json': ['hf-daily-json', 13],
  'real/hf-daily-paper-newsletter-chinese/2024-12-11.json': ['hf-daily-json', 26],
  'real/hf-daily-paper-newsletter-chinese/2024-12-20.json': ['hf-daily-json', 16],
  'real/hf-daily-paper-newsletter-chinese/2025-01-10.json': ['hf-daily-json', 9],
  'real/hf-daily-paper-newsletter-chinese/2025-07-22.json': ['hf-daily-json', 16],
  'real/hf-daily-paper-newsletter-chinese/2025-12-10.json': ['hf-daily-json', 10],
  'real/hf-daily-paper-newsletter-chinese/2026-04-29.json': ['hf-daily-json', 19],
  'real/hf-daily-paper-newsletter-chinese/2026-08-21.json': ['hf-daily-json', 17],
  'real/huggingface-daily-paper-feed/feed.xml': ['rss', 30],
  'real/huggingface-daily-paper-feed/feed@18bd9f8_2025-10-06.xml': ['rss', 52],
  'real/huggingface-daily-paper-feed/feed@6f008a9_2025-04-25.xml': ['rss', 15],
  'real/huggingface-daily-paper-feed/feed@e530503_2026-04-25.xml': ['rss', 22],
  'real/huggingface-daily-paper-feed/feed_monthly.xml': ['rss', 105],
  'real/huggingface-daily-paper-feed/feed_weekly.xml': ['rss', 6],
  'samples/arxiv-api-atom-entry-affiliation-doi.xml': ['arxiv-api', 1],
  'samples/arxiv-api-atom.xml': ['arxiv-api', 1],
  'samples/arxiv-atom-2024.xml': ['arxiv-atom', 1],
  'samples/arxiv-rss1-rdf-legacy.xml': ['arxiv-rdf', 3],
  'samples/arxiv-rss2-2024.xml': ['arxiv-rss', 1],
  'samples/biorxiv-rss1-rdf.xml': ['rdf', 1],
  'samples/elsevier-atypon-rss1-prism.xml': ['rdf', 1],
  'samples/hf-daily-papers.json': ['hf-daily-json', 1],
  'samples/hf-papers-page-export-with-urls.txt': ['hf-papers-text', 3],
  'samples/hf-papers-page-plaintext.txt': ['hf-papers-text', 4],
  'samples/jsonfeed-1.0-microblog.json': ['json-feed', 0],
  'samples/jsonfeed-1.1-microblog.json': ['json-feed', 0],
  'samples/jsonfeed-1.1-simple.json': ['json-feed', 0],
  'samples/nature-rss1-rdf-shape.xml': ['rdf', 1],
  'seeds/000_0d76c9f6c8fe1248.txt': ['hf-papers-text', 60],
  'seeds/003_8ae63c15b5b2dd6b.txt': ['hf-papers-text', 46],
};

function feedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return feedFiles(path);
    return name.endsWith('.md') ? [] : [relative(FEEDS_DIR, path)];
  });
}

const files = HAS_SHARED ? feedFiles(FEEDS_DIR).sort() : [];
const batches = new Map<string, IngestBatch>(files.map((file) => [file, parseFile(join(FEEDS_DIR, file), { name: file })]));

describe.skipIf(missingShared('all-feeds runs over every file in ../shared/feeds'))('every file in ../shared/feeds', () => {
  it('is listed here, so a new file cannot slip by untested', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s parses with its expected format and count', (file) => {
    const batch = batches.get(file)!;
    const [format, count] = EXPECTED[file]!;
    expect(batch.format).toBe(format);
    expect(batch.papers).toHaveLength(count);
    if (count > 0) expect(batch.errors).toEqual([]);
    else expect(batch.errors.length).toBeGreaterThan(0);
    for (const paper of batch.papers) {
      expect(paper.title).not.toBe('');
      expect(paper.title).toBe(paper.title.trim());
      expect(paper.id).toMatch(/^(arxiv|doi|url|title):\S/u);
      if (paper.arxivId) expect(paper.links.abs).toBe(`https://arxiv.org/abs/${paper.arxivId}`);
    }
  });

  it('gives one record per paper across the whole folder, with an error naming each file that has none', () => {
    const all = [...batches.values()];
    const merged = mergeCatalog(all.flatMap((batch) => batch.papers));
    expect(merged).toHaveLength(new Set(merged.map((paper) => paper.id)).size);
    expect(merged.length).toBeLessThan(all.reduce((sum, batch) => sum + batch.papers.length, 0));
    const seedPaper = merged.find((paper) => paper.title === 'Zero-Shot Tokenizer Transfer')!;
    expect(seedPaper.listings.map((listing) => listing.file).sort()).toEqual(['seeds/000_0d76c9f6c8fe1248.txt', 'seeds/003_8ae63c15b5b2dd6b.txt']);
    const empty = all.filter((batch) => batch.papers.length === 0);
    expect(empty.map((batch) => batch.errors[0]!.file)).toEqual(empty.map((batch) => batch.file));
  });
});
