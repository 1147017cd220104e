import type { Paper } from '../../shared/paper';
import { searchTerms } from './query-syntax';

const fold = (text: string) => searchTerms(text).join(' ');

/** True when the paper's title or abstract holds every phrase, word for word, as the index reads words. */
export function containsPhrases(paper: Pick<Paper, 'title' | 'abstract'>, phrases: string[][]): boolean {
  const text = ` ${fold(paper.title)} ${fold(paper.abstract)} `;
  return phrases.every((phrase) => text.includes(` ${phrase.join(' ')} `));
}
