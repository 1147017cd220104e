import { detectRssFeed } from 'feedsmith';
import { extrasFrom, hasListingExtras, type ArxivListingExtras } from './arxiv-listing-extras';
import { children, isElementObject, plainTextContent } from './xml-tree';
import { rawContent, writtenXmlTreeReader } from './xml-tree-skim';

/** What the arXiv RSS parser reads of an item: feedsmith's RssFeed.Item has these and more. */
export interface ArxivRssItem {
  title?: string | undefined;
  link?: string | undefined;
  description?: string | undefined;
  guid?: { value?: string | undefined } | undefined;
  pubDate?: string | undefined;
  categories?: { name?: string | undefined }[] | undefined;
  dc?: { creators?: string[] | undefined } | undefined;
}

export interface ArxivRssItems {
  items: ArxivRssItem[];
  /** Each item's arXiv extras, as arxivListingExtras reads them. */
  extras: ArxivListingExtras[];
}

/** Every element of an rss.arxiv.org item, spelled as arXiv writes it. */
const ITEM_ELEMENTS = [
  'title', 'link', 'description', 'guid', 'category', 'pubDate', 'dc:creator', 'dc:rights',
  'arxiv:announce_type', 'arxiv:DOI', 'arxiv:doi', 'arxiv:journal_reference',
];
/** The namespaces arXiv declares, each under the prefix feedsmith gives it, so that feedsmith renames no element. */
const ARXIV_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['arxiv', 'http://arxiv.org/schemas/atom'],
  ['dc', 'http://purl.org/dc/elements/1.1/'],
  ['atom', 'http://www.w3.org/2005/Atom'],
  ['content', 'http://purl.org/rss/1.0/modules/content/'],
]);
const NAMESPACE_DECLARATION = /\sxmlns:([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;
/** Element names fast-xml-parser refuses (by local or lower-case name): there the reads could disagree on what fails. */
const REFUSED_NAME = /<\/?(?:[^\s>:]*:)?(?:__proto__|constructor|prototype)[\s/>]/iu;
/** An escape other than the five XML names: feedsmith decodes those as HTML, the XML readers do not. */
const OTHER_ESCAPE = /&(?!(?:amp|lt|gt|quot|apos);)/u;

const readTree = writtenXmlTreeReader(ITEM_ELEMENTS.map((name) => `rss.channel.item.${name}`));

/**
 * The items of an rss.arxiv.org listing and their extras in one XML read, where feedsmith and the
 * extras read would take two. It answers only for arXiv's own shape, names and escapes in a
 * well-formed file, where it can vouch that its result is theirs exactly; anything else is null,
 * for the caller to read the general way.
 */
export function readArxivRssItems(text: string): ArxivRssItems | null {
  if (!looksLikeArxivsOwn(text)) return null;
  const itemElements = arxivItemElements(readTree(text));
  if (itemElements === null) return null;
  const items: ArxivRssItem[] = [];
  for (const element of itemElements) {
    const item = arxivItem(element);
    if (item === null) return null;
    items.push(item);
  }
  const extras = hasListingExtras(text) ? itemElements.map(listingExtras) : [];
  return { items, extras };
}

/** What the text alone shows of a file this read can answer for, before it spends an XML read on it. */
function looksLikeArxivsOwn(text: string): boolean {
  const plainText = !text.includes('<![CDATA[') && !OTHER_ESCAPE.test(text);
  return plainText && !text.includes('<!D') && !REFUSED_NAME.test(text) && detectRssFeed(text) && declaresArxivNamespacesOnly(text);
}

/** feedsmith would rename elements if a namespace were declared under another prefix, or as the default, or twice. */
function declaresArxivNamespacesOnly(text: string): boolean {
  const rootTag = /<rss[\s>][^>]*>/u.exec(text)?.[0] ?? '';
  const declarations = [...rootTag.matchAll(NAMESPACE_DECLARATION)];
  const arxivOnly = declarations.every(([, prefix, double, single]) => ARXIV_NAMESPACES.get(prefix!) === (double ?? single));
  return arxivOnly && (text.match(/xmlns/gu)?.length ?? 0) === declarations.length;
}

/** The items of the one channel, when the tree has just the shape feedsmith and the extras read would both find them in. */
function arxivItemElements(tree: unknown): Readonly<Record<string, unknown>>[] | null {
  if (!isElementObject(tree) || Object.keys(tree).join() !== 'rss') return null;
  const rss = tree['rss'];
  if (!isElementObject(rss) || !elementNames(rss).every((name) => name === 'channel')) return null;
  const channel = rss['channel'];
  // feedsmith finds items by lower-case name, the extras read by local name: no other element may pass for one.
  if (!isElementObject(channel) || elementNames(channel).some((name) => name !== 'item' && localName(name).toLowerCase() === 'item')) return null;
  const items = children(channel, 'item');
  return items.length > 0 && items.every(isElementObject) ? items : null;
}

/** The item as feedsmith reads it, or null when its content is more than arXiv writes. */
function arxivItem(element: Readonly<Record<string, unknown>>): ArxivRssItem | null {
  if (!Object.keys(element).every((name) => ITEM_ELEMENTS.includes(name))) return null;
  if (ITEM_ELEMENTS.some((name) => children(element, name).some((child) => rawContent(child).includes('<')))) return null;
  const first = (name: string) => feedsmithText(children(element, name)[0]);
  const all = (name: string) => children(element, name).flatMap((child) => feedsmithText(child) ?? []);
  const item = {
    title: first('title'),
    link: first('link'),
    description: first('description'),
    guid: { value: first('guid') },
    pubDate: first('pubDate'),
    categories: all('category').map((name) => ({ name })),
    dc: { creators: all('dc:creator') },
  };
  // feedsmith drops an item it finds nothing in, which would shift every later item's extras.
  const kept = item.title !== undefined || item.link !== undefined || item.description !== undefined || item.guid.value !== undefined;
  return kept ? item : null;
}

/** What feedsmith makes of content with no markup and only the five XML escapes: decoded and trimmed, or nothing. */
function feedsmithText(element: unknown): string | undefined {
  return plainTextContent(rawContent(element)) || undefined;
}

/** The extras as the extras read finds them: its full read gives these elements' content as plainTextContent does. */
function listingExtras(element: Readonly<Record<string, unknown>>): ArxivListingExtras {
  return extrasFrom((name) => plainTextContent(rawContent(children(element, `arxiv:${name}`)[0])) || null);
}

function elementNames(element: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(element).filter((name) => !name.startsWith('@') && name !== '#text');
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
