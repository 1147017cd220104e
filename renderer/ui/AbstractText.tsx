import type { Paper } from '../../shared/paper';
import { mathToMarkup, sanitizeForDisplay } from './safe-html';

const MATH = /(\$\$[^$]+\$\$|\$[^$]+\$)/u;

/** The abstract: the source's sanitized HTML, or text with arXiv's `$…$` math typeset. */
export function AbstractText({ paper }: { paper: Paper }) {
  if (paper.abstractHtml) {
    return <div className="reader-abstract" dangerouslySetInnerHTML={{ __html: sanitizeForDisplay(paper.abstractHtml) }} />;
  }
  return (
    <div className="reader-abstract">
      {paper.abstract.split(/\n{2,}/u).map((paragraph, index) => (
        <p key={index}>{paper.arxivId ? <TextWithMath text={paragraph} /> : paragraph}</p>
      ))}
    </div>
  );
}

function TextWithMath({ text }: { text: string }) {
  return (
    <>
      {text.split(MATH).map((part, index) => {
        if (index % 2 === 0) return part;
        const display = part.startsWith('$$');
        const markup = mathToMarkup(part.slice(display ? 2 : 1, display ? -2 : -1), display);
        return markup ? <span key={index} className="math" dangerouslySetInnerHTML={{ __html: markup }} /> : part;
      })}
    </>
  );
}
