import { parseRssFeed } from 'feedsmith';
import { emptyRecord, type FormatParser, type RawRecord } from '../raw-record';
import { arxivIdFromOaiIdentifier, entriesHead, splitAnnouncement } from './arxiv-feed-fields';
import { arxivListingExtras, extrasAt, hasListingExtras, type ArxivListingExtras } from './arxiv-listing-extras';
import { readArxivRssItems, type ArxivRssItem, type ArxivRssItems } from './arxiv-rss-items';
import { authorsFromCreators, keepTitled, readWith, uniqueValues } from './feed-entry-helpers';
import { xmlRoot } from './xml-root';

const ARXIV_ITEM = /<guid[^>]*>\s*oai:arXiv\.org:|Announce Type:/iu;

/** rss.arxiv.org RSS 2.0 (2024 on), and re-published copies that keep its guid and description. */
export const arxivRss: FormatParser = {
  format: 'arxiv-rss',
  detect: (text) => xmlRoot(text)?.localName === 'rss' && ARXIV_ITEM.test(entriesHead(text)),
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
  return {
    ...emptyRecord(item.title ?? ''),
    abstract: announcement?.abstract ?? null,
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
