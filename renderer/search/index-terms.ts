import { normalizeTerm, tokenize } from './query-syntax';

/** The indexed fields, in MiniSearch's field-id order. */
export const FIELDS = ['title', 'authors', 'abstract', 'categories'] as const;
export const TITLE = 0;
export const AUTHORS = 1;
export const CATEGORIES = 3;
/** Title over authors over abstract. */
export const FIELD_BOOSTS: readonly number[] = [4, 2.5, 1, 1];

/** Words so common in abstracts that they find everything and rank nothing. */
export const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was we were which with our these their than into can also'.split(' '),
);

/** A word as an index term, or null for a stop word or a word that was only marks. */
export function indexTerm(word: string): string | null {
  const folded = normalizeTerm(word);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

/** A field's text as words: categories are kept whole ("cs.cl"), everything else is split into words. */
export function fieldTokens(text: string, field?: string): string[] {
  return field === 'categories' ? text.split(' ') : tokenize(text);
}
