import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInBrowser, type BrowserFigures } from './browser-run';
import { readCorpusSample, type CorpusRecord } from './corpus-reader';
import { writeFeedFiles, type FeedFile } from './feed-files';
import { buildFts5 } from './fts5-engine';
import { describeMachine } from './machine';
import { runQueries, runTyping } from './measure';
import { buildPaperIndex } from './paper-index-engine';
import { parseFeedFiles } from './parse-files';
import { mulberry32 } from './prng';
import { buildQuerySet } from './query-set';
import { DEFAULT_RELOAD_MOMENTS, measureReloadAnytime, momentName, type ReloadAnytimeFigures, type ReloadMoment } from './reload-anytime';
import { buildReport, type BenchReport, type ReportParts } from './report';
import { measureUndisturbedIngest, type UndisturbedIngest } from './undisturbed-ingest';

export interface BenchOptions {
  papers: number;
  seed: number;
  /** False skips web mode in Chromium: ingest, cold start, renderer heap and triage read null. */
  browser: boolean;
  ingestTimeoutMs: number;
  /** When to reload after a fresh import for "reload after import: paper found" (reload-anytime.ts); none skips it. */
  reloadMoments?: readonly ReloadMoment[];
  log: (line: string) => void;
}

/** A plain-text title of the last file, so the list shows it as typed (no math to typeset). */
function latePaperTitle(last: FeedFile, titles: ReadonlyMap<string, string>): string {
  const candidates = last.arxivIds.map((id) => titles.get(id)).filter((title) => title !== undefined);
  return candidates.findLast((candidate) => /^[\p{L}\p{N} ,.:;'?!-]+$/u.test(candidate)) ?? candidates.at(-1)!;
}

/** Everything measured in this process: parse, index, queries and typing on PaperIndex and FTS5. */
async function runInNode(options: BenchOptions, feedDir: string): Promise<Omit<ReportParts, 'browser' | 'undisturbedIngest' | 'fileCount' | 'reloadAnytime'> & { files: FeedFile[]; lateTitle: string; probeQuery: string }> {
  const { log } = options;
  const machine = describeMachine();
  const started = performance.now();
  const records: CorpusRecord[] = [];
  for await (const record of readCorpusSample(options.papers)) records.push(record);
  const files = await writeFeedFiles(records, feedDir, mulberry32(options.seed));
  log(`wrote ${files.length} feed files from ${records.length} corpus records in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const parse = await parseFeedFiles(files);
  log(`parsed ${parse.overall.papers} papers in ${parse.overall.seconds.toFixed(1)} s; ${parse.catalog.length} distinct`);
  const notes = parse.problems.slice(0, 10).map((problem) => `parse: ${problem}`);
  if (parse.problems.length > 10) notes.push(`parse: ${parse.problems.length - 10} more problems`);

  const querySet = buildQuerySet(parse.catalog, options.seed);
  const index = buildPaperIndex(parse.catalog);
  log(`PaperIndex built in ${index.figures.buildSeconds.toFixed(1)} s; running ${querySet.queries.length} queries and ${querySet.typedTitles.length} typed titles`);
  const query = runQueries(index.engine, querySet.queries);
  const typing = runTyping(index.engine, querySet.typedTitles);

  const fts5 = buildFts5(parse.catalog);
  log(`FTS5 built in ${fts5.figures.buildSeconds.toFixed(1)} s; running the same queries`);
  const fts5Figures = { figures: fts5.figures, query: runQueries(fts5.engine, querySet.queries), typing: runTyping(fts5.engine, querySet.typedTitles) };
  fts5.close();
  notes.push('FTS5 indexes no arXiv id column (title, authors, abstract, categories only), so its arxiv-id queries find nothing.');

  const titles = new Map(parse.catalog.flatMap((paper) => (paper.arxivId ? [[paper.arxivId, paper.title] as const] : [])));
  return {
    ...{ papers: options.papers, machine, parse, files, index: index.figures, query, typing },
    ...{ fts5: fts5Figures, notes, lateTitle: latePaperTitle(files.at(-1)!, titles), probeQuery: querySet.queries[0]?.text ?? 'learning' },
  };
}

/** Runs the whole benchmark in a temporary folder, which it removes. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const workDir = await mkdtemp(join(tmpdir(), 'paperdrop-bench-'));
  // Anything else running on the machine skews the figures: say how busy it was.
  const loadAtStart = loadavg()[0]!.toFixed(2);
  try {
    const feedDir = join(workDir, 'feeds');
    await mkdir(feedDir);
    const { files, lateTitle, probeQuery, ...parts } = await runInNode(options, feedDir);
    // The Node-side indexes are garbage now; free them before the browser needs the memory and cores.
    (globalThis as { gc?: () => void }).gc?.();
    let browser: BrowserFigures | null = null;
    let undisturbedIngest: UndisturbedIngest | null = null;
    if (options.browser) {
      const expectedPapers = parts.parse.catalog.length;
      undisturbedIngest = await measureUndisturbedIngest(join(workDir, 'undisturbed'), files, expectedPapers, options.ingestTimeoutMs);
      options.log(`ingest with no DevTools client attached: ${undisturbedIngest.countedSeconds?.toFixed(1) ?? 'timed out'} s until all counted`);
      browser = await runInBrowser({ files, expectedPapers, lateTitle, probeQuery, workDir, ingestTimeoutMs: options.ingestTimeoutMs, log: options.log });
    } else {
      parts.notes.push('--skip-browser: ingest, first results, first list row, renderer heap, triage and reload after import were not measured.');
    }
    let reloadAnytime: ReloadAnytimeFigures | null = null;
    const moments = options.reloadMoments ?? DEFAULT_RELOAD_MOMENTS;
    if (browser && moments.length > 0) {
      if (browser.countedSeconds === null) {
        parts.notes.push('reload after import: not measured, since the ingest timed out');
      } else {
        options.log(`reload after import: ${moments.map(momentName).join(', ')}; each numeric moment in an import of its own`);
        const { seed, ingestTimeoutMs, log } = options;
        reloadAnytime = await measureReloadAnytime({ files, catalog: parts.parse.catalog, seed, workDir, moments, ingestTimeoutMs, log });
      }
    } else if (browser) {
      parts.notes.push('--reload-moments none: reload after import was not measured.');
    }
    parts.notes.push(`1-minute load average ${loadAtStart} at the start, ${loadavg()[0]!.toFixed(2)} at the end`);
    return buildReport({ ...parts, fileCount: files.length, browser, undisturbedIngest, reloadAnytime });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
