import { collapseWhitespace } from '../../normalize/title';
import { FeedParseError } from '../errors';
import { emptyRecord, type FormatParser, type ParseContext, type RawRecord } from '../raw-record';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The page's own date heading, without a year: "Mar 11". */
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})$/u;
/** A paper's date in the web-clipper form, after its abstract: "Oct 7, 2024". */
const PAPER_DATE = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/u;
/** The link the web clipper writes under each title. */
const PAPER_URL = /^https:\/\/huggingface\.co\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)$/u;
/** What the web clipper writes besides titles and abstracts: links, " [-] 19" upvotes, "[" "2 authors](…)", "·", comment counts. */
const CLIPPER_NOISE = [/^https?:\/\/\S+$/u, /^\[-\]\s*\d+$/u, /^\[$/u, /^\[?\s*\d+ authors?\]\(\S*\)$/u, /^·$/u, /^\d+$/u];
/** How far into the file, not counting clipper noise, the first date line may stand; past that it is not a page dump. */
const HEADER_PARAGRAPHS = 16;
/** The header fits well inside this; detection reads no further. */
const SNIFF_CHARS = 8192;

/**
 * The Hugging Face papers page saved as text. The clean form has header lines, a `Mon DD` date
 * line, then title and abstract paragraphs in turn. The web-clipper form adds a
 * huggingface.co/papers/<arXiv id> link under each title, and links, upvotes, author counts,
 * the paper's own date and comment counts around it. Text is taken verbatim: `<SEG>` is a word here.
 */
export const hfPapersTextParser: FormatParser = {
  format: 'hf-papers-text',

  detect(text) {
    return headerDateIndex(paragraphs(text.slice(0, SNIFF_CHARS))) >= 0;
  },

  parse(text, context) {
    const blocks = paragraphs(text);
    const firstDate = headerDateIndex(blocks);
    if (firstDate < 0) throw new FeedParseError('no "Mon DD" date line in the page header');
    const body = blocks.slice(firstDate);
    const read = body.some((block) => PAPER_URL.test(block)) ? readClipperExport(body, context) : readPlainPage(body, context);
    if (read.records.length === 0) throw new FeedParseError('no title and abstract pairs after the date line');
    return read;
  },
};

function readPlainPage(body: string[], context: ParseContext): { records: RawRecord[]; problems: string[] } {
  const records: RawRecord[] = [];
  let published: string | null = null;
  let pending: string | null = null;
  for (const block of body) {
    const date = DATE_LINE.exec(block);
    if (date && pending === null) {
      published = resolveDate(date[1]!, Number(date[2]), context.modifiedAt);
    } else if (pending === null) {
      pending = block;
    } else {
      records.push({ ...emptyRecord(pending), abstract: block, published });
      pending = null;
    }
  }
  const problems = pending === null ? [] : [`the last title has no abstract and was skipped: "${collapseWhitespace(pending).slice(0, 80)}"`];
  return { records, problems };
}

/** A paper is a title with its link below it, then the abstract unless the clipper lost it. */
function readClipperExport(body: string[], context: ParseContext): { records: RawRecord[]; problems: string[] } {
  const records: RawRecord[] = [];
  let pageDate: string | null = null;
  let current: RawRecord | null = null;
  for (let index = 0; index < body.length; index += 1) {
    const block = body[index]!;
    const link = body[index + 1] ?? '';
    const id = PAPER_URL.exec(link)?.[1];
    if (id !== undefined && !isClipperNoise(block)) {
      const abstract = body[index + 2];
      const hasAbstract = abstract !== undefined && !isClipperNoise(abstract);
      current = { ...emptyRecord(block), abstract: hasAbstract ? abstract : null, published: pageDate, identifiers: [`arXiv:${id}`, link], link };
      records.push(current);
      index += hasAbstract ? 2 : 1;
      continue;
    }
    const date = DATE_LINE.exec(block);
    if (date) pageDate = resolveDate(date[1]!, Number(date[2]), context.modifiedAt);
    else if (current && PAPER_DATE.test(block)) current.published = block;
  }
  return { records, problems: [] };
}

/** The index of the first date line, counting only header text, or -1 when there is none. */
function headerDateIndex(blocks: string[]): number {
  let textBlocks = 0;
  for (const [index, block] of blocks.entries()) {
    if (isClipperNoise(block)) continue;
    if (DATE_LINE.test(block)) return index;
    textBlocks += 1;
    if (textBlocks >= HEADER_PARAGRAPHS) return -1;
  }
  return -1;
}

function isClipperNoise(block: string): boolean {
  return CLIPPER_NOISE.some((pattern) => pattern.test(block));
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
