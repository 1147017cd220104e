import type { RawAuthor } from '../feeds/raw-record';
import { foldLatex } from './latex';
import { collapseWhitespace } from './title';

export interface Authors {
  names: string[];
  affiliations: Record<string, string[]>;
}

/**
 * Authors as clean names with affiliations apart. A joined string such as arXiv's dc:creator,
 * "Ana Li (MIT, Cambridge), Bo Wu and Cy Ng", is split on commas and "and" outside parentheses.
 */
export function normaliseAuthors(raw: RawAuthor[] | string): Authors {
  const list = typeof raw === 'string' ? splitJoinedAuthors(raw) : raw;
  const names: string[] = [];
  const affiliations: Record<string, string[]> = {};
  for (const author of list) {
    const name = cleanName(author.name);
    if (name === '' || names.includes(name)) continue;
    names.push(name);
    const places = author.affiliations.map(cleanName).filter((place) => place !== '');
    if (places.length > 0) affiliations[name] = places;
  }
  return { names, affiliations };
}

function splitJoinedAuthors(joined: string): RawAuthor[] {
  const authors: RawAuthor[] = [];
  let depth = 0;
  let current = '';
  const flush = () => {
    if (current.trim() !== '') authors.push(withAffiliations(current));
    current = '';
  };
  for (let index = 0; index < joined.length; index += 1) {
    const char = joined[index]!;
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || char === ';')) {
      flush();
      continue;
    }
    if (depth === 0 && /^\sand\s/iu.test(joined.slice(index, index + 5))) {
      flush();
      index += 4;
      continue;
    }
    current += char;
  }
  flush();
  return authors;
}

/** "Ana Li (MIT, Cambridge)" → Ana Li, with "MIT, Cambridge" as one affiliation. */
function withAffiliations(text: string): RawAuthor {
  const affiliations: string[] = [];
  const name = text.replace(/\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gu, (_all, inner: string) => {
    affiliations.push(inner);
    return ' ';
  });
  return { name, affiliations };
}

function cleanName(name: string): string {
  return collapseWhitespace(foldLatex(name).replace(/[{}]/gu, '')).replace(/^and\s+/iu, '');
}
