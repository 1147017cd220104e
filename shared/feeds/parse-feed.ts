import type { HtmlTools } from '../normalize/html-tools';
import { toIsoDate } from '../normalize/dates';
import { normaliseRecord } from '../normalize/record';
import type { FeedFormat, ParsedFeedContent, ParsedPaper } from '../paper';
import { runSteps, type Steps } from '../steps';
import { decodeFeedBytes } from '../text/decode-feed-bytes';
import { declaresXmlEntities } from './declared-entities';
import { FeedParseError } from './errors';
import type { ParseContext } from './raw-record';
import { FORMAT_PARSERS } from './registry';

/** A file whose every entry breaks lists the first few, not thousands of lines. */
const MAX_ENTRY_PROBLEMS = 5;

export interface ParsedFeed extends ParsedFeedContent {
  format: FeedFormat;
  /** The feed's own date (YYYY-MM-DD), or null when it gives none. */
  feedDate: string | null;
}

/**
 * Bytes to clean papers: decodes the text, detects the format from the content (never the
 * file name), parses and normalises. Throws FeedParseError with the reason when it cannot.
 */
export function parseFeed(bytes: Uint8Array, context: ParseContext, html: HtmlTools): ParsedFeed {
  return runSteps(parseFeedSteps(bytes, context, html));
}

/** parseFeed an entry at a time: it yields after each, so that a caller can let its event loop run. */
export function* parseFeedSteps(bytes: Uint8Array, context: ParseContext, html: HtmlTools): Steps<ParsedFeed> {
  if (bytes.length === 0) throw new FeedParseError('not a recognised feed: the file is empty');
  const { text } = decodeFeedBytes(bytes);
  if (text.includes('\u0000')) throw new FeedParseError('not a recognised feed: the file is binary');
  if (text.trim() === '') throw new FeedParseError('not a recognised feed: the file is empty');
  if (declaresXmlEntities(text)) {
    throw new FeedParseError('the file declares its own XML entities (<!ENTITY …>), which Paperdrop does not expand');
  }
  const parser = FORMAT_PARSERS.find((candidate) => candidate.detect(text));
  if (!parser) throw new FeedParseError('not a recognised feed');
  const { records, problems, feedDate } = parser.parse(text, context);
  const papers: ParsedPaper[] = [];
  let untitled = 0;
  const unreadable: string[] = [];
  for (const [index, record] of records.entries()) {
    try {
      const paper = normaliseRecord(record, html);
      if (paper) papers.push(paper);
      else untitled += 1;
    } catch (error) {
      // One broken entry costs that entry, never the rest of its file.
      const reason = error instanceof Error ? error.message : String(error);
      unreadable.push(`entry ${index + 1} (${JSON.stringify(record.title.slice(0, 80))}) could not be read and was skipped: ${reason}`);
    }
    yield;
  }
  if (untitled > 0) problems.push(`${untitled} ${untitled === 1 ? 'entry has' : 'entries have'} no title and ${untitled === 1 ? 'was' : 'were'} skipped`);
  problems.push(...unreadable.slice(0, MAX_ENTRY_PROBLEMS));
  if (unreadable.length > MAX_ENTRY_PROBLEMS) problems.push(`${unreadable.length - MAX_ENTRY_PROBLEMS} more entries could not be read`);
  if (papers.length === 0 && problems.length === 0) problems.push(`the ${parser.format} feed lists no papers`);
  return { format: parser.format, papers, problems, feedDate: toIsoDate(feedDate ?? null) };
}
