import { emptyRecord, type RawRecord } from '../raw-record';
import { authorsFromCreators, explicitDoi, isPaperLink, uniqueValues } from './feed-entry-helpers';
import { windows1252References } from '../../normalize/character-references';

const HTML_HINT = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/iu;

type Text = string | undefined;
type Texts = string[] | undefined;

export interface RssPerson {
  name?: Text;
  email?: Text;
}

/** The PRISM fields an item's citation and dates come from. */
export interface RssItemPrism {
  doi?: Text;
  publicationName?: Text;
  volume?: Text;
  number?: Text;
  startingPage?: Text;
  publicationDates?: Texts;
  modificationDate?: Text;
}

/** What RSS 0.9x/2.0 items and RSS 1.0 (RDF) items share, in the shape feedsmith gives them. */
export interface RssLikeItem {
  title?: Text;
  link?: Text;
  description?: Text;
  authors?: RssPerson[] | undefined;
  categories?: { name?: Text }[] | undefined;
  guid?: { value?: Text; isPermaLink?: boolean | undefined } | undefined;
  pubDate?: Text;
  enclosures?: { url?: Text; type?: Text }[] | undefined;
  rdf?: { about?: Text } | undefined;
  atom?: { links?: { href?: Text }[] | undefined; authors?: RssPerson[] | undefined; published?: Text; updated?: Text } | undefined;
  dc?: { titles?: Texts; creators?: Texts; subjects?: Texts; descriptions?: Texts; dates?: Texts; identifiers?: Texts } | undefined;
  dcterms?: { abstracts?: Texts; creators?: Texts; identifiers?: Texts; issued?: Texts; created?: Texts; modified?: Texts } | undefined;
  content?: { encoded?: Text } | undefined;
  prism?: RssItemPrism | undefined;
}

export interface RssItemContext {
  /** RSS 2.0 says description is entity-encoded HTML; RSS 1.0 does not say, so there it is HTML when it has tags or entities. */
  descriptionIsHtml: boolean;
  /** The channel's prism:publicationName, for items that give only volume and pages. */
  channelPublicationName: string | undefined;
}

/** One RSS or RSS 1.0 item as a RawRecord. */
export function rssItemRecord(item: RssLikeItem, context: RssItemContext): RawRecord {
  const { dc, dcterms, prism } = item;
  const description = item.description ?? dc?.descriptions?.[0] ?? dcterms?.abstracts?.[0];
  const source = item.content?.encoded ?? description ?? null;
  const abstractIsHtml = source !== null && (item.content?.encoded !== undefined || context.descriptionIsHtml || HTML_HINT.test(source));
  const abstract = abstractIsHtml ? windows1252References(source) : source;
  const permalink = item.guid?.isPermaLink !== false && /^https?:\/\//iu.test(item.guid?.value ?? '') ? item.guid?.value : undefined;
  const link = item.link ?? permalink ?? null;
  const identifiers = uniqueValues([
    item.guid?.value,
    item.rdf?.about,
    link,
    ...(dc?.identifiers ?? []),
    ...(dcterms?.identifiers ?? []),
    prism?.doi,
    ...(item.atom?.links ?? []).map((l) => l.href).filter((href) => href !== undefined && isPaperLink(href)),
  ]);
  return {
    ...emptyRecord(item.title ?? dc?.titles?.[0] ?? ''),
    titleIsMarkup: true,
    abstract,
    abstractIsHtml,
    authors: itemAuthors(item),
    published:
      item.pubDate ?? dc?.dates?.[0] ?? prism?.publicationDates?.[0] ?? dcterms?.issued?.[0] ?? dcterms?.created?.[0] ?? item.atom?.published ?? null,
    updated: item.atom?.updated ?? dcterms?.modified?.[0] ?? prism?.modificationDate ?? null,
    identifiers,
    link,
    pdfLink: item.enclosures?.find((enclosure) => enclosure.type === 'application/pdf')?.url ?? null,
    doi: explicitDoi([prism?.doi, ...(dc?.identifiers ?? []), ...(dcterms?.identifiers ?? [])]),
    categories: uniqueValues([...(item.categories ?? []).map((category) => category.name), ...(dc?.subjects ?? [])]),
    journalRef: journalRefFromPrism(prism, context.channelPublicationName),
  };
}

function itemAuthors(item: RssLikeItem): RawRecord['authors'] {
  const creators = item.dc?.creators ?? item.dcterms?.creators;
  if (creators && creators.length > 0) return authorsFromCreators(creators);
  const people = item.authors ?? item.atom?.authors ?? [];
  return people
    .map((person) => ({ name: (person.name ?? person.email ?? '').trim(), affiliations: [] }))
    .filter((author) => author.name !== '');
}

/**
 * "Nature Catalysis 2(4), 123" from PRISM's parts; null without a publication name. Journal tables
 * of contents often name the journal once, on the channel: that name is used for items that
 * give a volume, so that a bare channel name (bioRxiv's) does not pass for a citation.
 */
function journalRefFromPrism(prism: RssItemPrism | undefined, channelPublicationName: string | undefined): string | null {
  const volume = prism?.volume?.trim();
  const name = prism?.publicationName?.trim() || (volume ? channelPublicationName?.trim() : undefined);
  if (!name) return null;
  const issue = prism?.number?.trim();
  const page = prism?.startingPage?.trim();
  const source = volume ? `${name} ${volume}${issue ? `(${issue})` : ''}` : name;
  return page ? `${source}, ${page}` : source;
}
