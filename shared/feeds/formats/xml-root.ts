/** How much of a file detection looks at: the prolog and the root start tag fit in it. */
const SNIFF_LENGTH = 4096;

const PROLOG_PART = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)/iu;
const START_TAG = /^\s*<((?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*))[^>]*>?/u;

export interface XmlRoot {
  /** The element's local name, without prefix: `rss`, `feed`, `RDF`. */
  localName: string;
  /** The root start tag as written, where the namespace declarations usually are. */
  startTag: string;
  /** The first few KB of the document, for namespace URIs declared past the root tag. */
  head: string;
}

/**
 * The root element of an XML document, read from its first few KB without parsing the rest:
 * the declaration, comments, processing instructions and a DOCTYPE are stepped over. Null when
 * the text does not open like XML.
 */
export function xmlRoot(text: string): XmlRoot | null {
  const head = text.slice(0, SNIFF_LENGTH).replace(/^\uFEFF/u, '');
  let rest = head;
  for (let part = PROLOG_PART.exec(rest); part; part = PROLOG_PART.exec(rest)) rest = rest.slice(part[0].length);
  const tag = START_TAG.exec(rest);
  if (!tag) return null;
  return { localName: tag[2]!, startTag: tag[0], head };
}
