import type { Paper } from '../../shared/paper';
import { cslName, type CslName } from './csl-name';
import { paperDate } from './paper-date';

/** The CSL-JSON fields the export fills in. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'document' | 'article-journal';
  title: string;
  author: CslName[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  DOI?: string;
  URL?: string;
}

/**
 * A paper as a CSL-JSON item for citation-js. A paper with a journal reference is a journal article,
 * its container the reference as the feed gave it; any other paper is a generic document. The date
 * is given to the day, or only its year.
 */
export function paperToCsl(paper: Paper, key: string, date: 'day' | 'year'): CslItem {
  const dateParts = paperDate(paper)?.slice(0, date === 'year' ? 1 : 3);
  const url = paperUrl(paper);
  return {
    id: key,
    'citation-key': key,
    type: paper.journalRef === null ? 'document' : 'article-journal',
    title: paper.title,
    author: paper.authors.map(cslName).filter((name) => name !== null),
    ...(dateParts === undefined ? {} : { issued: { 'date-parts': [dateParts] } }),
    ...(paper.journalRef === null ? {} : { 'container-title': paper.journalRef }),
    ...(paper.doi === null ? {} : { DOI: paper.doi }),
    ...(url === null ? {} : { URL: url }),
  };
}

/** Where the paper lives: its arXiv or journal page, else its canonical link. */
export function paperUrl(paper: Paper): string | null {
  return paper.links.abs ?? paper.url ?? paper.links.doi ?? paper.links.hf;
}
