import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { assertWellFormed, children, isElementObject, plainTextContent, readWellFormed, XML_TREE_OPTIONS } from './xml-tree';

/**
 * A reader that gives what parseXmlTree gives, faster on feeds of long texts: the elements at these
 * paths from the root (`rss.channel.item.description`) have their content taken as plain text, not
 * parsed. When one holds markup after all, the document is read again in full.
 */
export function xmlTreeReader(plainTextPaths: readonly string[]): (text: string, what: string) => unknown {
  const skimmer = new XMLParser({ ...XML_TREE_OPTIONS, stopNodes: [...plainTextPaths] });
  const paths = plainTextPaths.map((path) => path.split('.'));
  return (text, what) => {
    assertWellFormed(text, what);
    const tree = readOrNull(skimmer, text);
    // Where the skimming read fails, the full read fails too, but it may meet another fault first: it speaks for itself.
    return tree !== null && paths.every((names) => settlePlainText(tree, names)) ? tree : readWellFormed(text, what);
  };
}

/**
 * For a reader that checks a document's shape itself: the tree of a well-formed document with
 * names as written, prefixes kept (`dc:creator`), and the content of the elements at these paths as
 * raw text, unparsed and undecoded. Null when the text is not well-formed or cannot be read.
 */
export function writtenXmlTreeReader(rawTextPaths: readonly string[]): (text: string) => unknown {
  const reader = new XMLParser({ ...XML_TREE_OPTIONS, removeNSPrefix: false, stopNodes: [...rawTextPaths] });
  return (text) => (XMLValidator.validate(text) === true ? readOrNull(reader, text) : null);
}

function readOrNull(reader: XMLParser, text: string): unknown {
  try {
    return reader.parse(text);
  } catch {
    return null;
  }
}

/** An element's content as a skimming read leaves it: the value itself, or `#text` beside attributes. */
export function rawContent(element: unknown): string {
  const value = isElementObject(element) ? element['#text'] : element;
  return typeof value === 'string' ? value : '';
}

/**
 * Gives the elements at this path the text a full read gives their content. False when one holds
 * markup (an element, comment or CDATA section), which only a full read reads right.
 */
function settlePlainText(tree: unknown, names: readonly string[]): boolean {
  const name = names[names.length - 1]!;
  for (const parent of nodesAt(tree, names.slice(0, -1))) {
    if (!isElementObject(parent) || parent[name] === undefined) continue;
    const value = parent[name];
    const elements = Array.isArray(value) ? value : [value];
    if (elements.some((element) => rawContent(element).includes('<'))) return false;
    const settled = elements.map(withPlainText);
    (parent as Record<string, unknown>)[name] = Array.isArray(value) ? settled : settled[0];
  }
  return true;
}

function nodesAt(tree: unknown, names: readonly string[]): unknown[] {
  return names.reduce<unknown[]>((nodes, name) => nodes.flatMap((node) => children(node, name)), [tree]);
}

/** The element as a full read gives it, which keeps no `#text` that is empty. */
function withPlainText(element: unknown): unknown {
  if (typeof element === 'string') return plainTextContent(element);
  if (!isElementObject(element) || typeof element['#text'] !== 'string') return element;
  const { '#text': content, ...attributes } = element;
  const text = plainTextContent(content);
  return text === '' ? attributes : { ...element, '#text': text };
}
