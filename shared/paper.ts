/** The formats Paperdrop can read. Later formats extend this union. */
export type FeedFormat = 'hf-papers-text';

/** One appearance of a paper in one dropped file. Listings accumulate; they are never replaced. */
export interface Listing {
  /** File name relative to the watched folder. */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  format: FeedFormat;
  /** When Paperdrop read the file, ISO 8601. */
  seenAt: string;
}

/** One paper, however many files list it. Content only: read/star state lives apart. */
export interface Paper {
  /** Identity key: `arxiv:…`, `doi:…`, `url:…` or `title:<normalised title>`. */
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  /** ISO date (YYYY-MM-DD) or null when the source gives none. */
  published: string | null;
  listings: Listing[];
}

/** What a parser yields for one paper, before the ingest adds where it came from. */
export type ParsedPaper = Omit<Paper, 'listings'>;

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
