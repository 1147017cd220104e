import type { FormatParser } from '../raw-record';
import { keepTitled, type TitledEntry } from './feed-entry-helpers';
import { readRssDocument, type RssDocument } from './rss-document';
import { rssItemRecord } from './rss-item-record';
import { xmlRoot } from './xml-root';

/** RSS 0.91–0.94 and 2.0: an `<rss>` root. RSS 0.90 and 1.0 are RDF documents (generic-rdf). */
export const genericRssParser: FormatParser = {
  format: 'rss',
  detect: (text) => xmlRoot(text)?.localName.toLowerCase() === 'rss',
  parse(text) {
    const document = readRssDocument(text);
    return keepTitled(entriesOf(document), document.channelDate);
  },
};

/** Every item, titled or not. */
export function rssEntries(text: string): TitledEntry[] {
  return entriesOf(readRssDocument(text));
}

function entriesOf(document: RssDocument): TitledEntry[] {
  const context = { descriptionIsHtml: true, channelPublicationName: document.channelPublicationName };
  return document.items.map((item) => ({ record: rssItemRecord(item, context), label: item.guid?.value ?? item.link ?? null }));
}
