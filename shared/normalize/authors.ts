import type { RawAuthor } from '../feeds/raw-record';
import { isAbbreviatedName, splitAuthorNames } from './author-list';
import { decodeCharacterReferences } from './character-references';
import { foldLatex } from './latex';
import { collapseWhitespace } from './title';

/** A comma, a semicolon (or a character reference's), " and ", or "et al.". */
const MAY_NAME_SEVERAL = /[,;]|\sand\s|\bet\.?\s*al\b/iu;

export interface Authors {
  names: string[];
  affiliations: Record<string, string[]>;
}

/**
 * Authors as clean names, one person each, with affiliations apart. A joined string such as
 * arXiv's dc:creator, "Ana Li (MIT, Cambridge), Bo Wu and Cy Ng", or bioRxiv's "Kukla, D.,
 * Crampton, A.", is split into people; so is a listed entry that clearly holds several
 * ("Chen C, Zhou Y, et al." in one `<author>`). See splitAuthorNames.
 *
 * A name repeated in full is the source listing one person twice, and is kept once. A repeated
 * abbreviated name ("Wang, Y.", "Chen C") is kept: two people of one list often share one.
 */
export function normaliseAuthors(raw: RawAuthor[] | string): Authors {
  const people = typeof raw === 'string' ? splitAuthorNames(raw, 'joined') : raw.flatMap(peopleInEntry);
  const names: string[] = [];
  const seen = new Set<string>();
  const affiliations: Record<string, string[]> = {};
  for (const person of people) {
    const name = cleanName(person.name);
    if (name === '' || (seen.has(name) && !isAbbreviatedName(name))) continue;
    names.push(name);
    seen.add(name);
    const places = person.affiliations.map(cleanName).filter((place) => place !== '');
    if (places.length > 0) affiliations[name] = [...new Set([...(affiliations[name] ?? []), ...places])];
  }
  return { names, affiliations };
}

/** The people one listed entry holds; the entry's own affiliations go to each. */
function peopleInEntry(entry: RawAuthor): RawAuthor[] {
  // Most entries are one name with nothing in it that could separate two: nothing to split.
  if (!MAY_NAME_SEVERAL.test(entry.name)) return [entry];
  return splitAuthorNames(entry.name, 'entry').map((person) => ({
    name: person.name,
    affiliations: [...person.affiliations, ...entry.affiliations],
  }));
}

/**
 * Character references are decoded here for every name and affiliation, however the parser read
 * them. Names never hold a reference's spelling as text, so decoding "&amp;" once more cannot
 * take away anything a source meant to show.
 */
function cleanName(name: string): string {
  return collapseWhitespace(foldLatex(decodeCharacterReferences(name)).replace(/[{}]/gu, '')).replace(/^and\s+/iu, '');
}
