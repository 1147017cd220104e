import type { RawAuthor } from '../feeds/raw-record';
import { foldLatex } from './latex';
import { collapseWhitespace } from './title';

export interface Authors {
  names: string[];
  affiliations: Record<string, string[]>;
}

/** " and " between two names, read at a position (sticky). */
const JOINING_AND = /\sand\s/iuy;

/**
 * Authors as clean names with affiliations apart. A joined string such as arXiv's dc:creator,
 * "Ana Li (MIT, Cambridge), Bo Wu and Cy Ng", is split on commas and "and" outside parentheses.
 */
export function normaliseAuthors(raw: RawAuthor[] | string): Authors {
  const list = typeof raw === 'string' ? splitJoinedAuthors(raw) : raw;
  const names: string[] = [];
  const seen = new Set<string>();
  const affiliations: Record<string, string[]> = {};
  for (const author of list) {
    const name = cleanName(author.name);
    if (name === '' || seen.has(name)) continue;
    names.push(name);
    seen.add(name);
    const places = author.affiliations.map(cleanName).filter((place) => place !== '');
    if (places.length > 0) affiliations[name] = places;
  }
  return { names, affiliations };
}

function splitJoinedAuthors(joined: string): RawAuthor[] {
  const authors: RawAuthor[] = [];
  let depth = 0;
  let start = 0;
  const flush = (end: number, next: number) => {
    const current = joined.slice(start, end);
    if (current.trim() !== '') authors.push(withAffiliations(current));
    start = next;
  };
  for (let index = 0; index < joined.length; index += 1) {
    const char = joined[index]!;
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === ',' || char === ';')) flush(index, index + 1);
    else if (depth === 0 && isJoiningAnd(joined, index)) {
      flush(index, index + 5);
      index += 4;
    }
  }
  flush(joined.length, joined.length);
  return authors;
}

function isJoiningAnd(text: string, index: number): boolean {
  // Most characters are not followed by an "a": that settles it without the regular expression.
  if ((text.charCodeAt(index + 1) | 0x20) !== 0x61) return false;
  JOINING_AND.lastIndex = index;
  return JOINING_AND.test(text);
}

/** "Ana Li (MIT, Cambridge)" → Ana Li, with "MIT, Cambridge" as one affiliation. */
function withAffiliations(text: string): RawAuthor {
  const affiliations: string[] = [];
  if (!text.includes('(')) return { name: text, affiliations };
  const name = text.replace(/\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gu, (_all, inner: string) => {
    affiliations.push(inner);
    return ' ';
  });
  return { name, affiliations };
}

function cleanName(name: string): string {
  return collapseWhitespace(foldLatex(name).replace(/[{}]/gu, '')).replace(/^and\s+/iu, '');
}
