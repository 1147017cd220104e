import transliterate from '@sindresorhus/transliterate';
import type { Paper } from '../../shared/paper';
import { cslName } from './csl-name';
import { paperDate } from './paper-date';

const SKIPPED_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'at', 'by', 'from', 'with', 'is', 'are']);

/** Lower-case ASCII letters and digits only: "Vulić" → "vulic", "Straße" → "strasse". */
function asciiWord(text: string): string {
  return transliterate(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}

function surname(paper: Paper): string {
  const name = paper.authors.map(cslName).find((candidate) => candidate !== null);
  const family = name === undefined ? '' : 'literal' in name ? name.literal.split(' ')[0]! : name.family;
  return asciiWord(family).slice(0, 24) || 'anon';
}

function firstTitleWord(title: string): string {
  const words = title.split(/[\s\-–—:/]+/u).map(asciiWord);
  return (words.find((word) => word !== '' && !SKIPPED_WORDS.has(word)) ?? '').slice(0, 24);
}

/** The key a paper gets when no other paper in the export has the same one: surname, year, first title word. */
export function baseCitationKey(paper: Paper): string {
  return `${surname(paper)}${paperDate(paper)?.[0] ?? 'nd'}${firstTitleWord(paper.title)}`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** a, b, …, z, aa, ab, … */
function letters(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : letters(Math.floor(index / 26) - 1) + letter;
}

/**
 * One key per paper, in the papers' order: ASCII, unique within the export. A key shared by several
 * papers gets a, b, c… on each of them, in the order of their ids, so the same set of papers always
 * gets the same keys whatever order it comes in.
 */
export function citationKeys(papers: readonly Paper[]): string[] {
  const keys = papers.map(baseCitationKey);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const taken = new Set(keys.filter((key) => counts.get(key) === 1));
  const clashing = papers
    .map((paper, index) => ({ id: paper.id, index, key: keys[index]! }))
    .filter(({ key }) => counts.get(key)! > 1)
    .sort((a, b) => compare(a.key, b.key) || compare(a.id, b.id) || a.index - b.index);
  const nextSuffix = new Map<string, number>();
  for (const { key, index } of clashing) {
    let n = nextSuffix.get(key) ?? 0;
    while (taken.has(key + letters(n))) n += 1;
    const unique = key + letters(n);
    keys[index] = unique;
    taken.add(unique);
    nextSuffix.set(key, n + 1);
  }
  return keys;
}
