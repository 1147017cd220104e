import type { ReactNode } from 'react';
import { highlightRanges, type MatchTerm } from '../search/highlight';

/** Text with the words a search matched in `<mark>`; only text nodes, so "<SEG>" in a title stays literal. */
export function Highlighted({ text, terms }: { text: string; terms: readonly MatchTerm[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of highlightRanges(text, terms)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
