import type { Paper } from '../../shared/paper';
import { searchTerms } from '../../renderer/search/query-syntax';
import { mulberry32, pick, randomInt, type Random } from './prng';

export type QueryKind = 'common' | 'rare' | 'two-word' | 'author' | 'typo' | 'arxiv-id' | 'known-item';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** For known-item queries: the paper the query was cut from. */
  target?: string;
  /** For known-item queries: how many other papers' titles begin with the same words, so no engine can tell them apart. */
  rivals?: number;
}

export interface QuerySet {
  queries: BenchQuery[];
  /** Titles to type one character at a time. */
  typedTitles: string[];
}

export type SearchablePaper = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'arxivId'>;

const PER_KIND = 50;
const KNOWN_ITEMS = 200;
const TYPED_TITLES = 50;

const STOPWORDS = new Set(
  'the and for with that this from are our which can has have its not but also been into their these than then them such two one use used using based via new all may more most both each when where while over under between through only other show shows how what'.split(
    ' ',
  ),
);

const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];
const contentWords = (text: string) => words(text).filter((word) => word.length >= 3 && !STOPWORDS.has(word));
const normalisedTitle = (title: string) => words(title).join(' ');

/** How many papers use each word in title or abstract. */
function documentFrequency(papers: readonly SearchablePaper[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const paper of papers) {
    for (const word of new Set(contentWords(`${paper.title} ${paper.abstract}`))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return frequency;
}

/** The word with one letter, past the first, replaced by another. */
function withTypo(word: string, random: Random): string {
  const position = randomInt(random, 1, word.length - 1);
  const letters = 'abcdefghijklmnopqrstuvwxyz'.replace(word[position]!, '');
  return word.slice(0, position) + pick(random, [...letters]) + word.slice(position + 1);
}

/** Calls `make` until it yields `count` queries (or gives up after many misses on a tiny corpus). */
function repeat(count: number, make: () => BenchQuery | null): BenchQuery[] {
  const queries: BenchQuery[] = [];
  for (let tries = 0; queries.length < count && tries < count * 50; tries += 1) {
    const query = make();
    if (query) queries.push(query);
  }
  return queries;
}

/** The fixed query set for a catalog: the same papers and seed give the same queries. */
export function buildQuerySet(papers: readonly SearchablePaper[], seed: number): QuerySet {
  const random = mulberry32(seed);
  const frequency = documentFrequency(papers);
  const byFrequency = [...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const common = byFrequency.slice(0, 100).map(([word]) => word);
  const rare = byFrequency.filter(([word, count]) => count >= 2 && count <= 5 && word.length >= 5).map(([word]) => word);
  const titleCount = new Map<string, number>();
  for (const paper of papers) titleCount.set(normalisedTitle(paper.title), (titleCount.get(normalisedTitle(paper.title)) ?? 0) + 1);
  const paper = () => pick(random, papers);

  const queries = [
    ...repeat(PER_KIND, () => ({ kind: 'common', text: pick(random, common) })),
    ...repeat(PER_KIND, () => (rare.length > 0 ? { kind: 'rare', text: pick(random, rare) } : null)),
    ...repeat(PER_KIND, () => {
      const title = contentWords(paper().title);
      const start = randomInt(random, 0, Math.max(0, title.length - 2));
      return title.length >= 2 ? { kind: 'two-word', text: `${title[start]} ${title[start + 1]}` } : null;
    }),
    ...repeat(PER_KIND, () => {
      const surname = paper().authors.at(-1)?.split(/\s+/u).at(-1) ?? '';
      return /^\p{L}{3,}$/u.test(surname) ? { kind: 'author', text: surname } : null;
    }),
    ...repeat(PER_KIND, () => {
      const long = words(paper().title).filter((word) => word.length >= 8);
      return long.length > 0 ? { kind: 'typo', text: withTypo(pick(random, long), random) } : null;
    }),
    ...repeat(PER_KIND, () => {
      const { arxivId } = paper();
      return arxivId ? { kind: 'arxiv-id', text: arxivId } : null;
    }),
    ...repeat(KNOWN_ITEMS, () => {
      const target = paper();
      const title = target.title.split(/\s+/u).filter((word) => word !== '');
      // A title two papers share has no one right answer.
      if (title.length < 3 || titleCount.get(normalisedTitle(target.title)) !== 1) return null;
      return { kind: 'known-item', text: title.slice(0, randomInt(random, 3, Math.min(5, title.length))).join(' '), target: target.id };
    }),
  ];
  countRivals(queries, papers);
  const typedTitles = new Set<string>();
  for (let tries = 0; typedTitles.size < TYPED_TITLES && tries < TYPED_TITLES * 50; tries += 1) typedTitles.add(paper().title);
  return { queries, typedTitles: [...typedTitles] };
}

/** Sets `rivals` on the known-item queries: titles that begin with the query's words, the last one as typed so far. */
function countRivals(queries: BenchQuery[], papers: readonly SearchablePaper[]): void {
  const titles = papers.map((paper) => searchTerms(paper.title).join(' ')).sort();
  for (const query of queries) {
    if (query.target === undefined) continue;
    const lead = searchTerms(query.text).join(' ');
    let low = 0;
    let high = titles.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (titles[middle]! < lead) low = middle + 1;
      else high = middle;
    }
    let matching = 0;
    for (let position = low; position < titles.length && titles[position]!.startsWith(lead); position += 1) matching += 1;
    query.rivals = Math.max(0, matching - 1);
  }
}

/** What the search box sends while a title is typed: each new trimmed prefix from the third character on. */
export function keystrokes(title: string): string[] {
  const prefixes: string[] = [];
  for (let length = 3; length <= title.length; length += 1) {
    const prefix = title.slice(0, length).trim();
    if (prefix !== prefixes.at(-1)) prefixes.push(prefix);
  }
  return prefixes;
}
