import type { MatchTerm } from '../search/highlight';
import { Highlighted } from './Highlighted';
import { latexSegments } from './latex-segments';
import { mathToMarkup } from './safe-html';

/** arXiv text with its math typeset by KaTeX, \emph and \textbf as emphasis, and search matches marked. */
export function LatexText({ text, terms }: { text: string; terms: readonly MatchTerm[] }) {
  return (
    <>
      {latexSegments(text).map((segment, index) => {
        if (segment.kind === 'text') return <Highlighted key={index} text={segment.text} terms={terms} />;
        if (segment.kind === 'em') return <em key={index}><Highlighted text={segment.text} terms={terms} /></em>;
        if (segment.kind === 'strong') return <strong key={index}><Highlighted text={segment.text} terms={terms} /></strong>;
        const markup = mathToMarkup(segment.tex, segment.display);
        return markup ? <span key={index} className="math" dangerouslySetInnerHTML={{ __html: markup }} /> : segment.tex;
      })}
    </>
  );
}
