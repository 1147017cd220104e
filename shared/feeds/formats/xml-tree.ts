import { type EntityDecoderOptions, type X2jOptions, XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedParseError } from '../errors';

const XML_BUILTINS: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/gu;

/**
 * Decodes the five XML entities and character references only. Entities a DOCTYPE declares are
 * never expanded and external ones never resolved, so no entity bomb or file read can happen.
 */
const builtinEntitiesOnly: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) =>
    !text.includes('&')
      ? text
      : text.replace(REFERENCE, (reference: string, hex?: string, decimal?: string, name?: string) => {
          if (name !== undefined) return XML_BUILTINS[name] ?? reference;
          const codePoint = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16);
          return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
        }),
};

/** How shared/ reads XML into a tree with fast-xml-parser (xml-tree-skim.ts varies it). */
export const XML_TREE_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // arXiv writes `arxiv:comment`, `opensearch:totalResults`…; the local names do not clash.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  entityDecoder: builtinEntitiesOnly,
  // Callbacks get the parser's path object instead of a string built for every element: none is set.
  jPath: false,
};
const parser = new XMLParser(XML_TREE_OPTIONS);

/**
 * The XML as fast-xml-parser's object tree: an element is its text, or an object of its
 * children by local name, `@attributes` and `#text`. Throws FeedParseError when it is not well-formed.
 */
export function parseXmlTree(text: string, what: string): unknown {
  assertWellFormed(text, what);
  return readWellFormed(text, what);
}

/** parseXmlTree for a text already found well-formed. */
export function readWellFormed(text: string, what: string): unknown {
  try {
    return parser.parse(text);
  } catch (error) {
    throw new FeedParseError(`${what} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function assertWellFormed(text: string, what: string): void {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    throw new FeedParseError(`${what} is not well-formed XML (line ${verdict.err.line}: ${verdict.err.msg})`);
  }
}

/** What parseXmlTree makes of an element's content when it holds no markup: trimmed, references decoded. */
export function plainTextContent(content: string): string {
  const trimmed = content.trim();
  return trimmed === '' ? '' : builtinEntitiesOnly.decode(trimmed);
}

const CDATA_OR_COMMENT = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/gu;

/**
 * The text of an element whose content was kept unparsed (a stop node), as feed readers take it:
 * CDATA sections as written, comments dropped, references decoded elsewhere (by `decode`, the XML
 * parser's way unless told), markup kept; trimmed.
 */
export function unparsedContentText(raw: string, decode: (text: string) => string = builtinEntitiesOnly.decode): string {
  let text = '';
  let at = 0;
  for (const section of raw.matchAll(CDATA_OR_COMMENT)) {
    text += decode(raw.slice(at, section.index)) + (section[1] ?? '');
    at = section.index + section[0].length;
  }
  return (text + decode(raw.slice(at))).trim();
}

/** Every child element of that name, in document order. */
export function children(node: unknown, name: string): unknown[] {
  if (!isElementObject(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child element of that name. */
export function child(node: unknown, name: string): unknown {
  if (!isElementObject(node)) return undefined;
  const value = node[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The element's text, or null when it is absent or empty. */
export function textOf(node: unknown): string | null {
  const value = isElementObject(node) ? node['#text'] : node;
  return typeof value === 'string' && value !== '' ? value : null;
}

export function childText(node: unknown, name: string): string | null {
  return textOf(child(node, name));
}

export function attribute(node: unknown, name: string): string | null {
  if (!isElementObject(node)) return null;
  const value = node[`@${name}`];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function isElementObject(node: unknown): node is Readonly<Record<string, unknown>> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}
