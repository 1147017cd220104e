import { emptyRecord, type FormatParser, type RawAuthor, type RawRecord } from '../raw-record';
import { firstJsonLine, readJsonLines } from './json-lines';
import { isJsonObject, stringOrNull, type JsonObject } from './json-values';

type SnapshotLine = JsonObject & { id: string; title: string };

/** Keys only the snapshot writes: a daily listing crawl or a JSON Feed item has none of them. */
const SNAPSHOT_KEYS = ['submitter', 'authors_parsed', 'versions', 'update_date', 'journal-ref'];

interface Version {
  number: number;
  created: string | null;
}

/**
 * The arXiv metadata snapshot (arxiv-metadata-oai-snapshot.json, Cornell's dataset on Kaggle): one
 * JSON object a line with id, submitter, authors, authors_parsed, title, comments, journal-ref, doi,
 * categories, abstract, versions and update_date, as arXiv's OAI metadata gives them.
 */
export const arxivSnapshot: FormatParser = {
  format: 'arxiv-snapshot',
  detect(text) {
    const line = firstJsonLine(text);
    return isPaperLine(line) && typeof line['abstract'] === 'string' && SNAPSHOT_KEYS.some((key) => key in line);
  },
  parse: (text) => readJsonLines(text, readLine),
};

function isPaperLine(value: unknown): value is SnapshotLine {
  return isJsonObject(value) && typeof value['id'] === 'string' && typeof value['title'] === 'string';
}

/** The line's record, or why it was skipped. */
function readLine(value: unknown): RawRecord | string {
  if (!isPaperLine(value)) return 'not a paper object with an id and a title';
  const versions = readVersions(value['versions']);
  const newest = versions.at(-1);
  const doi = stringOrNull(value['doi'])?.trim().split(/\s+/u)[0] || null;
  const categories = (stringOrNull(value['categories']) ?? '').split(/\s+/u).filter((category) => category !== '');
  return {
    ...emptyRecord(value.title),
    abstract: stringOrNull(value['abstract']),
    authors: readAuthors(value['authors_parsed']) ?? stringOrNull(value['authors']) ?? [],
    published: versions[0]?.created ?? null,
    updated: updatedDate(versions, stringOrNull(value['update_date'])),
    identifiers: [`arXiv:${value.id.trim()}${newest ? `v${newest.number}` : ''}`, ...(doi ? [doi] : [])],
    doi,
    categories,
    // arXiv lists the primary category first.
    primaryCategory: categories[0] ?? null,
    comment: stringOrNull(value['comments']),
    journalRef: stringOrNull(value['journal-ref']),
    isArxivSource: true,
  };
}

/** `[{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, …]`, oldest first. */
function readVersions(value: unknown): Version[] {
  if (!Array.isArray(value)) return [];
  const versions = value.flatMap((entry): Version[] => {
    if (!isJsonObject(entry)) return [];
    const number = /^v(\d+)$/u.exec(stringOrNull(entry['version'])?.trim() ?? '')?.[1];
    return number === undefined ? [] : [{ number: Number(number), created: stringOrNull(entry['created']) }];
  });
  return versions.sort((a, b) => a.number - b.number);
}

/**
 * The newest version's date. Like arXiv's OAI record, a paper with one version has none; a line
 * without versions has only the date its metadata last changed, which stands in.
 */
function updatedDate(versions: readonly Version[], updateDate: string | null): string | null {
  if (versions.length === 0) return updateDate;
  return versions.length > 1 ? versions.at(-1)!.created : null;
}

/** `[[last, first, suffix, affiliation…], …]` as "First Last Suffix"; null when there is no such list. */
function readAuthors(value: unknown): RawAuthor[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.flatMap((parts): RawAuthor[] => {
    if (!Array.isArray(parts)) return [];
    const [last, first, suffix, ...affiliations] = parts.map((part) => (typeof part === 'string' ? part.trim() : ''));
    const name = [first, last, suffix].filter((part) => part !== undefined && part !== '').join(' ');
    return name === '' ? [] : [{ name, affiliations: affiliations.filter((place) => place !== '') }];
  });
}
