import type { Listing, Paper } from './paper';

/**
 * Folds a new sighting of a paper into what is stored. Pure, idempotent and
 * order-independent; read/star state is not part of a Paper, so it can never be touched.
 */
export function mergePaper(stored: Paper | undefined, incoming: Paper): Paper {
  if (!stored) return { ...incoming, listings: uniqueListings(incoming.listings) };
  return {
    id: stored.id,
    title: richer(stored.title, incoming.title),
    abstract: richer(stored.abstract, incoming.abstract),
    authors: incoming.authors.length > stored.authors.length ? incoming.authors : stored.authors,
    published: earliest(stored.published, incoming.published),
    listings: uniqueListings([...stored.listings, ...incoming.listings]),
  };
}

/** Merges papers that share an id, keeping first-seen order. */
export function mergeById(papers: Paper[]): Paper[] {
  const byId = new Map<string, Paper>();
  for (const paper of papers) byId.set(paper.id, mergePaper(byId.get(paper.id), paper));
  return [...byId.values()];
}

/** The longer text wins; on a tie the lexically smaller, so the order of merging never matters. */
function richer(a: string, b: string): string {
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a <= b ? a : b;
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

function listingKey(listing: Listing): string {
  return `${listing.hash}\u0000${listing.file}`;
}

function uniqueListings(listings: Listing[]): Listing[] {
  const byKey = new Map<string, Listing>();
  for (const listing of listings) if (!byKey.has(listingKey(listing))) byKey.set(listingKey(listing), listing);
  return [...byKey.values()].sort((x, y) => x.seenAt.localeCompare(y.seenAt) || listingKey(x).localeCompare(listingKey(y)));
}
