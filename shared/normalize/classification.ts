import { categoryName } from '../arxiv-taxonomy';

export interface Classification {
  /** arXiv categories, as arXiv's taxonomy names them. */
  categories: string[];
  /** Other classification codes: MSC ("68P05") and ACM ("F.2.2"). */
  classes: string[];
}

/** MSC 2020: "68P05", "68Pxx", "05-01", "05-XX". */
const MSC = /^\d{2}(?:[A-Z](?:\d{2}|xx)|-(?:\d{2}|XX))$/u;
/** ACM Computing Classification (1998): "F.2.2", "I.2", "E.1", "H.3.m". */
const ACM = /^[A-K]\.(?:\d{1,2}|m)(?:\.(?:\d{1,2}|m))?$/u;

/**
 * What a feed calls its entry's categories, sorted out: arXiv categories (checked against the
 * taxonomy, so "null", "Computer Science" and a paragraph of research interests are not), and
 * MSC and ACM codes, which are classes rather than categories. Values may hold several codes
 * ("cs.CV, cs.MM", "F.2.2; E.1", "68P05 (Primary)"); anything else is dropped.
 */
export function classify(values: readonly string[]): Classification {
  const categories = new Set<string>();
  const classes = new Set<string>();
  for (const value of values) {
    for (const token of value.replace(/\((?:primary|secondary)\)|\b(?:primary|secondary)\b/giu, ' ').split(/[\s,;]+/u)) {
      const code = token.replace(/^[([]+|[)\].:]+$/gu, '');
      if (categoryName(code) !== null) categories.add(code);
      else if (MSC.test(code) || ACM.test(code)) classes.add(code);
    }
  }
  return { categories: [...categories], classes: [...classes] };
}
