import { FeedParseError } from '../errors';
import { emptyRecord, type FormatParser, type RawAuthor, type RawRecord } from '../raw-record';
import { entriesHead } from './arxiv-feed-fields';
import { attribute, child, childText, children, parseXmlTree, textOf } from './xml-tree';
import { keepTitled } from './feed-entry-helpers';
import { xmlRoot } from './xml-root';

/** The `arXiv` metadata format, not `arXivRaw` or `oai_dc`: asked for in the request, or seen in a record. */
const ARXIV_METADATA = /metadataPrefix="arXiv"|xmlns="http:\/\/arxiv\.org\/OAI\/arXiv\/"/u;

/** OAI-PMH ListRecords harvested from export.arxiv.org/oai2 with metadataPrefix=arXiv. */
export const arxivOai: FormatParser = {
  format: 'arxiv-oai',
  detect: (text) => xmlRoot(text)?.localName === 'OAI-PMH' && ARXIV_METADATA.test(entriesHead(text)),
  parse(text) {
    const root = child(parseXmlTree(text, 'the OAI-PMH response'), 'OAI-PMH');
    if (root === undefined) throw new FeedParseError('not an OAI-PMH response: the root element is not <OAI-PMH>');
    const error = child(root, 'error');
    if (error !== undefined) {
      throw new FeedParseError(`the OAI-PMH response is an error: ${attribute(error, 'code') ?? 'no code'}: ${textOf(error) ?? 'no message'}`);
    }
    const list = child(root, 'ListRecords');
    if (list === undefined) throw new FeedParseError('the OAI-PMH response has no ListRecords');
    const deleted: string[] = [];
    const live = children(list, 'record').filter((record) => {
      const header = child(record, 'header');
      if (attribute(header, 'status') !== 'deleted') return true;
      deleted.push(`The record ${childText(header, 'identifier') ?? 'without an identifier'} is marked deleted and was skipped.`);
      return false;
    });
    const { records, problems } = keepTitled(
      live.map((record) => ({ record: toRecord(record), label: childText(child(record, 'header'), 'identifier') })),
    );
    return { records, problems: [...deleted, ...problems] };
  },
};

function toRecord(record: unknown): RawRecord {
  const metadata = child(child(record, 'metadata'), 'arXiv');
  // arXiv lists the primary category first.
  const categories = (childText(metadata, 'categories') ?? '').split(/\s+/u).filter((category) => category !== '');
  const doi = childText(metadata, 'doi');
  return {
    ...emptyRecord(childText(metadata, 'title') ?? ''),
    abstract: childText(metadata, 'abstract'),
    authors: children(child(metadata, 'authors'), 'author').flatMap(toAuthor),
    published: childText(metadata, 'created'),
    updated: childText(metadata, 'updated'),
    identifiers: [childText(child(record, 'header'), 'identifier'), childText(metadata, 'id'), doi].filter((value) => value !== null),
    doi,
    categories,
    primaryCategory: categories[0] ?? null,
    comment: childText(metadata, 'comments'),
    journalRef: childText(metadata, 'journal-ref'),
    isArxivSource: true,
  };
}

function toAuthor(author: unknown): RawAuthor[] {
  const parts = [childText(author, 'forenames'), childText(author, 'keyname'), childText(author, 'suffix')];
  const name = parts.filter((part) => part !== null).join(' ');
  if (name === '') return [];
  return [{ name, affiliations: children(author, 'affiliation').flatMap((affiliation) => textOf(affiliation) ?? []) }];
}
