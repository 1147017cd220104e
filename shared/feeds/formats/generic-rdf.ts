import { parseRdfFeed, type RdfFeed } from 'feedsmith';
import type { FormatParser } from '../raw-record';
import { keepTitled, readOrEmpty, type TitledEntry } from './feed-entry-helpers';
import { rdfPrism, type RdfItemPrism } from './rdf-prism';
import { rssItemRecord } from './rss-item-record';
import { xmlRoot } from './xml-root';

/** RSS 1.0's namespace, and RSS 0.90's (Netscape's, spelled two ways in the wild). */
const RSS_RDF_NAMESPACE = /purl\.org\/rss\/1\.0\/?["']|netscape\.com\/rdf\/simple\/0\.9\/?["']/iu;

/** RSS 1.0 and 0.90: an `<rdf:RDF>` root carrying the RSS namespace. */
export const genericRdfParser: FormatParser = {
  format: 'rdf',
  detect(text) {
    const root = xmlRoot(text);
    return root?.localName === 'RDF' && RSS_RDF_NAMESPACE.test(root.head);
  },
  parse(text) {
    const feed = readRdfFeed(text);
    return keepTitled(entriesOf(feed, text), feed?.dc?.dates?.[0]);
  },
};

/** Every item, titled or not. */
export function rdfEntries(text: string): TitledEntry[] {
  return entriesOf(readRdfFeed(text), text);
}

function readRdfFeed(text: string): RdfFeed.Feed<string> | null {
  return readOrEmpty(parseRdfFeed, text, 'RSS 1.0 (RDF) feed');
}

function entriesOf(feed: RdfFeed.Feed<string> | null, text: string): TitledEntry[] {
  const items = feed?.items ?? [];
  const prism = rdfPrism(text);
  const itemPrism = matchPrism(items.map((item) => item.rdf?.about ?? null), prism.items);
  const context = { descriptionIsHtml: false, channelPublicationName: prism.channelPublicationName };
  return items.map((item, index) => ({
    record: rssItemRecord({ ...item, prism: itemPrism[index] }, context),
    label: item.rdf?.about ?? item.link ?? null,
  }));
}

/** feedsmith orders items by the channel's table of contents, so PRISM is matched by rdf:about first. */
function matchPrism(abouts: (string | null)[], found: RdfItemPrism[]): (RdfItemPrism['prism'] | undefined)[] {
  return abouts.map((about, index) => {
    const byAbout = about === null ? undefined : found.find((entry) => entry.about === about);
    if (byAbout) return byAbout.prism;
    return found.length === abouts.length ? found[index]?.prism : undefined;
  });
}
