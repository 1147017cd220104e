import type { Paper } from '../../shared/paper';
import { citationKeys } from './citation-keys';
import { bibtexNames } from './bibtex-names';
import { Cite } from './load-citation-js';
import { paperToCsl } from './paper-csl';

// The arXiv fields go in as written only when they are plain identifiers, so nothing in them needs escaping.
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Za-z-]+)?\/\d{7})$/;
const ARXIV_CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;

/**
 * citation-js writes letters that are LaTeX commands (Ł, ø, ß, æ…) as `\L{}`; BibTeX counts one
 * character only in the `{\L}` form, and styles that take a name's first letters (alpha, for its
 * labels) would cut `\L{}` apart. The same letter, in the form BibTeX reads as one.
 */
const letterCommands = (entry: string) => entry.replace(/\\(AE|DH|DJ|IJ|NG|OE|SS|TH|ae|dh|dj|ij|ng|oe|ss|th|O|o|L|l|i|j)\{\}/g, '{\\$1}');

/**
 * The fields citation-js has no CSL mapping for: arXiv's eprint, archivePrefix and primaryClass
 * (what arXiv, INSPIRE and natbib/biblatex read), placed after the entry's first line.
 */
function withArxivFields(entry: string, paper: Paper): string {
  if (paper.arxivId === null || !ARXIV_ID.test(paper.arxivId)) return entry;
  const category = paper.primaryCategory !== null && ARXIV_CATEGORY.test(paper.primaryCategory) ? `\tprimaryClass = {${paper.primaryCategory}},\n` : '';
  const fields = `\tarchivePrefix = {arXiv},\n\teprint = {${paper.arxivId}},\n${category}`;
  const headerEnd = entry.indexOf('\n') + 1;
  return entry.slice(0, headerEnd) + fields + entry.slice(headerEnd);
}

/**
 * The papers as a BibTeX file, escaped to ASCII by citation-js. A paper with a journal reference is
 * an @article in that journal, any other a @misc; arXiv papers carry eprint, archivePrefix and
 * primaryClass, and every paper its DOI where known. Only the year is given: BibTeX styles print
 * `month` as written, and a day has no field of its own.
 */
export function toBibtex(papers: readonly Paper[]): string {
  const keys = citationKeys(papers);
  return papers
    .map((paper, index) => {
      const csl = paperToCsl(paper, keys[index]!, 'year');
      const entry = new Cite({ ...csl, author: bibtexNames(csl.author) }).format('bibtex');
      return withArxivFields(letterCommands(entry), paper);
    })
    .join('\n');
}
