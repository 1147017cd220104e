import { datedListing } from '../../shared/listing-date';
import type { FileError, Paper } from '../../shared/paper';
import type { ParsedFiles } from './parse-files';

/** A paper as the CLI prints it: the app's record, with its listings under the name `sources`. */
export type CliPaper = Omit<Paper, 'listings'> & { sources: Paper['listings'] };

export interface CliDocument {
  papers: CliPaper[];
  errors: FileError[];
}

export function toCliDocument(parsed: ParsedFiles): CliDocument {
  return {
    papers: parsed.papers.map(({ listings, ...paper }) => ({ ...paper, sources: listings })),
    errors: parsed.errors,
  };
}

/** A readable table: file, format, papers, errors. */
export function summaryTable(parsed: ParsedFiles, paths: string[]): string {
  const rows = paths.map((path) => {
    const batch = parsed.batches.find((candidate) => candidate.file === path);
    const errors = parsed.errors.filter((error) => error.file === path);
    return [path, batch?.format ?? '-', String(batch?.papers.length ?? 0), errors.map((error) => error.message).join('; ') || '-'];
  });
  const header = ['file', 'format', 'papers', 'errors'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const total = `${parsed.papers.length} distinct papers from ${parsed.batches.filter((batch) => batch.papers.length > 0).length} of ${paths.length} files`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), '', total, ...describePapers(parsed.papers)].join('\n');
}

/** What the merged papers hold: their categories and classes, and where each one's listing date comes from. */
function describePapers(papers: readonly Paper[]): string[] {
  const distinct = (values: string[]) => new Set(values).size;
  const dated = { feed: 0, 'file name': 0, arrival: 0 };
  for (const paper of papers) {
    const { source } = datedListing(paper);
    // The entry's own date and the feed's date for itself both come from the feed's text.
    dated[source === 'entry' ? 'feed' : source] += 1;
  }
  return [
    `${distinct(papers.flatMap((paper) => paper.categories))} arXiv categories, ${distinct(papers.flatMap((paper) => paper.classes))} MSC and ACM classes`,
    `listing dates: ${dated.feed} from the feed, ${dated['file name']} from a file name, ${dated.arrival} from the day of arrival`,
  ];
}
