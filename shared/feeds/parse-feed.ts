import type { FeedFormat, ParsedFeedContent } from '../paper';
import { FeedParseError } from './errors';
import { looksLikePapersPageText, parsePapersPageText } from './hf-papers-text';

export interface FeedFile {
  text: string;
  modifiedAt: Date;
}

export interface ParsedFeed extends ParsedFeedContent {
  format: FeedFormat;
}

/** Detects the format from the content, never the file name, and parses it. Throws FeedParseError. */
export function parseFeed(file: FeedFile): ParsedFeed {
  if (file.text.includes('\u0000')) throw new FeedParseError('not a recognised feed: the file is binary');
  if (file.text.trim() === '') throw new FeedParseError('not a recognised feed: the file is empty');
  if (looksLikePapersPageText(file.text)) {
    return { format: 'hf-papers-text', ...parsePapersPageText(file.text, file) };
  }
  throw new FeedParseError('not a recognised feed');
}
