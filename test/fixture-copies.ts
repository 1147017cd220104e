/**
 * How each file under test/fixtures/feeds/ and test/fixtures/parser-suites/ was made from ../shared: a
 * byte-for-byte copy, or an excerpt that keeps a larger file's head and tail and some of its entries, byte for
 * byte. test/fixture-copies.test.ts checks the files against this list when ../shared is there, and writes them
 * from it with PAPERDROP_WRITE_FIXTURES=1.
 */

/** Where a copy's text comes from: a path under ../shared, and what is kept of it. */
export interface FixtureCopy {
  /** Under test/fixtures/. */
  path: string;
  /** Under ../shared/. */
  source: string;
  excerpt?: Excerpt;
}

/**
 * `elements`: the text before the first `<tag>` element, the elements kept (the first `first`, then those at the
 * indices in `also`, counted from 0), each followed by the whitespace that followed it, and the text after the last one.
 * `lines`: the lines kept, in the same way, ending with a newline as the source does.
 * `feedparser-json`: of each feed in a cache, the first entries (counts in feed order), written as the source is (two-space JSON).
 */
export type Excerpt =
  | { kind: 'elements'; tag: string; first: number; also?: readonly number[] }
  | { kind: 'lines'; first: number; also?: readonly number[] }
  | { kind: 'feedparser-json'; entries: readonly number[] };

const REAL = 'feeds/real/';
const whole = (path: string): FixtureCopy => ({ path, source: path });
const samples = [
  'NOTES.md',
  'arxiv-api-atom-entry-affiliation-doi.xml',
  'arxiv-api-atom.xml',
  'arxiv-atom-2024.xml',
  'arxiv-rss1-rdf-legacy.xml',
  'arxiv-rss2-2024.xml',
  'biorxiv-rss1-rdf.xml',
  'elsevier-atypon-rss1-prism.xml',
  'hf-daily-papers.json',
  'hf-papers-page-export-with-urls.txt',
  'hf-papers-page-plaintext.txt',
  'jsonfeed-1.0-microblog.json',
  'jsonfeed-1.1-microblog.json',
  'jsonfeed-1.1-simple.json',
  'nature-rss1-rdf-shape.xml',
];

