import type { Paper } from './paper';

/** A moment's local day, YYYY-MM-DD. */
export function localDay(moment: Date): string {
  return [moment.getFullYear(), moment.getMonth() + 1, moment.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}

/** 2026-03-14, 2026_03_14 or 20260314 in a file name, between word boundaries. */
const DATE_IN_NAME = /(?<![0-9])(19[9][0-9]|20[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?![0-9])/u;

/** A valid calendar day (YYYY-MM-DD) written in a file's name, or null. */
export function dateInFileName(file: string): string | null {
  const name = file.split('/').at(-1)!;
  const match = DATE_IN_NAME.exec(name);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : null;
}

/**
 * The day a paper is listed under, so that a daily listing without dates does not sink to the end:
 * the date its entry gives (published, else updated: Atom requires only updated), else the earliest date in the name of a file that lists it, else the
 * earliest date a listing's feed gives for itself (an RSS channel's, an Atom feed's updated), else the
 * day it first arrived, as `dayOf` tells the day of a moment (the reader's local day; UTC where none is given).
 */
export function listingDate(paper: Pick<Paper, 'published' | 'updated' | 'listings'>, dayOf = (iso: string) => iso.slice(0, 10)): string {
  return datedListing(paper, dayOf).day;
}

/** Where a listing date comes from, in the order listingDate tries them. */
export type ListingDateSource = 'entry' | 'file name' | 'feed' | 'arrival';

/** The listing date and where it comes from. */
export function datedListing(paper: Pick<Paper, 'published' | 'updated' | 'listings'>, dayOf = (iso: string) => iso.slice(0, 10)): { day: string; source: ListingDateSource } {
  const entryDate = paper.published || paper.updated;
  if (entryDate) return { day: entryDate.slice(0, 10), source: 'entry' };
  const named = earliest(paper.listings.map((listing) => dateInFileName(listing.file)));
  if (named !== undefined) return { day: named, source: 'file name' };
  const feedDated = earliest(paper.listings.map((listing) => listing.feedDate));
  if (feedDated !== undefined) return { day: feedDated, source: 'feed' };
  const firstSeen = earliest(paper.listings.map((listing) => listing.seenAt));
  return { day: firstSeen === undefined ? '' : dayOf(firstSeen), source: 'arrival' };
}

/** The first in sort order of the values that are there: ISO dates and moments sort by time. */
function earliest(values: readonly (string | null | undefined)[]): string | undefined {
  return values.filter((value): value is string => typeof value === 'string' && value !== '').sort()[0];
}
