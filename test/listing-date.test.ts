import { describe, expect, it } from 'vitest';
import { dateInFileName, listingDate } from '../shared/listing-date';
import type { Listing } from '../shared/paper';
import { parseFile, parseText } from './parse-file';
import { PARSER_SUITES_DIR } from './shared-paths';

const listing = (file: string, seenAt: string): Listing => ({ file, hash: 'h', format: 'hf-papers-text', seenAt, announceType: null, version: null });
const feedListing = (file: string, seenAt: string, feedDate: string): Listing => ({ ...listing(file, seenAt), format: 'rss', feedDate });

describe('the listing date', () => {
  it('reads a day from a file name in the forms people save them', () => {
    expect(dateInFileName('hf-daily-2026-03-14.txt')).toBe('2026-03-14');
    expect(dateInFileName('downloads/arxiv_cs.CL_20260314.xml')).toBe('2026-03-14');
    expect(dateInFileName('2026_03_14 papers.json')).toBe('2026-03-14');
  });

  it('takes no day from numbers that are not one', () => {
    expect(dateInFileName('000_0d76c9f6c8fe1248.txt')).toBeNull();
    expect(dateInFileName('2026-02-30.txt')).toBeNull();
    expect(dateInFileName('arxiv-2401.12345.xml')).toBeNull();
    expect(dateInFileName('2026-03-14/papers.txt')).toBeNull();
    expect(dateInFileName('id120260314999.txt')).toBeNull();
  });

  it('is the entry’s date, else the earliest date in a file name, else the day the paper first arrived', () => {
    const seen = [listing('b-2026-03-15.txt', '2026-03-20T08:00:00.000Z'), listing('a-2026-03-14.txt', '2026-03-21T08:00:00.000Z')];
    expect(listingDate({ published: '2026-03-10', updated: null, listings: seen })).toBe('2026-03-10');
    expect(listingDate({ published: null, updated: null, listings: seen })).toBe('2026-03-14');
    expect(listingDate({ published: null, updated: null, listings: [listing('today.txt', '2026-03-22T23:00:00.000Z'), listing('x.txt', '2026-03-21T01:00:00.000Z')] })).toBe('2026-03-21');
  });

  it('takes an entry’s updated as its date when it gives no published one, as Atom allows', () => {
    const seen = [listing('a-2026-03-14.txt', '2026-03-21T08:00:00.000Z')];
    expect(listingDate({ published: null, updated: '2026-03-09T10:00:00Z', listings: seen })).toBe('2026-03-09');
    expect(listingDate({ published: '2026-03-02', updated: '2026-03-09T10:00:00Z', listings: seen })).toBe('2026-03-02');
    const atom = [
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Lab preprints</title><id>urn:lab</id>',
      '<entry><title>Sparse attention for long documents</title><id>https://example.org/p/1</id><updated>2026-03-09T10:00:00Z</updated>',
      '<link href="https://example.org/p/1"/><summary>We read long documents in linear time.</summary></entry></feed>',
    ].join('');
    const [paper] = parseText(atom, 'preprints.atom', new Date('2026-03-21T08:00:00Z')).papers;
    expect(paper!.updated).toBe('2026-03-09');
    expect(listingDate(paper!)).toBe('2026-03-09');
  });

  it('takes the earliest date a listing’s feed gives for itself after a file name’s and before the day of arrival', () => {
    const fromFeeds = [feedListing('b.xml', '2026-03-20T08:00:00.000Z', '2026-03-12'), feedListing('a.xml', '2026-03-21T08:00:00.000Z', '2026-03-11')];
    expect(listingDate({ published: null, updated: null, listings: fromFeeds })).toBe('2026-03-11');
    expect(listingDate({ published: null, updated: null, listings: [...fromFeeds, listing('c-2026-03-14.txt', '2026-03-22T08:00:00.000Z')] })).toBe('2026-03-14');
    expect(listingDate({ published: '2026-03-02', updated: null, listings: fromFeeds })).toBe('2026-03-02');
    // A listing stored before listings had a feed date has none: the day of arrival still answers.
    expect(listingDate({ published: null, updated: null, listings: [listing('old.xml', '2026-03-21T08:00:00.000Z')] })).toBe('2026-03-21');
  });
});

describe('the feed’s own date, read from the file', () => {
  it('dates RSS items that carry none by their channel’s pubDate', () => {
    // feedsmith's RSS 0.91 reference feed: the channel has a pubDate and a lastBuildDate, its items no date.
    const batch = parseFile(`${PARSER_SUITES_DIR}feedsmith/src/feeds/rss/references/rss-091.xml`, { seenAt: new Date('2026-03-21T08:00:00Z') });
    expect(batch.papers.map((paper) => paper.title).sort()).toEqual(['First item title', 'Second item title']);
    for (const paper of batch.papers) {
      expect(paper.published).toBeNull();
      expect(paper.listings.map((each) => each.feedDate)).toEqual(['1988-03-19']);
      expect(listingDate(paper)).toBe('1988-03-19');
    }
  });

  it('dates Atom entries that carry none by the feed’s updated, as the feed writes the day', () => {
    const atom = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '  <title>Group preprints</title>',
      '  <id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>',
      '  <updated>2026-03-13T23:30:02-05:00</updated>',
      '  <entry>',
      '    <title>Sparse attention for long documents</title>',
      '    <id>https://example.org/preprints/sparse-attention</id>',
      '    <link href="https://example.org/preprints/sparse-attention"/>',
      '    <summary>We read long documents in linear time.</summary>',
      '  </entry>',
      '</feed>',
    ].join('\n');
    const [paper, ...others] = parseText(atom, 'preprints.atom', new Date('2026-03-21T08:00:00Z')).papers;
    expect(others).toEqual([]);
    expect(paper!.published).toBeNull();
    expect(paper!.listings[0]!.feedDate).toBe('2026-03-13');
    expect(listingDate(paper!)).toBe('2026-03-13');
  });

  it('gives a listing no feed date when the feed has none', () => {
    const rss = '<rss version="2.0"><channel><title>Undated</title><item><title>A paper</title><link>https://example.org/a</link></item></channel></rss>';
    const [paper] = parseText(rss, 'undated.xml', new Date('2026-03-21T08:00:00Z')).papers;
    expect(paper!.listings[0]).not.toHaveProperty('feedDate');
    expect(listingDate(paper!)).toBe('2026-03-21');
  });
});
