import { emptyRecord, type FormatParser, type RawRecord } from '../raw-record';
import { firstJsonLine, readJsonLines } from './json-lines';
import { isJsonObject, stringOrNull, type JsonObject } from './json-values';

type ListingLine = JsonObject & { id: string; title: string };

/**
 * Daily arXiv listing crawls (daily-arXiv-ai-enhanced): one JSON object a line with id, pdf, abs,
 * authors, title, categories, comment, summary and sometimes an AI summary, which is not kept.
 */
export const jsonlDailyParser: FormatParser = {
  format: 'jsonl-daily',
  detect: (text) => isListingLine(firstJsonLine(text)),
  parse: (text) => readJsonLines(text, readLine),
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
function readLine(value: unknown): RawRecord | string {
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
