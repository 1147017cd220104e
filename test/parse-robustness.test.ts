import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDomHtmlTools } from '../electron/core/dom-html-tools';
import { FeedParseError } from '../shared/feeds/errors';
import { parseFeed } from '../shared/feeds/parse-feed';
import { FEEDS_DIR } from './shared-paths';

const html = createDomHtmlTools();
const context = { modifiedAt: new Date('2025-06-01T00:00:00Z') };

/** parseFeed's whole contract: a parsed feed, or a FeedParseError with a reason, and nothing else. */
function parsesOrRefuses(bytes: Uint8Array): void {
  try {
    const feed = parseFeed(bytes, context, html);
    for (const paper of feed.papers) expect(paper.title).not.toBe('');
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message.length).toBeGreaterThan(0);
  }
}

const realFeeds = [
  'samples/arxiv-rss2-2024.xml',
  'samples/arxiv-api-atom-entry-affiliation-doi.xml',
  'samples/arxiv-rss1-rdf-legacy.xml',
  'samples/hf-daily-papers.json',
  'samples/jsonfeed-1.1-simple.json',
  'samples/hf-papers-page-export-with-urls.txt',
  'samples/nature-rss1-rdf-shape.xml',
].map((name) => readFileSync(FEEDS_DIR + name));

describe('bad input', () => {
  it('arbitrary bytes give papers or the typed parse error, never anything else (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => parsesOrRefuses(bytes)), { numRuns: 400 });
  });

  it('arbitrary text, including markup-like text, does too (property)', () => {
    const markup = fc.stringMatching(/^[<>a-z:="'/ &;#\n{}[\],0-9]{0,300}$/u);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), markup), (text) => parsesOrRefuses(new TextEncoder().encode(text))),
      { numRuns: 400 },
    );
  });

  it('real feeds cut short or with bytes flipped do too (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...realFeeds),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (feed, cut, flips) => {
          const bytes = feed.slice(0, cut % (feed.length + 1));
          for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
          parsesOrRefuses(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
