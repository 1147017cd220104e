import type { FeedFormat, ParsedPaper } from '../paper';
import { FeedParseError } from './errors';
import { looksLikePapersPageText, parsePapersPageText } from './hf-papers-text';

export interface FeedFile {
  text: string;
  modifiedAt: Date;
}

export interface ParsedFeed {
  format: FeedFormat;
  papers: ParsedPaper[];
}

/** Detects the format from the content, never the file name, and parses it. Throws FeedParseError. */
export function parseFeed(file: FeedFile): ParsedFeed {
  if (file.text.includes('\u0000')) throw new FeedParseError('not a recognised feed: the file is binary');
  if (file.text.trim() === '') throw new FeedParseError('not a recognised feed: the file is empty');
  if (looksLikePapersPageText(file.text)) {
    return { format: 'hf-papers-text', papers: parsePapersPageText(file.text, file) };
  }
  throw new FeedParseError('not a recognised feed');
}
