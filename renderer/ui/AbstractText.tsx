import type { Paper } from '../../shared/paper';
import type { MatchTerm } from '../search/highlight';
import { Highlighted } from './Highlighted';
import { mathToMarkup, sanitizeForDisplay } from './safe-html';

const MATH = /(\$\$[^$]+\$\$|\$[^$]+\$)/u;

/** The abstract: the source's sanitized HTML, or text with arXiv's `$…$` math typeset and matches marked. */
export function AbstractText({ paper, terms }: { paper: Paper; terms: MatchTerm[] }) {
  if (paper.abstractHtml) {
    return <div className="reader-abstract" dangerouslySetInnerHTML={{ __html: sanitizeForDisplay(paper.abstractHtml) }} />;
  }
  return (
    <div className="reader-abstract">
      {paper.abstract.split(/\n{2,}/u).map((paragraph, index) => (
        <p key={index}>{paper.arxivId ? <TextWithMath text={paragraph} terms={terms} /> : <Highlighted text={paragraph} terms={terms} />}</p>
      ))}
    </div>
  );
}

function TextWithMath({ text, terms }: { text: string; terms: MatchTerm[] }) {
  return (
    <>
      {text.split(MATH).map((part, index) => {
        if (index % 2 === 0) return <Highlighted key={index} text={part} terms={terms} />;
        const display = part.startsWith('$$');
        const markup = mathToMarkup(part.slice(display ? 2 : 1, display ? -2 : -1), display);
        return markup ? <span key={index} className="math" dangerouslySetInnerHTML={{ __html: markup }} /> : part;
      })}
    </>
  );
}
