import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderArxivApiAtom, renderArxivRss } from './arxiv-feeds';
import type { CorpusRecord } from './corpus-reader';
import { randomInt, type Random } from './prng';

export type BenchFormat = 'arxiv-rss' | 'arxiv-api';

/** A generated feed file, in the order it is dropped into the folder. */
export interface FeedFile {
  name: string;
  path: string;
  format: BenchFormat;
  papers: number;
  bytes: number;
  /** The arXiv ids of its papers, in file order. */
  arxivIds: string[];
}

/** rss.arxiv.org's current feeds began in 2024: older papers arrive as API result pages. */
const RSS_SINCE = '2024-01-01';
const ITEMS_PER_FILE = { min: 500, max: 2000 };

/** Splits records into runs of realistic feed sizes. */
function chunk<T>(items: readonly T[], random: Random): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; ) {
    const size = randomInt(random, ITEMS_PER_FILE.min, ITEMS_PER_FILE.max);
    chunks.push(items.slice(start, start + size));
    start += size;
  }
  return chunks;
}

/**
 * Writes the records into `dir` as arXiv API Atom pages (older papers) and rss.arxiv.org
 * listings (2024 on), oldest first, so the last file holds the latest papers.
 */
export async function writeFeedFiles(records: readonly CorpusRecord[], dir: string, random: Random): Promise<FeedFile[]> {
  const byDate = [...records].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
  const older = byDate.filter((record) => record.published < RSS_SINCE);
  const recent = byDate.filter((record) => record.published >= RSS_SINCE);
  const files: FeedFile[] = [];
  const write = async (name: string, format: BenchFormat, papers: readonly CorpusRecord[], text: string) => {
    const path = join(dir, name);
    const bytes = Buffer.from(text, 'utf8');
    await writeFile(path, bytes);
    files.push({ name, path, format, papers: papers.length, bytes: bytes.length, arxivIds: papers.map((record) => record.id) });
  };
  let start = 0;
  for (const [index, page] of chunk(older, random).entries()) {
    await write(`arxiv-api-cs-${String(index).padStart(4, '0')}.xml`, 'arxiv-api', page, renderArxivApiAtom(page, 'cat:cs.*', start, older.length));
    start += page.length;
  }
  for (const [index, listing] of chunk(recent, random).entries()) {
    const name = `arxiv-rss-cs-${listing[0]!.published}-${String(index).padStart(4, '0')}.xml`;
    await write(name, 'arxiv-rss', listing, renderArxivRss(listing, 'cs'));
  }
  return files;
}
