import { ParseError } from 'feedsmith';
import { FeedParseError } from '../errors';
import type { ParsedEntries, RawAuthor, RawRecord } from '../raw-record';

const DOI_VALUE = /^\s*(?:doi:\s*|info:doi\/|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+\s*$/iu;
const PAPER_HOST = /^https?:\/\/(?:dx\.)?(?:doi\.org|(?:export\.)?arxiv\.org)\//iu;
/** "Kukla, D." — a surname and initials, the way bioRxiv's dc:creator lists people. */
const INITIALS = /^(?:\p{Lu}\.?[\s-]*)+$/u;

/** The non-empty values, trimmed, each once, in their first order. */
export function uniqueValues(values: readonly (string | null | undefined)[]): string[] {
  const kept = new Set<string>();
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) kept.add(trimmed);
  }
  return [...kept];
}

/** The first value that is a DOI as a whole: bare, `doi:`, `info:doi/` or a resolver URL. */
export function explicitDoi(values: readonly (string | null | undefined)[]): string | null {
  return uniqueValues(values).find((value) => DOI_VALUE.test(value)) ?? null;
}

/** Links that name a paper by themselves (DOI resolver, arXiv), worth keeping as identifiers. */
export function isPaperLink(href: string): boolean {
  return PAPER_HOST.test(href.trim());
}

/**
 * Authors from dc:creator. Several elements are one author each. A single element is a joined
 * list for the normaliser to split, except bioRxiv's "Kukla, D., Crampton, A." surname-initials
 * pairs, which splitting on commas would tear apart: those are paired here.
 */
export function authorsFromCreators(creators: readonly string[]): RawAuthor[] | string {
  const names = uniqueValues(creators);
  if (names.length !== 1) return creators.map((name) => ({ name: name.trim(), affiliations: [] })).filter((a) => a.name !== '');
  const parts = names[0]!.split(',').map((part) => part.trim());
  const paired = parts.length >= 2 && parts.length % 2 === 0 && parts.every((part, i) => (i % 2 === 1) === INITIALS.test(part));
  if (!paired) return names[0]!;
  const authors: RawAuthor[] = [];
  for (let i = 0; i < parts.length; i += 2) authors.push({ name: `${parts[i]}, ${parts[i + 1]}`, affiliations: [] });
  return authors;
}

export interface TitledEntry {
  record: RawRecord;
  /** How the entry is named in a problem sentence when it has no title: its id or link. */
  label: string | null;
}

/** The records that have a title, each untitled one a problem sentence instead, and the feed's date when it gives one. */
export function keepTitled(entries: readonly TitledEntry[], feedDate?: string | null): ParsedEntries {
  const records: RawRecord[] = [];
  const problems: string[] = [];
  entries.forEach(({ record, label }, index) => {
    if (record.title.trim() !== '') records.push(record);
    else problems.push(`Entry ${index + 1}${label ? ` (${label})` : ''} has no title and was skipped.`);
  });
  return feedDate ? { records, problems, feedDate } : { records, problems };
}

/** Runs a feedsmith parser, turning its errors into the one error parsers throw. */
export function readWith<T>(parse: (text: string) => T, text: string, what: string): T {
  try {
    return parse(text);
  } catch (error) {
    throw unreadable(error, what);
  }
}

/** Like readWith, but a document of the format in which feedsmith finds nothing (`<rss></rss>`) is an empty feed. */
export function readOrEmpty<T>(parse: (text: string) => T, text: string, what: string): T | null {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof ParseError) return null;
    throw unreadable(error, what);
  }
}

function unreadable(error: unknown, what: string): FeedParseError {
  if (!(error instanceof Error)) return new FeedParseError(`not a readable ${what}: ${String(error)}`);
  // feedsmith says "Invalid feed format" and keeps the XML parser's reason as the cause.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return new FeedParseError(`not a readable ${what}: ${error.message}${cause}`);
}
