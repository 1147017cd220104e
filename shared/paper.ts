/** The formats Paperdrop can read, detected from content. */
export type FeedFormat =
  | 'hf-papers-text'
  | 'hf-daily-json'
  | 'jsonl-daily'
  | 'arxiv-rss'
  | 'arxiv-atom'
  | 'arxiv-api'
  | 'arxiv-rdf'
  | 'arxiv-oai'
  | 'arxiv-snapshot'
  | 'feedparser-json'
  | 'rss'
  | 'atom'
  | 'rdf'
  | 'json-feed';

/** arXiv's announce types in its RSS feeds. */
export type AnnounceType = 'new' | 'cross' | 'replace' | 'replace-cross';

/** One appearance of a paper in one dropped file. Listings accumulate; they are never replaced. */
export interface Listing {
  /** File name relative to the watched folder. */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  format: FeedFormat;
  /** When Paperdrop read the file, ISO 8601. */
  seenAt: string;
  announceType: AnnounceType | null;
  /** The arXiv version this listing showed, when it said. */
  version: number | null;
  /** The file's own date as a feed (YYYY-MM-DD: an RSS channel's, an Atom feed's updated), when it gave one. */
  feedDate?: string | null;
}

export interface PaperLinks {
  abs: string | null;
  pdf: string | null;
  doi: string | null;
  hf: string | null;
}

/** One paper, however many files list it. Content only: read/star state lives apart. */
export interface Paper {
  /** Identity key: `arxiv:…`, `doi:…`, `url:…` or `title:<normalised title>`. */
  id: string;
  /** arXiv identifier without version: 2401.01234 or hep-th/9901001. */
  arxivId: string | null;
  /** The newest arXiv version seen. */
  version: number | null;
  /** Lower-case DOI, without resolver prefix. */
  doi: string | null;
  /** The canonical link for a paper that has neither arXiv id nor DOI. */
  url: string | null;
  /** Plain text, whitespace collapsed; LaTeX accents and residue folded. */
  title: string;
  /** Plain text for search and list snippets; LaTeX folded, math kept as `$…$`. */
  abstract: string;
  /** The source's HTML for display, already sanitized; null for plain-text sources. */
  abstractHtml: string | null;
  /** The abstract as the source sent it when folding changed it, so nothing is lost. */
  abstractSource: string | null;
  /** Author names, plain text. */
  authors: string[];
  /** Affiliations by author name, for the authors that have any. */
  affiliations: Record<string, string[]>;
  /** ISO date (YYYY-MM-DD), or null. */
  published: string | null;
  /** ISO date of the newest version, or null. */
  updated: string | null;
  /** arXiv categories, each one arXiv's taxonomy names (shared/arxiv-taxonomy.ts). */
  categories: string[];
  primaryCategory: string | null;
  /** Other classification codes the source gave: MSC ("68P05") and ACM ("F.2.2"). */
  classes: string[];
  comment: string | null;
  journalRef: string | null;
  links: PaperLinks;
  listings: Listing[];
}

/** What a parser yields for one paper, before the ingest adds where it came from. */
export type ParsedPaper = Omit<Paper, 'listings'> & {
  /** The listing's own facts, copied into the Listing the ingest makes. */
  announceType: AnnounceType | null;
};

/** What a parser read from a file: its papers, and what it had to skip, said for the user. */
export interface ParsedFeedContent {
  papers: ParsedPaper[];
  problems: string[];
}

export interface FileError {
  file: string;
  message: string;
}

/** Everything one dropped file contributes; the renderer stores it in one transaction. */
export interface IngestBatch {
  file: string;
  hash: string;
  format: FeedFormat | null;
  seenAt: string;
  papers: Paper[];
  errors: FileError[];
}
