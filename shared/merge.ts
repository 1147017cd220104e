import type { Listing, Paper } from './paper';
import { findPmid } from './normalize/pmid';
import { normaliseTitle } from './normalize/title';

/**
 * Folds the sightings of one paper into one. Pure and idempotent, and planMerge hands the
 * sightings over sorted, so the order files arrive in never changes the result. Read/star state
 * is not part of a Paper, so no merge can touch it.
 */
function mergePapers(papers: readonly Paper[]): Paper {
  if (papers.length === 1) return papers[0]!;
  // What sightings add to is gathered once: folded pair by pair, a paper listed by n files cost n² steps.
  return {
    ...papers.reduce(mergeFields),
    affiliations: mergeAffiliations(papers.map((paper) => paper.affiliations)),
    categories: [...new Set(papers.flatMap((paper) => paper.categories))].sort(),
    classes: [...new Set(papers.flatMap((paper) => paper.classes))].sort(),
    listings: uniqueListings(papers.flatMap((paper) => paper.listings)),
  };
}

/** Two sightings' fields, but for the affiliations, categories, classes and listings that mergePapers gathers. */
function mergeFields(a: Paper, b: Paper): Paper {
  const newer = (b.version ?? 0) > (a.version ?? 0) ? b : a;
  const versionsDiffer = (a.version ?? 0) !== (b.version ?? 0);
  const text = versionsDiffer && newer.abstract !== '' ? newer : richerAbstract(a, b);
  return {
    id: preferredId([a.id, b.id]),
    arxivId: either(a.arxivId, b.arxivId),
    version: a.version === null && b.version === null ? null : Math.max(a.version ?? 0, b.version ?? 0),
    doi: preferredDoi(a.doi, b.doi),
    url: either(a.url, b.url),
    title: versionsDiffer && newer.title !== '' ? newer.title : richer(a.title, b.title),
    abstract: text.abstract,
    abstractHtml: text.abstractHtml,
    abstractSource: text.abstractSource,
    authors: richerList(a.authors, b.authors),
    affiliations: {},
    published: earliest(a.published, b.published),
    updated: latest(a.updated, b.updated),
    categories: [],
    primaryCategory: either(a.primaryCategory, b.primaryCategory),
    classes: [],
    comment: versionsDiffer && newer.comment ? newer.comment : either(a.comment, b.comment),
    journalRef: either(a.journalRef, b.journalRef),
    links: {
      abs: either(a.links.abs, b.links.abs),
      pdf: either(a.links.pdf, b.links.pdf),
      doi: either(a.links.doi, b.links.doi),
      hf: either(a.links.hf, b.links.hf),
    },
    listings: [],
  };
}

export interface MergePlan {
  /** Papers to write, each under its final id. */
  put: Paper[];
  /** Stored papers folded into another: delete them, and carry their state over to `into`. */
  absorbed: { from: string; into: string }[];
}

/**
 * Merges incoming papers with the stored ones they match. Papers are one when they share an
 * arXiv id, a DOI, a PubMed id or a canonical URL; a paper known only by its title joins the
 * keyed paper with the same normalised title. `stored` must hold every stored paper that shares
 * any of `matchKeys` with an incoming one.
 */
export function planMerge(stored: readonly Paper[], incoming: readonly Paper[]): MergePlan {
  const items = [...stored.map((paper) => ({ paper, stored: true })), ...incoming.map((paper) => ({ paper, stored: false }))];
  const groups = groupByIdentity(items.map((item) => item.paper));
  const put: Paper[] = [];
  const absorbed: MergePlan['absorbed'] = [];
  const absorbedIds = new Set<string>();
  for (const members of groups) {
    if (members.every((index) => items[index]!.stored)) continue;
    const merged = mergePapers(members.map((index) => items[index]!.paper).sort(byIdThenListing));
    put.push(merged);
    for (const index of members) {
      const { paper, stored: isStored } = items[index]!;
      if (isStored && paper.id !== merged.id && !absorbedIds.has(paper.id)) {
        absorbedIds.add(paper.id);
        absorbed.push({ from: paper.id, into: merged.id });
      }
    }
  }
  return { put: put.sort((x, y) => x.id.localeCompare(y.id)), absorbed };
}

/** All of a set of papers merged, as the CLI and the property tests use it. */
export function mergeCatalog(papers: readonly Paper[]): Paper[] {
  return planMerge([], papers).put;
}

/** The keys under which a stored paper can be found by a paper that is the same one. */
export function matchKeys(paper: Paper): string[] {
  return [...identityKeys(paper), titleKeyOf(paper)];
}

function identityKeys(paper: Paper): string[] {
  const keys: string[] = [];
  if (paper.arxivId) keys.push(`arxiv:${paper.arxivId}`);
  if (paper.doi && !isArxivDoi(paper.doi)) keys.push(`doi:${paper.doi}`);
  // A PubMed listing made before PubMed knew the DOI shares nothing else with one made after.
  const pmid = findPmid([paper.url, paper.links.abs]);
  if (pmid) keys.push(`pmid:${pmid}`);
  if (paper.url) keys.push(`url:${paper.url}`);
  return keys;
}