export const FIXTURE_COPIES: readonly FixtureCopy[] = [
  ...['000_0d76c9f6c8fe1248.txt', '003_8ae63c15b5b2dd6b.txt'].map((name) => whole(`feeds/seeds/${name}`)),
  ...samples.map((name) => whole(`feeds/samples/${name}`)),
  // The Hugging Face daily_papers dumps in their odd real-world layouts: a plain array, Python-repr strings (twice), a wrapper.
  ...['2024-05-27.json', '2024-12-11.json', '2024-12-20.json', '2025-01-10.json'].map((name) => whole(`${REAL}hf-daily-paper-newsletter-chinese/${name}`)),
  whole(`${REAL}huggingface-daily-paper-feed/feed.xml`),
  {
    // 1910.06169 (the PGM-index) and the 19 after it; 1902.03568 (Artur Jeż); 1810.05313v2 (a revised entry with a DOI);
    // 2105.13595 (affiliations); 1102.5682 (Gawrychowski, Jeż, Maletti); cs/0512061 (an old-style id).
    path: `${REAL}StringologyTimes/arxiv@11ba871_2024-07-20.xml`,
    source: `${REAL}StringologyTimes/arxiv@11ba871_2024-07-20.xml`,
    excerpt: { kind: 'elements', tag: 'entry', first: 20, also: [299, 365, 665, 1026, 1067] },
  },
  {
    // Item 5 is "Matrix Is All You Need", with the filter's note and doubled guid.
    path: `${REAL}arxiv-rss-filter/feed@11c67e9_2025-06-04.xml`,
    source: `${REAL}arxiv-rss-filter/feed@11c67e9_2025-06-04.xml`,
    excerpt: { kind: 'elements', tag: 'item', first: 12 },
  },
  {
    // The first entry is 2506.01959; the eighth, 2506.01967, has LaTeX accents in its author string.
    path: `${REAL}arxiv-rss-filter/rss_cache@11c67e9_2025-06-04.json`,
    source: `${REAL}arxiv-rss-filter/rss_cache@11c67e9_2025-06-04.json`,
    excerpt: { kind: 'feedparser-json', entries: [10, 3] },
  },
  {
    // Item 172 is William Matzko's paper, whose author list the description pastes in.
    path: `${REAL}arxiv-to-rss/feed.xml`,
    source: `${REAL}arxiv-to-rss/feed.xml`,
    excerpt: { kind: 'elements', tag: 'item', first: 15, also: [172] },
  },
  { path: `${REAL}arxiv-to-rss/author.xml`, source: `${REAL}arxiv-to-rss/author.xml`, excerpt: { kind: 'elements', tag: 'item', first: 15 } },
  {
    // 0704.0002 first; 0704.0802 (forenames, keyname and suffix).
    path: `${REAL}arxivXMLParser/1.xml`,
    source: `${REAL}arxivXMLParser/1.xml`,
    excerpt: { kind: 'elements', tag: 'record', first: 10, also: [26] },
  },
  {
    // 1308.3996 (character references in names and affiliations).
    path: `${REAL}arxivXMLParser/50.xml`,
    source: `${REAL}arxivXMLParser/50.xml`,
    excerpt: { kind: 'elements', tag: 'record', first: 5, also: [278] },
  },
  {
    // math/0612264 is the eighth; quant-ph/0101133, quant-ph/0610153 (its authors' own "<sub>" markup), quant-ph/9904108 (several affiliations each).
    path: `${REAL}arxivXMLParser/103.xml`,
    source: `${REAL}arxivXMLParser/103.xml`,
    excerpt: { kind: 'elements', tag: 'record', first: 8, also: [270, 473, 526] },
  },
  {
    // Line 77 is TerraDiT-Ω; lines 178 and 246 list again papers of the first 30 (2606.31461, 2606.30775).
    path: `${REAL}daily-arXiv-ai-enhanced/2026-07-01.jsonl`,
    source: `${REAL}daily-arXiv-ai-enhanced/2026-07-01.jsonl`,
    excerpt: { kind: 'lines', first: 30, also: [76, 177, 245] },
  },
  {
    // Lines 138 and 139 list the first two papers again.
    path: `${REAL}daily-arXiv-ai-enhanced/2025-03-18.jsonl`,
    source: `${REAL}daily-arXiv-ai-enhanced/2025-03-18.jsonl`,
    excerpt: { kind: 'lines', first: 20, also: [137, 138] },
  },
  // Single files of the third-party parser test suites, under their licences (copied beside them).
  ...[
    'feedparser/LICENSE',
    'feedparser/tests/wellformed/rss/rss_version_20.xml',
    'feedparser/tests/illformed/rss_item_link_corrupted_ampersands.xml',
    'feedparser/tests/encoding/bozo_linenoise.xml',
    'feedparser/tests/encoding/bozo_invalid-bytes-with-bom.xml',
    'feedparser/tests/encoding/bozo_bogus_encoding.xml',
    'rss-parser/LICENSE',
    'rss-parser/test/input/rss-1.rss',
    'rss-parser/test/input/encoding.rss',
    'rss-parser/test/input/uolNoticias.rss',
    'feedsmith/LICENSE',
    'feedsmith/src/feeds/atom/references/atom-03.xml',
    'feedsmith/src/feeds/atom/references/atom-ns.xml',
    'feedsmith/src/feeds/rdf/references/rdf-09.xml',
    'feedsmith/src/feeds/rss/references/rss-091.xml',
    'feedsmith/src/feeds/rss/references/rss-ns.xml',
    'feed-extractor/LICENSE',
    'feed-extractor/tests/test-data/atom-feed-standard.xml',
    'feed-extractor/tests/test-data/json-feed-standard.json',
  ].map((path) => ({ path: `parser-suites/${path}`, source: `fixtures/${path}` })),
];

/** The kept indices, in order: the first `first`, then `also`. */
function kept(count: number, first: number, also: readonly number[] = []): number[] {
  const indices = [...Array.from({ length: Math.min(first, count) }, (_, index) => index), ...also];
  for (const index of indices) if (index >= count) throw new Error(`the source has ${count} entries; index ${index} is past them`);
  return indices;
}

/** The copy's bytes from the source's. */
export function makeCopy(copy: FixtureCopy, source: Buffer): Buffer {
  const { excerpt } = copy;
  if (!excerpt) return source;
  const text = source.toString('utf8');
  if (excerpt.kind === 'lines') {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return Buffer.from(`${kept(lines.length, excerpt.first, excerpt.also).map((index) => lines[index]!).join('\n')}\n`);
  }
  if (excerpt.kind === 'feedparser-json') {
    const cache = JSON.parse(text) as Record<string, { entries: unknown[] }>;
    const feeds = Object.entries(cache);
    if (feeds.length !== excerpt.entries.length) throw new Error(`the cache holds ${feeds.length} feeds, not ${excerpt.entries.length}`);
    const cut = Object.fromEntries(feeds.map(([url, feed], index) => [url, { ...feed, entries: feed.entries.slice(0, excerpt.entries[index]) }]));
    return Buffer.from(JSON.stringify(cut, null, 2));
  }
  const elements = [...text.matchAll(new RegExp(`<${excerpt.tag}(?=[\\s>])[\\s\\S]*?</${excerpt.tag}>`, 'gu'))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  if (elements.length === 0) throw new Error(`no <${excerpt.tag}> in ${copy.source}`);
  const gapAfter = (index: number) => text.slice(elements[index]!.end, elements[index + 1]?.start ?? elements[index]!.end).match(/^\s*/u)![0];
  const indices = kept(elements.length, excerpt.first, excerpt.also);
  const body = indices.map((index, at) => text.slice(elements[index]!.start, elements[index]!.end) + (at < indices.length - 1 ? gapAfter(Math.min(index, elements.length - 2)) : '')).join('');
  return Buffer.from(text.slice(0, elements[0]!.start) + body + text.slice(elements.at(-1)!.end));
}
