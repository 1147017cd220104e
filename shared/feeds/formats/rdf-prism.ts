import type { PrismNs } from 'feedsmith';
import { attribute, child, childText, children, parseXmlTree } from './xml-tree';

export type PrismItem = Pick<
  PrismNs.Item<string>,
  'doi' | 'publicationName' | 'volume' | 'number' | 'startingPage' | 'publicationDates' | 'modificationDate'
>;

export interface RdfItemPrism {
  about: string | null;
  prism: PrismItem;
}

export interface RdfPrism {
  channelPublicationName: string | undefined;
  items: RdfItemPrism[];
}

/**
 * The PRISM fields of the channel and of each item, in document order. feedsmith reads PRISM in
 * RSS 2.0 but not in RSS 1.0, where journals (Nature, Elsevier, Science, bioRxiv) put their DOI,
 * volume and pages. The tree has local names only: PRISM's names do not occur in the other
 * namespaces RSS 1.0 items use. Best effort: a document that is not well-formed yields none.
 */
export function rdfPrism(text: string): RdfPrism {
  let tree: unknown;
  try {
    tree = parseXmlTree(text, 'the RDF feed');
  } catch {
    return { channelPublicationName: undefined, items: [] };
  }
  const root = child(tree, 'RDF');
  return {
    channelPublicationName: childText(child(root, 'channel'), 'publicationName')?.trim() || undefined,
    items: children(root, 'item').map((item) => ({ about: attribute(item, 'about'), prism: prismOf(item) })),
  };
}

const TEXT_FIELDS = ['doi', 'publicationName', 'volume', 'number', 'startingPage', 'modificationDate'] as const;

function prismOf(item: unknown): PrismItem {
  const prism: PrismItem = {};
  for (const name of TEXT_FIELDS) {
    const value = childText(item, name)?.trim();
    if (value) prism[name] = value;
  }
  const publicationDate = childText(item, 'publicationDate')?.trim();
  if (publicationDate) prism.publicationDates = [publicationDate];
  return prism;
}
