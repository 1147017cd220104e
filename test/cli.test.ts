import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CliDocument } from '../electron/cli/cli-output';
import { PaperdropDatabase } from '../renderer/db/database';
import { storeBatch } from '../renderer/db/library-writer';
import { parseFile } from './parse-file';
import { FEEDS_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';
import { allPapers } from './stored-papers';

const CLI = fileURLToPath(new URL('../dist/electron/cli.js', import.meta.url));
/** The feed copies in test/fixtures/feeds: seeds/, samples/ and real/, as in ../shared/feeds. */
const FEEDS = FEEDS_DIR.slice(0, -1);
const run = promisify(execFile);

async function paperdrop(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error('The CLI is not built: run `npm run build` first (`npm test` does).');
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: FEEDS, maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A mixed folder: arXiv RSS, API, page dumps, HF JSON, JSONL, a journal feed — many papers in several of them. */
const FILES = [
  'samples/arxiv-rss2-2024.xml',
  'samples/arxiv-api-atom-entry-affiliation-doi.xml',
  'samples/hf-daily-papers.json',
  'samples/hf-papers-page-export-with-urls.txt',
  'samples/elsevier-atypon-rss1-prism.xml',
  'seeds/000_0d76c9f6c8fe1248.txt',
  'seeds/003_8ae63c15b5b2dd6b.txt',
  'real/arxiv-rss-filter/feed@11c67e9_2025-06-04.xml',
  'real/arxiv-rss-filter/rss_cache@11c67e9_2025-06-04.json',
  'real/daily-arXiv-ai-enhanced/2025-03-18.jsonl',
];

describe('paperdrop parse', () => {
  it('prints one JSON document of merged papers with the fields researchers need', async () => {
    const { code, stdout } = await paperdrop(['parse', ...FILES]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as CliDocument;
    expect(document.errors).toEqual([]);
    const paper = document.papers.find((candidate) => candidate.arxivId === '2203.01250')!;
    expect(paper).toMatchObject({
      id: 'arxiv:2203.01250',
      title: 'Mass concentration in rescaled first order integral functionals',
      published: expect.any(String),
      categories: expect.arrayContaining(['math.OC']),
      links: { abs: 'https://arxiv.org/abs/2203.01250', pdf: 'https://arxiv.org/pdf/2203.01250' },
      sources: [expect.objectContaining({ file: 'samples/arxiv-rss2-2024.xml', format: 'arxiv-rss', announceType: 'replace-cross', version: 3 })],
    });
    expect(paper.authors.length).toBeGreaterThan(0);
    expect(paper.abstract).toMatch(/^We consider first order local minimization problems/u);
    for (const each of document.papers) {
      expect(Object.keys(each)).toEqual(expect.arrayContaining(['id', 'arxivId', 'doi', 'title', 'abstract', 'authors', 'published', 'categories', 'links', 'sources']));
    }
    const crossListed = document.papers.filter((candidate) => new Set(candidate.sources.map((source) => source.file)).size > 1);
    expect(crossListed.length).toBeGreaterThan(0);
  });

  it('agrees record for record with what the app stores', async () => {
    const { stdout } = await paperdrop(['parse', ...FILES]);
    const fromCli = (JSON.parse(stdout) as CliDocument).papers;
    const db = new PaperdropDatabase('cli-agreement');
    for (const file of [...FILES].reverse()) await storeBatch(db, parseFile(`${FEEDS}/${file}`, { name: file }));
    const fromApp = await allPapers(db);
    await db.delete();
    const comparable = (papers: { id: string; title: string; abstract: string; authors: string[] }[]) =>
      papers.map(({ id, title, abstract, authors }) => ({ id, title, abstract, authors })).sort((x, y) => x.id.localeCompare(y.id));
    expect(fromApp).toHaveLength(fromCli.length);
    expect(comparable(fromApp)).toEqual(comparable(fromCli));
    expect(fromApp.map((paper) => paper.listings.map((listing) => listing.file).sort())).toEqual(
      [...fromCli].sort((x, y) => x.id.localeCompare(y.id)).map((paper) => paper.sources.map((source) => source.file).sort()),
    );
  });

  it('names each bad file with its reason, and exits 0 while any file parsed', async () => {
    const dir = await makeTempDir('cli');
    await writeFile(`${dir}/paper.pdf`, Buffer.from('%PDF-1.7\n\u0000\u0001binary'));
    await writeFile(`${dir}/empty.xml`, '');
    const { code, stdout } = await paperdrop(['parse', 'samples/arxiv-rss2-2024.xml', `${dir}/paper.pdf`, `${dir}/empty.xml`, `${dir}/missing.xml`]);
    expect(code).toBe(0);
    const { papers, errors } = JSON.parse(stdout) as CliDocument;
    expect(papers).toHaveLength(1);
    expect(errors).toEqual([
      { file: `${dir}/paper.pdf`, message: 'not a recognised feed: the file is binary' },
      { file: `${dir}/empty.xml`, message: 'not a recognised feed: the file is empty' },
      { file: `${dir}/missing.xml`, message: expect.stringMatching(/^cannot read the file: ENOENT/u) },
    ]);
    expect((await paperdrop(['parse', `${dir}/paper.pdf`])).code).toBe(1);
    expect((await paperdrop(['frobnicate'])).code).toBe(2);
  });

  it('prints a readable table with --summary', async () => {
    const { code, stdout } = await paperdrop(['parse', '--summary', 'seeds/000_0d76c9f6c8fe1248.txt', 'seeds/003_8ae63c15b5b2dd6b.txt']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^file\s+format\s+papers\s+errors$/u);
    expect(lines[2]).toMatch(/^seeds\/000_0d76c9f6c8fe1248\.txt\s+hf-papers-text\s+60\s+-$/u);
    expect(lines[3]).toMatch(/^seeds\/003_8ae63c15b5b2dd6b\.txt\s+hf-papers-text\s+46\s+-$/u);
    expect(lines.at(-3)).toBe('89 distinct papers from 2 of 2 files');
    expect(lines.at(-2)).toBe('0 arXiv categories, 0 MSC and ACM classes');
    expect(lines.at(-1)).toMatch(/^listing dates: \d+ from the feed, \d+ from a file name, \d+ from the day of arrival$/u);
  });

  it('reads every file in a folder given, and says where each listing date comes from', async () => {
    const folders = ['real/daily-arXiv-ai-enhanced', 'real/hf-daily-paper-newsletter-chinese'];
    const { code, stdout } = await paperdrop(['parse', '--summary', ...folders]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const files = folders.flatMap((folder) => readdirSync(`${FEEDS}/${folder}`));
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(lines.filter((line) => line.startsWith('real/'))).toHaveLength(files.length);
    const batches = ['2025-03-18.jsonl', '2026-07-01.jsonl'].map((name) => parseFile(`${FEEDS}/real/daily-arXiv-ai-enhanced/${name}`));
    expect(batches.flatMap((batch) => batch.papers).every((paper) => paper.published === null)).toBe(true);
    const [, fromName] = /(\d+) from a file name/u.exec(lines.at(-1)!)!;
    expect(Number(fromName)).toBeGreaterThanOrEqual(batches.flatMap((batch) => batch.papers).length - 10);
    expect(lines.at(-1)).toMatch(/, 0 from the day of arrival$/u);
  });
});
