import type { ParsedFeedContent, ParsedPaper } from '../paper';
import { collapseWhitespace, titleKey } from '../normalize/title';
import { FeedParseError } from './errors';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})$/u;
/** How far into the file the first date line may stand; past that it is not a page dump. */
const HEADER_PARAGRAPHS = 12;

export interface PageDumpContext {
  /** When the file was last modified: the page shows "Mar 11" with no year. */
  modifiedAt: Date;
}

/** True when the text looks like the Hugging Face papers page saved as text. */
export function looksLikePapersPageText(text: string): boolean {
  return paragraphs(text).slice(0, HEADER_PARAGRAPHS).some((p) => DATE_LINE.test(p));
}

/**
 * The Hugging Face daily papers page saved as text: header lines, a `Mon DD` date line,
 * then title and abstract paragraphs in turn. Text is taken verbatim: `<SEG>` is a word here.
 */
export function parsePapersPageText(text: string, context: PageDumpContext): ParsedFeedContent {
  const blocks = paragraphs(text);
  const firstDate = blocks.findIndex((p, i) => i < HEADER_PARAGRAPHS && DATE_LINE.test(p));
  if (firstDate < 0) throw new FeedParseError('no "Mon DD" date line in the page header');

  const papers: ParsedPaper[] = [];
  let published: string | null = null;
  let pending: string | null = null;
  for (const block of blocks.slice(firstDate)) {
    const date = DATE_LINE.exec(block);
    if (date && pending === null) {
      published = resolveDate(date[1]!, Number(date[2]), context.modifiedAt);
      continue;
    }
    if (pending === null) {
      pending = block;
      continue;
    }
    papers.push(toPaper(pending, block, published));
    pending = null;
  }
  if (papers.length === 0) throw new FeedParseError('no title and abstract pairs after the date line');
  const problems = pending === null ? [] : [`the last title has no abstract and was skipped: "${collapseWhitespace(pending).slice(0, 80)}"`];
  return { papers, problems };
}

function toPaper(rawTitle: string, rawAbstract: string, published: string | null): ParsedPaper {
  const title = collapseWhitespace(rawTitle);
  return { id: titleKey(title), title, abstract: collapseWhitespace(rawAbstract), authors: [], published };
}

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The year the page was saved, or the year before when the date would lie after the save. */
function resolveDate(month: string, day: number, modifiedAt: Date): string {
  const monthIndex = MONTHS.indexOf(month);
  let year = modifiedAt.getUTCFullYear();
  const oneDay = 24 * 60 * 60 * 1000;
  if (Date.UTC(year, monthIndex, day) > modifiedAt.getTime() + oneDay) year -= 1;
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}
