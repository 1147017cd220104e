import { parseRssFeed } from 'feedsmith';
import { emptyRecord, type FormatParser, type RawRecord } from '../raw-record';
import { arxivIdFromOaiIdentifier, entriesHead, splitAnnouncement } from './arxiv-feed-fields';
import { arxivListingExtras, extrasAt, hasListingExtras, type ArxivListingExtras } from './arxiv-listing-extras';
import { readArxivRssItems, type ArxivRssItem, type ArxivRssItems } from './arxiv-rss-items';
import { isArxivsOwnRss } from './arxiv-rss-origin';
import { authorsFromCreators, keepTitled, readWith, uniqueValues } from './feed-entry-helpers';
import { holdsHtmlMarkup } from './html-markup';
import { xmlRoot } from './xml-root';

const ARXIV_ITEM = /<guid[^>]*>\s*oai:arXiv\.org:|Announce Type:/iu;

/** rss.arxiv.org RSS 2.0 (2024 on), and re-published copies that keep its markup, guid and description. */
export const arxivRss: FormatParser = {
  format: 'arxiv-rss',
  detect(text) {
    if (xmlRoot(text)?.localName !== 'rss') return false;
    const head = entriesHead(text);
    return ARXIV_ITEM.test(head) && isArxivsOwnRss(head);
  },
  parse(text) {
    // feedsmith alone is the cheapest read; where arXiv's extras call for a second read, one read of our own does both.
    const { items, extras } = (hasListingExtras(text) ? readArxivRssItems(text) : null) ?? readWithFeedsmith(text);
    return keepTitled(items.map((item, index) => ({ record: itemRecord(item, extrasAt(extras, index)), label: item.guid?.value ?? item.link ?? null })));
  },
};

// feedsmith reads no arxiv: elements in RSS (announce_type, DOI, journal_reference): the DOI and
// journal reference come from a second read, and the announce type from the description, where
// arXiv writes it on every item.
function readWithFeedsmith(text: string): ArxivRssItems {
  const feed = readWith((xml) => parseRssFeed(xml), text, 'arXiv RSS feed');
  return { items: feed.items ?? [], extras: arxivListingExtras(text, 'rss') };
}

function itemRecord(item: ArxivRssItem, extras: ArxivListingExtras): RawRecord {
  const announcement = item.description === undefined ? null : splitAnnouncement(item.description);
  const arxivId = arxivIdFromOaiIdentifier(item.guid?.value) ?? announcement?.arxivId ?? null;
  const abstract = announcement?.abstract ?? null;
  return {
    ...emptyRecord(item.title ?? ''),
    abstract,
    // arXiv writes plain text; a re-publisher may wrap it in HTML (`<p>…</p>`), which the split leaves half of.
    abstractIsHtml: abstract !== null && holdsHtmlMarkup(abstract),
    authors: authorsFromCreators(item.dc?.creators ?? []),
    published: item.pubDate ?? null,
    identifiers: uniqueValues([item.guid?.value, arxivId && `arXiv:${arxivId}`, item.link, extras.doi]),
    link: item.link ?? null,
    doi: extras.doi,
    journalRef: extras.journalRef,
    categories: uniqueValues((item.categories ?? []).map((category) => category.name)),
    announceType: announcement?.announceType ?? null,
    isArxivSource: true,
  };
}
