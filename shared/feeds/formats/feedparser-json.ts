import { FeedParseError } from '../errors';
import { emptyRecord, type FormatParser, type RawRecord } from '../raw-record';
import { splitAnnouncement } from './arxiv-feed-fields';
import { keepTitled, uniqueValues } from './feed-entry-helpers';
import { holdsHtmlMarkup } from './html-markup';
import { isJsonObject, type JsonObject, stringOrNull, withoutBom } from './json-values';

const SNIFFED_CHARS = 4096;
/** `{"<feed url>": {"feed": …}}`: an object of Python feedparser results, one per feed. */
const FEEDPARSER_RESULTS = /^\s*\{\s*"(?:[^"\\]|\\.)*"\s*:\s*\{\s*"(?:feed|entries|bozo)"\s*:/u;

/** Python feedparser results saved as JSON, keyed by feed URL (an arXiv RSS cache). */
export const feedparserJson: FormatParser = {
  format: 'feedparser-json',
  detect: (text) => FEEDPARSER_RESULTS.test(withoutBom(text.slice(0, SNIFFED_CHARS))),
  parse(text) {
    const records: RawRecord[] = [];
    const problems: string[] = [];
    for (const [feedUrl, result] of Object.entries(parseResults(text))) {
      const entries = isJsonObject(result) ? result['entries'] : undefined;
      if (!Array.isArray(entries)) {
        problems.push(`The result for ${feedUrl} has no entries list and was skipped.`);
        continue;
      }
      const feed = keepTitled(entries.map((entry) => toTitledEntry(isJsonObject(entry) ? entry : {})));
      records.push(...feed.records);
      problems.push(...feed.problems.map((problem) => `${feedUrl}: ${problem}`));
    }
    return { records, problems };
  },
};

function parseResults(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch (error) {
    throw new FeedParseError(`the feedparser results are not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonObject(value)) throw new FeedParseError('the feedparser results are not a JSON object keyed by feed URL');
  return value;
}

function toTitledEntry(entry: JsonObject): { record: RawRecord; label: string | null } {
  const id = stringOrNull(entry['id']);
  const link = stringOrNull(entry['link']);
  const summary = stringOrNull(entry['summary']);
  const announcement = summary === null ? null : splitAnnouncement(summary);
  const arxivId = announcement?.arxivId ?? null;
  const tags = Array.isArray(entry['tags']) ? entry['tags'] : [];
  const abstract = announcement?.abstract ?? null;
  const record: RawRecord = {
    ...emptyRecord(stringOrNull(entry['title']) ?? ''),
    abstract,
    // feedparser hands over summaries as sanitized HTML; arXiv's are plain LaTeX text, unless a re-publisher wrapped them.
    abstractIsHtml: abstract !== null && (arxivId === null || holdsHtmlMarkup(abstract)),
    authors: stringOrNull(entry['author']) ?? [],
    published: stringOrNull(entry['published']),
    updated: stringOrNull(entry['updated']),
    identifiers: uniqueValues([id, link, arxivId && `arXiv:${arxivId}`]),
    link,
    categories: uniqueValues(tags.map((tag) => (isJsonObject(tag) ? stringOrNull(tag['term']) : null))),
    announceType: announcement?.announceType ?? null,
    isArxivSource: arxivId !== null,
  };
  return { record, label: id ?? link };
}
