import { parseRdfFeed, type RdfFeed } from 'feedsmith';
import type { AnnounceType } from '../../paper';
import { emptyRecord, type FormatParser, type RawAuthor, type RawRecord } from '../raw-record';
import { entriesHead } from './arxiv-feed-fields';
import { keepTitled, readWith, uniqueValues } from './feed-entry-helpers';
import { xmlRoot } from './xml-root';

// "Title. (arXiv:1805.06430v2 [nucl-th] UPDATED)": the legacy feed put the id, the primary
// category and a listing marker in the title, after a period of its own.
const TITLE_SUFFIX = /\.?\s*\(arXiv:(\S+)\s+\[([^\]]+)\](?:\s+([A-Z][A-Z ]*[A-Z]))?\)\s*$/u;
const TITLE_SUFFIX_IN_XML = /\(arXiv:[^\s)]+\s+\[[^\]]+\][^)]*\)\s*<\/title>/u;
const MARKERS = new Map<string, AnnounceType>([
  ['CROSS LISTED', 'cross'],
  ['UPDATED', 'replace'],
]);
const CREATOR_LINK = /<a\b[^>]*>([\s\S]*?)<\/a>/giu;

type Item = RdfFeed.Item<string>;

/** The legacy export.arxiv.org RSS 1.0 (RDF) feed, retired in January 2024. */
export const arxivRdf: FormatParser = {
  format: 'arxiv-rdf',
  detect: (text) => xmlRoot(text)?.localName === 'RDF' && TITLE_SUFFIX_IN_XML.test(entriesHead(text)),
  parse(text) {
    const feed = readWith((xml) => parseRdfFeed(xml), text, 'legacy arXiv RSS 1.0 feed');
    // Items carry no date of their own; the channel's dc:date is the day of the listing.
    const listingDate = feed.dc?.dates?.[0] ?? null;
    return keepTitled((feed.items ?? []).map((item) => ({ record: itemRecord(item, listingDate), label: item.link ?? null })));
  },
};

// feedsmith has already undone one level of escaping: the description is HTML, and the
// creators are HTML links.
function itemRecord(item: Item, listingDate: string | null): RawRecord {
  const rawTitle = item.title ?? '';
  const suffix = TITLE_SUFFIX.exec(rawTitle);
  const title = suffix ? rawTitle.slice(0, suffix.index) : rawTitle;
  const category = suffix?.[2] ?? null;
  return {
    ...emptyRecord(title),
    abstract: item.description ?? null,
    abstractIsHtml: true,
    authors: authorsFromCreatorLinks((item.dc?.creators ?? []).join(', ')),
    published: item.dc?.dates?.[0] ?? listingDate,
    identifiers: uniqueValues([item.rdf?.about, item.link, suffix && `arXiv:${suffix[1]}`]),
    link: item.link ?? null,
    categories: category ? [category] : [],
    primaryCategory: category,
    announceType: suffix ? announceTypeOf(suffix[3]) : null,
    isArxivSource: true,
  };
}

/** A title without a marker is a new submission. */
function announceTypeOf(marker: string | undefined): AnnounceType | null {
  return marker === undefined ? 'new' : (MARKERS.get(marker) ?? null);
}

/** `<a href=…>Name</a> (Affiliation), <a href=…>Name</a>` → names with their affiliations. */
function authorsFromCreatorLinks(html: string): RawRecord['authors'] {
  const links = [...html.matchAll(CREATOR_LINK)];
  if (links.length === 0) return html.trim() || [];
  return links.map((link, i): RawAuthor => {
    const between = html.slice(link.index + link[0].length, links[i + 1]?.index ?? html.length);
    const affiliation = between.trim().replace(/,$/u, '').trim().replace(/^\((.*)\)$/su, '$1');
    return { name: link[1]!.trim(), affiliations: affiliation ? [affiliation] : [] };
  });
}
