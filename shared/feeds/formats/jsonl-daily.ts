import { FeedParseError } from '../errors';
import { emptyRecord, type FormatParser, type RawRecord } from '../raw-record';
import { isJsonObject, stringOrNull, withoutBom, type JsonObject } from './json-values';

/** A listing line is a few KB; a first line longer than this is not one. */
const MAX_FIRST_LINE = 65_536;

type ListingLine = JsonObject & { id: string; title: string };

/**
 * Daily arXiv listing crawls (daily-arXiv-ai-enhanced): one JSON object a line with id, pdf, abs,
 * authors, title, categories, comment, summary and sometimes an AI summary, which is not kept.
 */
export const jsonlDailyParser: FormatParser = {
  format: 'jsonl-daily',

  detect(text) {
    const head = text.slice(0, MAX_FIRST_LINE).replace(/^\uFEFF?\s*/u, '');
    const end = head.indexOf('\n');
    if (end < 0 && text.length > MAX_FIRST_LINE) return false;
    const firstLine = (end < 0 ? head : head.slice(0, end)).trim();
    if (!firstLine.startsWith('{') || !firstLine.endsWith('}')) return false;
    try {
      return isListingLine(JSON.parse(firstLine));
    } catch {
      return false;
    }
  },

  parse(text) {
    const records: RawRecord[] = [];
    const problems: string[] = [];
    withoutBom(text)
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const read = readLine(line);
        if (typeof read === 'string') problems.push(`skipped line ${index + 1}: ${read}`);
        else records.push(read);
      });
    if (records.length === 0) {
      throw new FeedParseError(problems.length === 0 ? 'the file has no lines' : `no line holds a paper: ${problems[0]!.replace(/^skipped /u, '')}`);
    }
    return { records, problems };
  },
};

/** A paper line: id, title and a summary or abs link; a JSON Feed or a wrapper lacks these at the top. */
function isListingLine(value: unknown): value is ListingLine {
  return (
    isJsonObject(value) &&
    typeof value['id'] === 'string' &&
    typeof value['title'] === 'string' &&
    (typeof value['summary'] === 'string' || typeof value['abs'] === 'string')
  );
}

/** The line's record, or why it was skipped. */
function readLine(line: string): RawRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!isListingLine(value)) return 'not a paper object with an id, a title and a summary or abs link';
  const { id } = value;
  const abs = stringOrNull(value['abs']);
  const pdf = stringOrNull(value['pdf']);
  return {
    ...emptyRecord(value.title),
    abstract: stringOrNull(value['summary']),
    authors: authors(value['authors']),
    identifiers: [`arXiv:${id}`, ...(abs ? [abs] : []), ...(pdf ? [pdf] : [])],
    link: abs,
    pdfLink: pdf,
    categories: strings(value['categories']),
    comment: stringOrNull(value['comment']),
    isArxivSource: true,
  };
}

function authors(value: unknown): RawRecord['authors'] {
  if (typeof value === 'string') return value;
  return strings(value).map((name) => ({ name, affiliations: [] }));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
