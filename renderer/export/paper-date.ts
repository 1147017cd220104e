import type { Paper } from '../../shared/paper';

// New ids (2401.01234) and old ones (hep-th/9901001) both begin with the year and month they were given.
const ARXIV_YYMM = /^(\d{2})(\d{2})\.\d+$|\/(\d{2})(\d{2})\d{3}$/;

/**
 * The paper's date as [year, month, day]: when it was published, or else the year and month its
 * arXiv id was given (arXiv began in 1991); null when neither is known.
 */
export function paperDate(paper: Paper): number[] | null {
  if (paper.published !== null) return paper.published.split('-').map(Number);
  const match = paper.arxivId?.match(ARXIV_YYMM);
  if (!match) return null;
  const [yy, mm] = match[1] === undefined ? [match[3], match[4]] : [match[1], match[2]];
  return [Number(yy) + (Number(yy) >= 91 ? 1900 : 2000), Number(mm)];
}
