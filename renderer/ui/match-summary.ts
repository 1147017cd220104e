import { formatCount } from './format-count';

/**
 * The search summary's words: how many papers match, once the answer is for this query. While
 * the index is still loading, no match is "not yet" rather than none.
 */
export function matchSummary(query: string, answer: { count: number; indexReady: boolean } | null): string {
  if (!answer) return 'Searching…';
  const quoted = `“${query.trim()}”`;
  if (answer.count === 0 && !answer.indexReady) return `No papers match ${quoted} yet`;
  return `${formatCount(answer.count)} ${answer.count === 1 ? 'paper matches' : 'papers match'} ${quoted}`;
}
