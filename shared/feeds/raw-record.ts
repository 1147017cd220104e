import type { AnnounceType, FeedFormat } from '../paper';

/**
 * One entry as a format parser reads it, before normalisation. Parsers copy what the source
 * says and do not clean it: shared/normalize turns a RawRecord into a ParsedPaper, the same way
 * for every format.
 */
export interface RawRecord {
  title: string;
  /** True when the title came from HTML or XML text that may hold markup or entities to strip. */
  titleIsMarkup: boolean;
  abstract: string | null;
  /** True when the abstract is HTML (content:encoded, content_html, escaped description…). */
  abstractIsHtml: boolean;
  /** Either a list of names (with affiliations when the source gives them), or one joined string to split. */
  authors: RawAuthor[] | string;
  /** Dates as the source writes them (RFC 822, ISO 8601, …); null when absent. */
  published: string | null;
  updated: string | null;
  /** Every identifier-like value the entry carries: guid, id, links, `arXiv:` ids, DOIs. */
  identifiers: string[];
  /** The entry's main link, when it has one. */
  link: string | null;
  pdfLink: string | null;
  doi: string | null;
  categories: string[];
  primaryCategory: string | null;
  comment: string | null;
  journalRef: string | null;
  announceType: AnnounceType | null;
  /** True when the abstract is arXiv LaTeX source (math to keep, accents to fold). */
  isArxivSource: boolean;
}

export interface RawAuthor {
  name: string;
  affiliations: string[];
}

/** A RawRecord with every optional field empty, for parsers to spread their values over. */
export function emptyRecord(title: string): RawRecord {
  return {
    title,
    titleIsMarkup: false,
    abstract: null,
    abstractIsHtml: false,
    authors: [],
    published: null,
    updated: null,
    identifiers: [],
    link: null,
    pdfLink: null,
    doi: null,
    categories: [],
    primaryCategory: null,
    comment: null,
    journalRef: null,
    announceType: null,
    isArxivSource: false,
  };
}

/** What every format parser exports. */
export interface FormatParser {
  format: FeedFormat;
  /** True when this content is in this format; decides from content, never the file name. */
  detect(text: string): boolean;
  /** The entries; throws FeedParseError when the file is not usable at all. */
  parse(text: string, context: ParseContext): ParsedEntries;
}

export interface ParsedEntries {
  records: RawRecord[];
  problems: string[];
  /**
   * The feed's own date as written, for entries that carry none: an RSS or RDF channel's pubDate,
   * lastBuildDate or dc:date, an Atom feed's updated. Absent for formats that have none.
   */
  feedDate?: string | null;
}

export interface ParseContext {
  /** When the file was last modified: dates without a year take theirs from it. */
  modifiedAt: Date;
}
