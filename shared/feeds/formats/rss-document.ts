import { XMLParser } from 'fast-xml-parser';
import { decodeReferencesOnce } from '../../normalize/character-references';
import { FeedParseError } from '../errors';
import type { RssItemPrism, RssLikeItem, RssPerson } from './rss-item-record';
import { canonicalTagNames } from './xml-namespaces';
import { attribute, child, children, isElementObject, unparsedContentText, XML_TREE_OPTIONS } from './xml-tree';

/** An RSS 0.9x/2.0 document as the generic reader takes it: its items and what its channel says of them all. */
export interface RssDocument {
  items: RssLikeItem[];
  channelPublicationName: string | undefined;
  /** The channel's own date as written (pubDate, else lastBuildDate, else dc:date), or null. */
  channelDate: string | null;
}

/**
 * Elements read as text whatever they hold: their content is kept unparsed, so that markup in a
 * title or description stays markup and a CDATA section is taken as written. Names as
 * canonicalTagNames gives them.
 */
const TEXT_ELEMENTS = [
  ...['title', 'link', 'description', 'author', 'category', 'guid', 'pubdate', 'lastbuilddate', 'fullitem', 'body', 'xhtml:body', 'content:encoded'],
  ...['dc:title', 'dc:creator', 'dc:author', 'dc:subject', 'dc:description', 'dc:date', 'dc:identifier'],
  ...['dcterms:abstract', 'dcterms:creator', 'dcterms:identifier', 'dcterms:issued', 'dcterms:created', 'dcterms:modified'],
  ...['prism:doi', 'prism:publicationname', 'prism:volume', 'prism:number', 'prism:startingpage', 'prism:publicationdate', 'prism:modificationdate'],
  ...['atom:published', 'atom:updated', 'atom:name', 'atom:email'],
];
const STOP_NODES = TEXT_ELEMENTS.map((name) => `*.${name}`);

/**
 * Reads RSS 0.9x and 2.0 the way aggregators do: element names in any case; RSS's own elements
 * also when a document puts them in a namespace (`<r:item>`); items straight under `<rss>` when
 * there is no channel; and every item, in document order, even one with nothing in it that
 * Paperdrop reads. Throws FeedParseError when the XML cannot be read.
 */
export function readRssDocument(text: string): RssDocument {
  const root = child(readTree(text), 'rss');
  const channel = child(root, 'channel');
  const channelItems = children(channel, 'item');
  const itemElements = channelItems.length > 0 ? channelItems : children(root, 'item');
  return {
    items: itemElements.map(rssItem),
    channelPublicationName: firstText(channel, 'prism:publicationname'),
    channelDate: firstText(channel, 'pubdate') ?? firstText(channel, 'lastbuilddate') ?? firstText(channel, 'dc:date') ?? null,
  };
}

