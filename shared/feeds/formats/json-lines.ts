import { FeedParseError } from '../errors';
import type { RawRecord } from '../raw-record';
import { withoutBom } from './json-values';

/** A paper line is a few KB; a first line longer than this is not one. */
const MAX_FIRST_LINE = 65_536;

/** The first line of a JSON Lines file, parsed; undefined when it is not one JSON object. */
export function firstJsonLine(text: string): unknown {
  const head = text.slice(0, MAX_FIRST_LINE).replace(/^\uFEFF?\s*/u, '');
  const end = head.indexOf('\n');
  if (end < 0 && text.length > MAX_FIRST_LINE) return undefined;
  const firstLine = (end < 0 ? head : head.slice(0, end)).trim();
  if (!firstLine.startsWith('{') || !firstLine.endsWith('}')) return undefined;
  try {
    return JSON.parse(firstLine);
  } catch {
    return undefined;
  }
}

/**
 * A record from every line, or why each line that gave none was skipped. `readLine` gets the
 * parsed JSON and answers a record or the reason. Throws when no line holds a paper.
 */
export function readJsonLines(text: string, readLine: (value: unknown) => RawRecord | string): { records: RawRecord[]; problems: string[] } {
  const records: RawRecord[] = [];
  const problems: string[] = [];
  withoutBom(text)
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const read = parseLine(line, readLine);
      if (typeof read === 'string') problems.push(`skipped line ${index + 1}: ${read}`);
      else records.push(read);
    });
  if (records.length === 0) {
    throw new FeedParseError(problems.length === 0 ? 'the file has no lines' : `no line holds a paper: ${problems[0]!.replace(/^skipped /u, '')}`);
  }
  return { records, problems };
}

function parseLine(line: string, readLine: (value: unknown) => RawRecord | string): RawRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  return readLine(value);
}
