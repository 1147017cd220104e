import { FeedParseError } from '../errors';
import { emptyRecord, type FormatParser, type RawAuthor, type RawRecord } from '../raw-record';
import { entriesHead } from './arxiv-feed-fields';
import { attribute, child, childText, children, textOf } from './xml-tree';
import { xmlTreeReader } from './xml-tree-skim';
import { keepTitled, uniqueValues, type TitledEntry } from './feed-entry-helpers';
import { xmlRoot } from './xml-root';

/** A `<feed>`, or the `<articles>` wrapper some crawlers write around API entries. */
const ROOTS = ['feed', 'articles'];
/** Only API results have ids under arxiv.org/abs/ (entries) or arxiv.org/api/ (the query, errors). */
const API_ID = /<id(?:\s[^>]*)?>\s*https?:\/\/(?:export\.)?arxiv\.org\/(?:abs|api)\//u;
const ERROR_ID = /^https?:\/\/(?:export\.)?arxiv\.org\/api\/errors/u;
const readTree = xmlTreeReader(ROOTS.flatMap((root) => [`${root}.entry.title`, `${root}.entry.summary`]));

/** export.arxiv.org/api/query results: Atom entries with arxiv: elements. */
export const arxivApi: FormatParser = {
  format: 'arxiv-api',
  detect(text) {
    const root = xmlRoot(text)?.localName;
    if (root === undefined || !ROOTS.includes(root)) return false;
    const head = entriesHead(text);
    // rss.arxiv.org's Atom feed marks its entries with arxiv:announce_type; that is 'arxiv-atom'.
    return API_ID.test(head) && !head.includes('announce_type');
  },
  parse(text) {
    const tree = readTree(text, 'the arXiv API response');
    const root = child(tree, 'feed') ?? child(tree, 'articles');
    if (root === undefined) throw new FeedParseError('not an arXiv API response: the root element is neither <feed> nor <articles>');
    const errors: string[] = [];
    const papers: TitledEntry[] = [];
    for (const entry of children(root, 'entry')) {
      const id = childText(entry, 'id');
      if (id === null || !ERROR_ID.test(id)) papers.push({ record: toRecord(entry), label: id });
      else errors.push(`The arXiv API answered with an error instead of a paper: "${childText(entry, 'summary') ?? id}".`);
    }
    const { records, problems } = keepTitled(papers);
    return { records, problems: [...errors, ...problems] };
  },
};

function toRecord(entry: unknown): RawRecord {
  const links = children(entry, 'link');
  const hrefOf = (link: unknown) => attribute(link, 'href');
  const doi = childText(entry, 'doi');
  return {
    ...emptyRecord(childText(entry, 'title') ?? ''),
    abstract: childText(entry, 'summary'),
    authors: children(entry, 'author').flatMap(toAuthor),
    published: childText(entry, 'published'),
    updated: childText(entry, 'updated'),
    identifiers: uniqueValues([childText(entry, 'id'), attribute(entry, 'id'), ...links.map(hrefOf), doi]),
    link: hrefOf(links.find((link) => attribute(link, 'rel') === 'alternate')),
    pdfLink: hrefOf(links.find((link) => attribute(link, 'title') === 'pdf')),
    doi,
    categories: children(entry, 'category').flatMap((category) => attribute(category, 'term') ?? []),
    primaryCategory: attribute(child(entry, 'primary_category'), 'term'),
    comment: childText(entry, 'comment'),
    journalRef: childText(entry, 'journal_ref'),
    isArxivSource: true,
  };
}

function toAuthor(author: unknown): RawAuthor[] {
  const name = childText(author, 'name');
  if (name === null) return [];
  return [{ name, affiliations: children(author, 'affiliation').flatMap((affiliation) => textOf(affiliation) ?? []) }];
}
