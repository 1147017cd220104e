import { describe, expect, it } from 'vitest';
import { dateInFileName, listingDate } from '../shared/listing-date';
import type { Listing } from '../shared/paper';

const listing = (file: string, seenAt: string): Listing => ({ file, hash: 'h', format: 'hf-papers-text', seenAt, announceType: null, version: null });

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

  it('is the feed’s date, else the earliest date in a file name, else the day the paper first arrived', () => {
    const seen = [listing('b-2026-03-15.txt', '2026-03-20T08:00:00.000Z'), listing('a-2026-03-14.txt', '2026-03-21T08:00:00.000Z')];
    expect(listingDate({ published: '2026-03-10', listings: seen })).toBe('2026-03-10');
    expect(listingDate({ published: null, listings: seen })).toBe('2026-03-14');
    expect(listingDate({ published: null, listings: [listing('today.txt', '2026-03-22T23:00:00.000Z'), listing('x.txt', '2026-03-21T01:00:00.000Z')] })).toBe('2026-03-21');
  });
});
