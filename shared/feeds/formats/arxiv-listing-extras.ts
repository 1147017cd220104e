import { child, childText, children } from './xml-tree';
import { xmlTreeReader } from './xml-tree-skim';

export interface ArxivListingExtras {
  doi: string | null;
  journalRef: string | null;
}

const NONE: ArxivListingExtras = { doi: null, journalRef: null };
const EXTRA_ELEMENT = /<arxiv:(?:DOI|doi|journal_reference)[\s>]/u;

/** Where each shape keeps its entries; the reader skims their long texts, which this read never needs. */
const SHAPES = {
  rss: {
    entries: (tree: unknown) => children(child(child(tree, 'rss'), 'channel'), 'item'),
    read: xmlTreeReader(['title', 'description', 'creator'].map((name) => `rss.channel.item.${name}`)),
  },
  atom: {
    entries: (tree: unknown) => children(child(tree, 'feed'), 'entry'),
    read: xmlTreeReader(['title', 'summary', 'content'].map((name) => `feed.entry.${name}`)),
  },
};

/**
 * arXiv's listing elements that feedsmith does not read — arxiv:DOI and arxiv:journal_reference —
 * for each item (RSS) or entry (Atom), in document order. Best effort: a document that is not
 * well-formed yields none, and feedsmith's own reading decides the entries.
 */
export function arxivListingExtras(text: string, shape: 'rss' | 'atom'): ArxivListingExtras[] {
  // A second XML read costs nearly as much as the first: skip it when there is nothing to find.
  if (!hasListingExtras(text)) return [];
  let tree: unknown;
  try {
    tree = SHAPES[shape].read(text, 'the arXiv feed');
  } catch {
    return [];
  }
  return SHAPES[shape].entries(tree).map((entry) => extrasFrom((name) => childText(entry, name)));
}

/** An entry's extras, from the text of its child elements by local name. */
export function extrasFrom(childText: (localName: string) => string | null): ArxivListingExtras {
  return {
    doi: (childText('DOI') ?? childText('doi'))?.trim() || null,
    journalRef: childText('journal_reference')?.trim() || null,
  };
}

/** False when the text has no element arxivListingExtras reads, and so every entry's extras are none. */
export function hasListingExtras(text: string): boolean {
  return EXTRA_ELEMENT.test(text);
}

/** The extras of the entry at `index`, or none. */
export function extrasAt(extras: ArxivListingExtras[], index: number): ArxivListingExtras {
  return extras[index] ?? NONE;
}
