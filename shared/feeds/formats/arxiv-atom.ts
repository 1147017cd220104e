import { parseAtomFeed, type AtomFeed } from 'feedsmith';
import { emptyRecord, type FormatParser, type RawAuthor, type RawRecord } from '../raw-record';
import { arxivIdFromOaiIdentifier, entriesHead, splitAnnouncement } from './arxiv-feed-fields';
import { arxivListingExtras, extrasAt, type ArxivListingExtras } from './arxiv-listing-extras';
import { authorsFromCreators, keepTitled, readWith, uniqueValues } from './feed-entry-helpers';
import { holdsHtmlMarkup } from './html-markup';
import { xmlRoot } from './xml-root';

// The arXiv API's Atom has none of these: its ids are http://arxiv.org/abs/… and it has no announce type.
const ARXIV_LISTING_ENTRY = /<id>\s*oai:arXiv\.org:|<arxiv:announce_type[\s>]|Announce Type:/iu;

type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;

/** rss.arxiv.org/atom: the daily listing as Atom 1.0, with oai: ids and announce types. */
export const arxivAtom: FormatParser = {
  format: 'arxiv-atom',
  detect: (text) => xmlRoot(text)?.localName === 'feed' && ARXIV_LISTING_ENTRY.test(entriesHead(text)),
  parse(text) {
    const feed = readWith((xml) => parseAtomFeed(xml), text, 'arXiv Atom feed');
    const extras = arxivListingExtras(text, 'atom');
    return keepTitled((feed.entries ?? []).map((entry, index) => ({ record: entryRecord(entry, extrasAt(extras, index)), label: entry.id ?? null })));
  },
};

// feedsmith reads arxiv:doi (in any case), comment, journal_ref and primary_category, but not
// announce_type or the listing's arxiv:journal_reference: that comes from a second read, and the
// announce type from the summary.
function entryRecord(entry: Entry, extras: ArxivListingExtras): RawRecord {
  const summary = entry.summary?.value ?? entry.content?.value;
  const announcement = summary === undefined ? null : splitAnnouncement(summary);
  const arxivId = arxivIdFromOaiIdentifier(entry.id) ?? announcement?.arxivId ?? null;
  const links = entry.links ?? [];
  const doi = entry.arxiv?.doi ?? extras.doi;
  const abstract = announcement?.abstract ?? null;
  return {
    ...emptyRecord(entry.title?.value ?? ''),
    abstract,
    // arXiv writes plain text; a copy may carry it as HTML.
    abstractIsHtml: abstract !== null && holdsHtmlMarkup(abstract),
    authors: entry.authors?.length ? entry.authors.flatMap(toRawAuthor) : authorsFromCreators(entry.dc?.creators ?? []),
    published: entry.published ?? null,
    updated: entry.updated ?? null,
    identifiers: uniqueValues([entry.id, arxivId && `arXiv:${arxivId}`, ...links.map((link) => link.href), doi]),
    link: links.find((link) => !isPdf(link) && (link.rel ?? 'alternate') === 'alternate')?.href ?? null,
    pdfLink: links.find(isPdf)?.href ?? null,
    doi,
    categories: uniqueValues((entry.categories ?? []).map((category) => category.term)),
    primaryCategory: entry.arxiv?.primaryCategory?.term ?? null,
    comment: entry.arxiv?.comment ?? null,
    journalRef: entry.arxiv?.journalRef ?? extras.journalRef,
    announceType: announcement?.announceType ?? null,
    isArxivSource: true,
  };
}

function toRawAuthor(author: NonNullable<Entry['authors']>[number]): RawAuthor[] {
  if (!author.name) return [];
  const affiliation = author.arxiv?.affiliation;
  return [{ name: author.name, affiliations: affiliation ? [affiliation] : [] }];
}

function isPdf(link: Link): boolean {
  return link.title === 'pdf' || link.type === 'application/pdf';
}
