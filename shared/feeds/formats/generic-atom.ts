import { parseAtomFeed, type AtomFeed } from 'feedsmith';
import { emptyRecord, type FormatParser, type RawRecord } from '../raw-record';
import { readableAtomText } from './atom-text';
import { explicitDoi, isPaperLink, keepTitled, readOrEmpty, uniqueValues, type TitledEntry } from './feed-entry-helpers';
import { xmlRoot } from './xml-root';

const ATOM_NAMESPACES = ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'];
const MARKUP_TYPES = new Set(['html', 'xhtml', 'text/html', 'application/xhtml+xml']);

type Feed = AtomFeed.Feed<string>;
type Entry = AtomFeed.Entry<string>;

/** Atom 1.0 and 0.3: a `<feed>` root in one of the Atom namespaces, or in none (as hand-written feeds have it). */
export const genericAtomParser: FormatParser = {
  format: 'atom',
  detect(text) {
    const root = xmlRoot(text);
    if (root?.localName !== 'feed') return false;
    return ATOM_NAMESPACES.some((uri) => root.head.includes(uri)) || !/\sxmlns\s*=/u.test(root.startTag);
  },
  parse(text) {
    const feed = readAtomFeed(text);
    return keepTitled(entriesOf(feed), feed?.updated);
  },
};

/** Every entry, titled or not. */
export function atomEntries(text: string): TitledEntry[] {
  return entriesOf(readAtomFeed(text));
}

function readAtomFeed(text: string): Feed | null {
  return readOrEmpty(parseAtomFeed, text, 'Atom feed');
}

function entriesOf(feed: Feed | null): TitledEntry[] {
  return (feed?.entries ?? []).map((entry) => ({ record: entryRecord(entry), label: entry.id ?? null }));
}

function entryRecord(entry: Entry): RawRecord {
  const content = entry.content?.src === undefined ? readableAtomText(entry.content) : undefined;
  const body = content ?? readableAtomText(entry.summary);
  const links = entry.links ?? [];
  const link = links.find((l) => l.rel === undefined || l.rel === 'alternate')?.href ?? null;
  return {
    ...emptyRecord(readableAtomText(entry.title)?.value ?? ''),
    titleIsMarkup: true,
    abstract: body?.value ?? null,
    abstractIsHtml: body !== undefined && MARKUP_TYPES.has(body.type?.toLowerCase() ?? 'text'),
    authors: (entry.authors ?? entry.source?.authors ?? [])
      .map((person) => ({ name: (person.name ?? '').trim(), affiliations: [] }))
      .filter((author) => author.name !== ''),
    published: entry.published ?? entry.dc?.dates?.[0] ?? null,
    updated: entry.updated ?? null,
    identifiers: uniqueValues([
      entry.id,
      link,
      ...links.map((l) => l.href).filter((href) => href !== undefined && isPaperLink(href)),
      ...(entry.dc?.identifiers ?? []),
    ]),
    link,
    pdfLink: links.find((l) => l.type === 'application/pdf')?.href ?? null,
    doi: explicitDoi(entry.dc?.identifiers ?? []),
    categories: uniqueValues((entry.categories ?? []).map((category) => category.term)),
  };
}
