import type { Paper } from '../../shared/paper';
import type { MatchTerm } from '../search/highlight';
import { Highlighted } from './Highlighted';
import { LatexText } from './LatexText';
import { sanitizeForDisplay } from './safe-html';

/** The abstract: the source's sanitized HTML, or text with arXiv's `$…$` math typeset and matches marked. */
export function AbstractText({ paper, terms }: { paper: Paper; terms: MatchTerm[] }) {
  if (paper.abstractHtml) {
    return <div className="reader-abstract" dangerouslySetInnerHTML={{ __html: sanitizeForDisplay(paper.abstractHtml) }} />;
  }
  return (
    <div className="reader-abstract">
      {paper.abstract.split(/\n{2,}/u).map((paragraph, index) => (
        <p key={index}>{paper.arxivId ? <LatexText text={paragraph} terms={terms} /> : <Highlighted text={paragraph} terms={terms} />}</p>
      ))}
    </div>
  );
}
