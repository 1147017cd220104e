import type { Paper } from '../../shared/paper';
import { citationKeys } from './citation-keys';
import { Cite } from './load-citation-js';
import { paperToCsl } from './paper-csl';

/** arXiv's own way to cite a preprint: arXiv:2401.01234 [cs.CL]. */
function arxivNote(paper: Paper): string | null {
  if (paper.arxivId === null) return null;
  return paper.primaryCategory === null ? `arXiv:${paper.arxivId}` : `arXiv:${paper.arxivId} [${paper.primaryCategory}]`;
}

/**
 * The papers as an RIS file by citation-js: JOUR for a paper with a journal reference (T2 the
 * reference), GEN for any other; the arXiv id goes in the note (N1), the citation key in ID.
 */
export function toRis(papers: readonly Paper[]): string {
  const keys = citationKeys(papers);
  const items = papers.map((paper, index) => {
    const note = arxivNote(paper);
    return { ...paperToCsl(paper, keys[index]!, 'day'), ...(note === null ? {} : { note }) };
  });
  return items.length === 0 ? '' : new Cite(items).format('ris');
}
