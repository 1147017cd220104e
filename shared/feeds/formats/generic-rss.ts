import { parseRssFeed } from 'feedsmith';
import type { FormatParser } from '../raw-record';
import { keepTitled, readOrEmpty, type TitledEntry } from './feed-entry-helpers';
import { rssItemRecord } from './rss-item-record';
import { xmlRoot } from './xml-root';

/** RSS 0.91–0.94 and 2.0: an `<rss>` root. RSS 0.90 and 1.0 are RDF documents (generic-rdf). */
export const genericRssParser: FormatParser = {
  format: 'rss',
  detect: (text) => xmlRoot(text)?.localName.toLowerCase() === 'rss',
  parse: (text) => keepTitled(rssEntries(text)),
};

/** Every item, titled or not. */
export function rssEntries(text: string): TitledEntry[] {
  const feed = readOrEmpty(parseRssFeed, text, 'RSS feed');
  const context = { descriptionIsHtml: true, channelPublicationName: feed?.prism?.publicationName };
  return (feed?.items ?? []).map((item) => ({ record: rssItemRecord(item, context), label: item.guid?.value ?? item.link ?? null }));
}