function readTree(text: string): unknown {
  const parser = new XMLParser({
    ...XML_TREE_OPTIONS,
    removeNSPrefix: false,
    transformTagName: canonicalTagNames(text),
    transformAttributeName: (name) => name.toLowerCase(),
    stopNodes: STOP_NODES,
  });
  try {
    return parser.parse(text);
  } catch (error) {
    throw new FeedParseError(`not a readable RSS feed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function rssItem(item: unknown): RssLikeItem {
  return {
    title: firstText(item, 'title'),
    link: firstText(item, 'link'),
    description: firstText(item, 'description'),
    authors: nonEmpty(children(item, 'author').flatMap(rssAuthor)),
    categories: nonEmpty(allTexts(item, 'category').map((name) => ({ name }))),
    guid: guid(child(item, 'guid')),
    pubDate: firstText(item, 'pubdate'),
    enclosures: nonEmpty(children(item, 'enclosure').map((enclosure) => ({ url: attributeText(enclosure, 'url'), type: attributeText(enclosure, 'type') }))),
    atom: {
      links: nonEmpty(children(item, 'atom:link').map((link) => ({ href: attributeText(link, 'href') }))),
      authors: nonEmpty(children(item, 'atom:author').map((person) => ({ name: firstText(person, 'atom:name'), email: firstText(person, 'atom:email') }))),
      published: firstText(item, 'atom:published'),
      updated: firstText(item, 'atom:updated'),
    },
    dc: {
      titles: nonEmpty(allTexts(item, 'dc:title')),
      // dc:author is no Dublin Core element, but feeds write it for dc:creator.
      creators: nonEmpty(allTexts(item, 'dc:creator')) ?? nonEmpty(allTexts(item, 'dc:author')),
      subjects: nonEmpty(allTexts(item, 'dc:subject')),
      descriptions: nonEmpty(allTexts(item, 'dc:description')),
      dates: nonEmpty(allTexts(item, 'dc:date')),
      identifiers: nonEmpty(allTexts(item, 'dc:identifier')),
    },
    dcterms: {
      abstracts: nonEmpty(allTexts(item, 'dcterms:abstract')),
      creators: nonEmpty(allTexts(item, 'dcterms:creator')),
      identifiers: nonEmpty(allTexts(item, 'dcterms:identifier')),
      issued: nonEmpty(allTexts(item, 'dcterms:issued')),
      created: nonEmpty(allTexts(item, 'dcterms:created')),
      modified: nonEmpty(allTexts(item, 'dcterms:modified')),
    },
    content: { encoded: fullContent(item) },
    prism: itemPrism(item),
  };
}

/**
 * The item's full content: content:encoded, else the XHTML body or `fullitem` that older feeds
 * carry for it (the first as markup, the second escaped, like content:encoded).
 */
function fullContent(item: unknown): string | undefined {
  return firstText(item, 'content:encoded') ?? firstText(item, 'xhtml:body') ?? firstText(item, 'body') ?? firstText(item, 'fullitem');
}

function itemPrism(item: unknown): RssItemPrism {
  return {
    doi: firstText(item, 'prism:doi'),
    publicationName: firstText(item, 'prism:publicationname'),
    volume: firstText(item, 'prism:volume'),
    number: firstText(item, 'prism:number'),
    startingPage: firstText(item, 'prism:startingpage'),
    publicationDates: nonEmpty(allTexts(item, 'prism:publicationdate')),
    modificationDate: firstText(item, 'prism:modificationdate'),
  };
}

function guid(element: unknown): RssLikeItem['guid'] {
  const value = elementText(element);
  if (value === undefined) return undefined;
  const isPermaLink = attributeText(element, 'ispermalink')?.toLowerCase();
  return { value, isPermaLink: isPermaLink === 'false' ? false : isPermaLink === 'true' ? true : undefined };
}

const EMAIL = /(?:mailto:)?[^\s@()<>[\]]+@[^\s@()<>[\]]+\.[^\s@()<>[\]]+/giu;
const BRACKETED_EMAIL = new RegExp(String.raw`[(<[]\s*${EMAIL.source}\s*[)>\]]`, 'giu');
const SEPARATORS_AROUND = /^[\s,\-|/:;]+|[\s,\-|/:;]+$/gu;

/** RSS's author is an address, often with a name beside it: `jo@example.org (Jo Smith)` or `Jo Smith <jo@example.org>`. */
function rssAuthor(element: unknown): RssPerson[] {
  const written = elementText(element)?.replace(/^mailto:/iu, '');
  if (written === undefined) return [];
  const email = written.match(EMAIL)?.[0]?.replace(/^mailto:/iu, '');
  const rest = written.replace(BRACKETED_EMAIL, ' ').replace(EMAIL, ' ').replace(SEPARATORS_AROUND, '');
  const name = /^\((.*)\)$/su.exec(rest)?.[1]?.trim() ?? rest;
  return [{ name: name === '' ? undefined : name, email }];
}

function firstText(node: unknown, name: string): string | undefined {
  return children(node, name).map(elementText).find((text) => text !== undefined);
}

function allTexts(node: unknown, name: string): string[] {
  return children(node, name).flatMap((element) => elementText(element) ?? []);
}

/**
 * The text of an element read unparsed (one of TEXT_ELEMENTS), or undefined when it is empty. Its
 * references are read as HTML reads them, as RSS text is HTML: `&#146;` is windows-1252's ’.
 */
function elementText(element: unknown): string | undefined {
  const value = isElementObject(element) ? element['#text'] : element;
  if (typeof value !== 'string') return undefined;
  return unparsedContentText(value, decodeReferencesOnce) || undefined;
}

function attributeText(element: unknown, name: string): string | undefined {
  return attribute(element, name)?.trim() || undefined;
}

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}
