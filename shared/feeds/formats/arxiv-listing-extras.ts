import { child, childText, children, parseXmlTree } from './xml-tree';

export interface ArxivListingExtras {
  doi: string | null;
  journalRef: string | null;
}

const NONE: ArxivListingExtras = { doi: null, journalRef: null };
const EXTRA_ELEMENT = /<arxiv:(?:DOI|doi|journal_reference)[\s>]/u;

/**
 * arXiv's listing elements that feedsmith does not read — arxiv:DOI and arxiv:journal_reference —
 * for each item (RSS) or entry (Atom), in document order. Best effort: a document that is not
 * well-formed yields none, and feedsmith's own reading decides the entries.
 */
export function arxivListingExtras(text: string, shape: 'rss' | 'atom'): ArxivListingExtras[] {
  // A second full XML read costs as much as the first: skip it when there is nothing to find.
  if (!EXTRA_ELEMENT.test(text)) return [];
  let tree: unknown;
  try {
    tree = parseXmlTree(text, 'the arXiv feed');
  } catch {
    return [];
  }
  const entries = shape === 'rss' ? children(child(child(tree, 'rss'), 'channel'), 'item') : children(child(tree, 'feed'), 'entry');
  return entries.map((entry) => ({
    doi: (childText(entry, 'DOI') ?? childText(entry, 'doi'))?.trim() || null,
    journalRef: childText(entry, 'journal_reference')?.trim() || null,
  }));
}

/** The extras of the entry at `index`, or none. */
export function extrasAt(extras: ArxivListingExtras[], index: number): ArxivListingExtras {
  return extras[index] ?? NONE;
}
