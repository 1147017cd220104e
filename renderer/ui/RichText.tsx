import { lazy, Suspense } from 'react';
import type { MatchTerm } from '../search/highlight';
import { Highlighted } from './Highlighted';
import { hasLatex } from './latex-segments';

// KaTeX loads only for a title that has math: a list of plain titles never waits for it.
const LatexText = lazy(() => import('./LatexText').then((module) => ({ default: module.LatexText })));

/** A title or a snippet: text, with its LaTeX typeset once KaTeX has loaded, and plain until then. */
export function RichText({ text, terms }: { text: string; terms: readonly MatchTerm[] }) {
  const plain = <Highlighted text={text} terms={terms} />;
  if (!hasLatex(text)) return plain;
  return (
    <Suspense fallback={plain}>
      <LatexText text={text} terms={terms} />
    </Suspense>
  );
}
