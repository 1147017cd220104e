import { normalizeTerm, tokenize } from './query-syntax';

/** The indexed fields, in MiniSearch's field-id order. */
export const FIELDS = ['title', 'authors', 'abstract', 'categories'] as const;
export const TITLE = 0;
export const AUTHORS = 1;
export const CATEGORIES = 3;
/** Title over authors over abstract. */
export const FIELD_BOOSTS: readonly number[] = [4, 2.5, 1, 1];

/**
 * Words that find everything and rank nothing: English function words (the common stop list,
 * without the contraction fragments that begin real words, like "re" and "ma") and the linking
 * adverbs of abstracts. Left out of the index they leave it a fifth smaller, and a typed prefix
 * like "th" stands for "theory" and "thermal" rather than "there" and "through".
 */
export const STOP_WORDS = new Set(
  [
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves s t',
    'however moreover furthermore therefore thus hence whereas whether although though via',
  ]
    .join(' ')
    .split(' '),
);

/** A word as an index term, or null for a stop word or a word that was only marks. */
export function indexTerm(word: string): string | null {
  const folded = normalizeTerm(word);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

/** A field's text as words: categories are kept whole ("cs.cl"), everything else is split into words. No word holds white space. */
export function fieldTokens(text: string, field?: string): string[] {
  return field === 'categories' ? text.split(/\s+/u).filter((category) => category !== '') : tokenize(text);
}
