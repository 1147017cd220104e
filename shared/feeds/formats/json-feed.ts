import { parseJsonFeed, type JsonFeed } from 'feedsmith';
import { FeedParseError } from '../errors';
import { emptyRecord, type FormatParser, type RawRecord } from '../raw-record';
import { keepTitled, readWith, uniqueValues, type TitledEntry } from './feed-entry-helpers';

const VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1(?:\.1)?\/?"/u;

/** JSON Feed 1.0 and 1.1: a JSON object whose version names jsonfeed.org. */
export const jsonFeedParser: FormatParser = {
  format: 'json-feed',
  detect: (text) => /^\uFEFF?\s*\{/u.test(text) && VERSION.test(text),
  parse: (text) => keepTitled(jsonFeedEntries(text)),
};

/** Every item, titled or not. */
export function jsonFeedEntries(text: string): TitledEntry[] {
  const feed = readWith((json) => parseJsonFeed(parseJson(json)), text, 'JSON Feed');
  const feedAuthors = feed.authors ?? [];
  return (feed.items ?? []).map((item) => ({ record: itemRecord(item, feedAuthors), label: item.id ?? item.url ?? null }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new FeedParseError(`the JSON is malformed (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** JSON Feed's title, summary and content_text are plain text; only content_html is HTML. */
function itemRecord(item: JsonFeed.Item<string>, feedAuthors: JsonFeed.Author[]): RawRecord {
  const abstract = item.content_html ?? item.content_text ?? item.summary ?? null;
  const link = item.url ?? item.external_url ?? null;
  return {
    ...emptyRecord(item.title ?? ''),
    abstract,
    abstractIsHtml: item.content_html !== undefined,
    // The spec: an item without authors has the feed's.
    authors: (item.authors ?? feedAuthors)
      .map((author) => ({ name: (author.name ?? '').trim(), affiliations: [] }))
      .filter((author) => author.name !== ''),
    published: item.date_published ?? null,
    updated: item.date_modified ?? null,
    identifiers: uniqueValues([item.id, item.url, item.external_url]),
    link,
    pdfLink: item.attachments?.find((attachment) => attachment.mime_type === 'application/pdf')?.url ?? null,
    categories: uniqueValues(item.tags ?? []),
  };
}