function titleKeyOf(paper: Paper): string {
  return `title:${normaliseTitle(paper.title)}`;
}

/** Union-find over identity keys; then each title-only paper joins the group holding its title. */
function groupByIdentity(papers: readonly Paper[]): number[][] {
  const parent = papers.map((_paper, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)));
  const union = (x: number, y: number) => {
    const [rootX, rootY] = [find(x), find(y)];
    if (rootX !== rootY) parent[Math.max(rootX, rootY)] = Math.min(rootX, rootY);
  };
  const keys = papers.map(identityKeys);
  const owner = new Map<string, number>();
  keys.forEach((paperKeys, index) => {
    for (const key of paperKeys) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, index);
      else union(first, index);
    }
  });
  joinByTitle(papers, keys, union);
  const groups = new Map<number, number[]>();
  papers.forEach((_paper, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()];
}

/** Each title-only paper joins the keyed group with its title, or else the first title-only paper with it. */
function joinByTitle(papers: readonly Paper[], keys: readonly string[][], union: (x: number, y: number) => void): void {
  const titleOnly = keys.flatMap((paperKeys, index) => (paperKeys.length === 0 ? [index] : []));
  if (titleOnly.length === 0) return;
  // A title names the keyed group with the smallest id that bears it, so the choice never depends on order.
  const keyedByTitle = new Map<string, number>();
  papers.forEach((paper, index) => {
    if (keys[index]!.length === 0) return;
    const key = titleKeyOf(paper);
    const current = keyedByTitle.get(key);
    if (current === undefined || paper.id < papers[current]!.id) keyedByTitle.set(key, index);
  });
  const firstWithTitle = new Map<string, number>();
  for (const index of titleOnly) {
    const key = titleKeyOf(papers[index]!);
    const target = keyedByTitle.get(key) ?? firstWithTitle.get(key);
    if (target === undefined) firstWithTitle.set(key, index);
    else union(target, index);
  }
}

const ID_PREFERENCE = ['arxiv:', 'doi:', 'url:', 'title:'];

/** arXiv over DOI over URL over title; the smallest id within a kind. */
function preferredId(ids: string[]): string {
  const rank = (id: string) => ID_PREFERENCE.findIndex((prefix) => id.startsWith(prefix));
  return [...ids].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y))[0]!;
}

function isArxivDoi(doi: string): boolean {
  return doi.startsWith('10.48550/arxiv.');
}

/** A journal DOI says more than the DOI arXiv gives every paper. */
function preferredDoi(a: string | null, b: string | null): string | null {
  if (a && b && isArxivDoi(a) !== isArxivDoi(b)) return isArxivDoi(a) ? b : a;
  return either(a, b);
}

/** The one that is there; of two, the smaller, so the result never depends on order. */
function either<T extends string>(a: T | null, b: T | null): T | null {
  if (a === null || a === '') return b === '' ? null : b;
  if (b === null || b === '') return a;
  return a <= b ? a : b;
}

/** The longer text wins; on a tie the lexically smaller. */
function richer(a: string, b: string): string {
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a <= b ? a : b;
}

/** The paper whose abstract says more; its HTML and LaTeX source go with it. */
function richerAbstract(a: Paper, b: Paper): Paper {
  if (a.abstract !== b.abstract) return richer(a.abstract, b.abstract) === a.abstract ? a : b;
  return richer(a.abstractHtml ?? '', b.abstractHtml ?? '') === (a.abstractHtml ?? '') ? a : b;
}

function richerList(a: string[], b: string[]): string[] {
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a.join('\u0000') <= b.join('\u0000') ? a : b;
}

function mergeAffiliations(all: readonly Record<string, string[]>[]): Record<string, string[]> {
  const byName = new Map<string, Set<string>>();
  for (const affiliations of all) {
    for (const [name, places] of Object.entries(affiliations)) {
      const kept = byName.get(name) ?? new Set();
      for (const place of places) kept.add(place);
      byName.set(name, kept);
    }
  }
  const merged: Record<string, string[]> = {};
  for (const name of [...byName.keys()].sort()) merged[name] = [...byName.get(name)!].sort();
  return merged;
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

function byIdThenListing(x: Paper, y: Paper): number {
  return x.id.localeCompare(y.id) || listingKey(x.listings[0]).localeCompare(listingKey(y.listings[0]));
}

/** A file's content is listed once, however often it is read: the first sighting stays. */
function listingKey(listing: Listing | undefined): string {
  return listing ? `${listing.hash}\u0000${listing.file}` : '';
}

function uniqueListings(listings: Listing[]): Listing[] {
  const byKey = new Map<string, Listing>();
  for (const listing of listings) {
    const key = listingKey(listing);
    const kept = byKey.get(key);
    if (!kept || listing.seenAt < kept.seenAt) byKey.set(key, listing);
  }
  return [...byKey.values()].sort((x, y) => x.seenAt.localeCompare(y.seenAt) || listingKey(x).localeCompare(listingKey(y)));
}
