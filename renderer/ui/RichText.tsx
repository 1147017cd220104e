import { lazy, Suspense } from 'react';
import type { MatchTerm } from '../search/highlight';
import { Highlighted } from './Highlighted';
import { hasLatex } from './latex-segments';

// KaTeX loads only for a title that has math: a list of plain titles never waits for it.
const LatexText = lazy(() => import('./LatexText').then((module) => ({ default: module.LatexText })));

/**
 * A title or a snippet: text, with its LaTeX typeset once KaTeX has loaded, and plain until then.
 * Only arXiv's text is LaTeX: in a journal's, "$5 to $10" is money.
 */
export function RichText({ text, terms, latex }: { text: string; terms: readonly MatchTerm[]; latex: boolean }) {
  const plain = <Highlighted text={text} terms={terms} />;
  if (!latex || !hasLatex(text)) return plain;
  return (
    <Suspense fallback={plain}>
      <LatexText text={text} terms={terms} />
    </Suspense>
  );
}
