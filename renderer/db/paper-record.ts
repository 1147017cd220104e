import { listingDate } from '../../shared/listing-date';
import { matchKeys } from '../../shared/merge';
import type { Paper } from '../../shared/paper';
import { seenDay } from './paper-lists';
import type { PaperRecord } from './records';

/** A paper as it is stored, written as `generation`: the keys it is found and ordered by derived from its content. */
export function toPaperRecord(paper: Paper, generation: number): PaperRecord {
  return {
    ...contentOf(paper),
    sortKey: listingDate(paper, seenDay),
    keys: matchKeys(paper).filter((key) => key !== paper.id),
    files: [...new Set(paper.listings.map((listing) => listing.file))],
    generation,
  };
}

/** The paper's own fields, without those a stored record derives from them. */
export function contentOf(paper: Paper | PaperRecord): Paper {
  const { sortKey: _sortKey, keys: _keys, files: _files, generation: _generation, ...content } = paper as PaperRecord;
  return content;
}

/** Every field of the paper model that a paper may lack, empty. */
export function emptyPaperFields(): Omit<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'published' | 'listings'> {
  return {
    arxivId: null,
    version: null,
    doi: null,
    url: null,
    abstractHtml: null,
    abstractSource: null,
    affiliations: {},
    updated: null,
    categories: [],
    primaryCategory: null,
    classes: [],
    comment: null,
    journalRef: null,
    links: { abs: null, pdf: null, doi: null, hf: null },
  };
}
