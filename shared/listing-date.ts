import type { Paper } from './paper';

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
 * its feed's date, else the earliest date in the name of a file that lists it, else the day it first arrived.
 */
export function listingDate(paper: Pick<Paper, 'published' | 'listings'>): string {
  if (paper.published) return paper.published.slice(0, 10);
  const named = paper.listings.map((listing) => dateInFileName(listing.file)).filter((date): date is string => date !== null);
  if (named.length > 0) return named.sort()[0]!;
  return paper.listings.map((listing) => listing.seenAt.slice(0, 10)).sort()[0] ?? '';
}
