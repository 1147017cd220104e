import { FeedParseError } from '../errors';
import { emptyRecord, type FormatParser, type RawAuthor, type RawRecord } from '../raw-record';
import { isJsonObject, stringOrNull, withoutBom } from './json-values';
import { parsePythonLiteral, PythonLiteralError } from './python-literal';

const SNIFF_CHARS = 4096;
/** A daily-papers item as JSON, or as the Python repr string some crawlers stored instead. */
const PAPER_ITEM = /"paper"\s*:\s*\{|"\{'paper':/u;

/**
 * huggingface.co/api/daily_papers: an array of {paper: {id, title, summary, authors, publishedAt…}},
 * also wrapped as {status, date, count, data}, or with each item a Python repr string.
 */
export const hfDailyJsonParser: FormatParser = {
  format: 'hf-daily-json',

  detect(text) {
    const head = withoutBom(text).slice(0, SNIFF_CHARS).trimStart();
    return (head.startsWith('[') || head.startsWith('{')) && PAPER_ITEM.test(head);
  },

  parse(text) {
    const items = dailyItems(readJson(text));
    const records: RawRecord[] = [];
    const problems: string[] = [];
    items.list.forEach((item, index) => {
      const read = readItem(item);
      if (typeof read === 'string') problems.push(`skipped the item at index ${index}: ${read}`);
      else records.push(read);
    });
    if (records.length === 0 && items.list.length > 0) {
      throw new FeedParseError(`no daily paper could be read: ${problems[0]!.replace(/^skipped /u, '')}`);
    }
    if (items.count !== null && items.count !== items.list.length) {
      problems.unshift(`the file says it holds ${items.count} papers but has ${items.list.length}`);
    }
    return { records, problems };
  },
};

function readJson(text: string): unknown {
  try {
    return JSON.parse(withoutBom(text));
  } catch (error) {
    throw new FeedParseError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function dailyItems(json: unknown): { list: unknown[]; count: number | null } {
  if (Array.isArray(json)) return { list: json, count: null };
  if (isJsonObject(json) && Array.isArray(json['data'])) {
    return { list: json['data'], count: typeof json['count'] === 'number' ? json['count'] : null };
  }
  if (isJsonObject(json) && typeof json['status'] === 'string') {
    throw new FeedParseError(`the daily papers wrapper has status "${json['status']}" and no data list`);
  }
  throw new FeedParseError('neither a list of daily papers nor a {status, date, count, data} wrapper');
}

/** The item's record, or why it was skipped. */
function readItem(item: unknown): RawRecord | string {
  let value = item;
  if (typeof item === 'string') {
    try {
      value = parsePythonLiteral(item);
    } catch (error) {
      if (!(error instanceof PythonLiteralError)) throw error;
      return `not a readable Python dict (${error.message})`;
    }
  }
  const paper = isJsonObject(value) ? value['paper'] : undefined;
  if (!isJsonObject(paper)) return 'it has no "paper" object';
  const id = paper['id'];
  const title = paper['title'];
  if (typeof id !== 'string' || id.trim() === '') return 'its paper has no id';
  if (typeof title !== 'string') return `paper ${id} has no title`;
  const link = `https://huggingface.co/papers/${id}`;
  return {
    ...emptyRecord(title),
    abstract: stringOrNull(paper['summary']),
    authors: authors(paper['authors']),
    published: stringOrNull(paper['publishedAt']),
    identifiers: [`arXiv:${id}`, link],
    link,
    isArxivSource: true,
  };
}

function authors(value: unknown): RawAuthor[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((author) =>
    isJsonObject(author) && typeof author['name'] === 'string' ? [{ name: author['name'], affiliations: [] }] : [],
  );
}
