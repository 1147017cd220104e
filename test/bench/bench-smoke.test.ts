import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../shared/paper';
import { readCorpusSample, type CorpusRecord } from './corpus-reader';
import { writeFeedFiles, type FeedFile } from './feed-files';
import { growthTable } from './growth-table';
import { parseFeedFiles } from './parse-files';
import { mulberry32 } from './prng';
import { measureReloadAnytime, parseReloadMoments, RELOAD_TARGET_SECONDS, typableTitle, type ReloadAnytimeFigures } from './reload-anytime';
import { formatTable, RELOAD_ANYTIME_NAME, type BenchReport } from './report';
import { runBench } from './run-bench';
import { measureUndisturbedIngest } from './undisturbed-ingest';
import { missingShared } from '../shared-paths';

const PAPERS = 300;

/** Every figure issue 4 asks for, by path; those only Chromium can measure may be null here. */
const NUMBERS = [
  'papers',
  'machine.cores',
  'machine.memoryGB',
  'parse.papersPerSec',
  'parse.mbPerSec',
  'index.buildSeconds',
  'query.p50Ms',
  'query.p95Ms',
  'query.p99Ms',
  'query.successAt1',
  'query.successAt10',
  'typing.p95Ms',
  'fts5.p50Ms',
  'fts5.p95Ms',
  'fts5.successAt1',
  'fts5.typingP95Ms',
];
const NUMBERS_OR_NULL = ['ingest.seconds', 'index.loadSeconds', 'index.firstResultsSeconds', 'index.bytes', 'memory.heapMB'];
const STRINGS = ['machine.cpu', 'machine.node', 'machine.date'];

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);

/** The bench builds its feeds from the corpus in ../shared; a clone without it skips this file. */
const NO_CORPUS = missingShared('the bench builds its feeds from the corpus in ../shared/corpus');

describe.skipIf(NO_CORPUS)('npm run bench, in-process at a tiny size without the browser', () => {
  let report: BenchReport;
  beforeAll(async () => {
    report = await runBench({ papers: PAPERS, seed: 7, browser: false, ingestTimeoutMs: 0, log: () => {} });
  }, 120_000);

  it('writes every field of the report with sane types', () => {
    const json = JSON.parse(JSON.stringify(report)) as unknown;

    for (const path of NUMBERS) {
      const value = at(json, path);
      expect(typeof value, path).toBe('number');
      expect(Number.isFinite(value) && (value as number) >= 0, `${path} = ${String(value)}`).toBe(true);
    }
    for (const path of NUMBERS_OR_NULL) {
      const value = at(json, path);
      expect(value === null || (typeof value === 'number' && value >= 0), `${path} = ${String(value)}`).toBe(true);
    }
    for (const path of STRINGS) expect(typeof at(json, path), path).toBe('string');
    for (const path of ['query.successAt1', 'query.successAt10', 'fts5.successAt1']) expect(at(json, path) as number).toBeLessThanOrEqual(1);
    expect(at(json, 'ingest.seconds')).toBeNull();
    expect(at(json, 'ingest.undisturbed')).toBeNull();
    expect(at(json, 'memory.heapMB')).toBeNull();
    expect(at(json, 'triage')).toBeNull();
    // Present, and null: reloading after an import needs the browser.
    expect(json).toHaveProperty('reloadAnytime', null);
    expect(formatTable(report)).toMatch(new RegExp(`^${RELOAD_ANYTIME_NAME}\\s+not measured`, 'mu'));
  });

  it('gives values that can be true of this run: ordered percentiles, rates and times within reach, search that finds', () => {
    const { parse, index, query, typing, fts5, machine } = report;
    expect(machine.cores).toBeGreaterThanOrEqual(1);
    expect(parse.papersPerSec).toBeGreaterThan(50);
    expect(parse.papersPerSec).toBeLessThan(10_000_000);
    expect(index.buildSeconds).toBeGreaterThan(0);
    expect(index.buildSeconds).toBeLessThan(60);
    for (const [name, figures] of [['query', query], ['fts5', fts5.query]] as const) {
      expect(figures.p50Ms, name).toBeLessThanOrEqual(figures.p95Ms);
      expect(figures.p95Ms, name).toBeLessThanOrEqual(figures.p99Ms);
      expect(figures.p99Ms, name).toBeLessThan(5000);
    }
    expect(typing.p50Ms).toBeLessThanOrEqual(typing.p95Ms);
    // 300 papers: a typed title should find its paper nearly always, and at least as often in the top ten.
    expect(query.successAt1).toBeGreaterThan(0.8);
    expect(query.successAt10).toBeGreaterThanOrEqual(query.successAt1);
  });

  it('feeds the app every sampled paper, in both arXiv formats, without a parse problem', () => {
    expect(report.papers).toBe(PAPERS);
    expect(report.ingest.expectedPapers).toBe(PAPERS);
    expect(Object.keys(report.parse.byFormat).sort()).toEqual(['arxiv-api', 'arxiv-rss']);
    expect(report.notes.filter((note) => note.startsWith('parse:'))).toEqual([]);
    expect(report.query.count).toBeGreaterThan(100);
  });

  it('prints several reports as one growth table, a row per run and a line of targets', () => {
    const table = growthTable([{ ...report, papers: 2 * PAPERS }, report]).split('\n');
    expect(table[0]).toMatch(/^\| papers \| ingest s \|.*reload after import: paper found, worst s \|.*FTS5 success@1/u);
    expect(table[2]).toMatch(new RegExp(`^\\| ${PAPERS} \\| — \\|`, 'u'));
    expect(table[3]).toMatch(new RegExp(`^\\| ${2 * PAPERS} \\|`, 'u'));
    expect(table[4]).toMatch(/^\| target \| ≤ 60 \|.*\| ≤ 3 \|/u);
  });
});

/**
 * The one figure of the bench tried here in Chromium: "reload after import: paper found". Two
 * imports of a few hundred papers, reloaded right after the import is counted and 2 s after, and
 * again once the app has gone idle; each reload timed until a random paper typed by its title shows.
 */
describe.skipIf(NO_CORPUS)('reload after import, in Chromium at a tiny size', () => {
  const RELOAD_PAPERS = 300;
  let workDir: string;
  let catalog: Paper[];
  let files: FeedFile[];
  let figures: ReloadAnytimeFigures;
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'paperdrop-reload-'));
    const records: CorpusRecord[] = [];
    for await (const record of readCorpusSample(RELOAD_PAPERS)) records.push(record);
    await mkdir(join(workDir, 'feeds'));
    files = await writeFeedFiles(records, join(workDir, 'feeds'), mulberry32(7));
    catalog = (await parseFeedFiles(files)).catalog;
    const moments = parseReloadMoments('0,2,settled');
    figures = await measureReloadAnytime({ files, catalog, seed: 7, workDir, moments, ingestTimeoutMs: 120_000, findTimeoutMs: 60_000, log: () => {} });
  }, 300_000);
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('finds every randomly chosen paper after each reload, and reports the worst', () => {
    expect(figures.notes.filter((note) => !note.includes('page error'))).toEqual([]);
    expect(figures.moments.map((sample) => sample.moment)).toEqual(['right after', '+2 s', 'settled']);
    expect(figures.missed).toBe(0);
    expect(figures.targetSeconds).toBe(RELOAD_TARGET_SECONDS);
    expect(figures.ingested).toBe(catalog.length);
    expect(figures.candidates).toBeGreaterThan(RELOAD_PAPERS / 2);
    const titles = new Set(catalog.map((paper) => paper.title));
    for (const sample of figures.moments) {
      expect(titles.has(sample.title), sample.title).toBe(true);
      expect(typableTitle(sample.title), sample.title).toBe(true);
      // A reload, a typed title and a search of 300 papers: more than nothing, well under the minute allowed.
      expect(sample.foundSeconds, sample.moment).toBeGreaterThan(0.01);
      expect(sample.foundSeconds, sample.moment).toBeLessThan(30);
      expect(sample.summaryWhenFound, sample.moment).toMatch(/match/u);
      expect(sample.importCountedSeconds).toBeGreaterThan(0);
      expect(sample.importCountedSeconds).toBeLessThan(120);
    }
    const [rightAfter, later, settled] = figures.moments as [ReloadAnytimeFigures['moments'][number], ReloadAnytimeFigures['moments'][number], ReloadAnytimeFigures['moments'][number]];
    // On time: at its moment after the count (timers may fire a millisecond or two early), not much later.
    expect(rightAfter.reloadedAtSeconds).toBeLessThan(1);
    expect(later.reloadedAtSeconds).toBeGreaterThanOrEqual(1.95);
    expect(later.reloadedAtSeconds).toBeLessThan(3);
    // "settled" reloads the second import once it has gone idle after its own reload.
    expect(settled.afterCountedSeconds).toBeNull();
    expect(settled.settledSeconds).toBeGreaterThan(0);
    expect(settled.reloadedAtSeconds).toBeGreaterThan(later.reloadedAtSeconds + settled.settledSeconds!);
    expect(figures.worstSeconds).toBe(Math.max(...figures.moments.map((sample) => sample.foundSeconds!)));
  });

  it('puts the worst and each moment in the printed table', async () => {
    const { notes: _notes, ...reloadAnytime } = figures;
    const report = await runBench({ papers: 50, seed: 7, browser: false, ingestTimeoutMs: 0, log: () => {} });
    const table = formatTable({ ...report, reloadAnytime });
    expect(table).toMatch(new RegExp(`^${RELOAD_ANYTIME_NAME}\\s+${figures.worstSeconds!.toFixed(2)} s \\(target ≤ 3 s\\)`, 'mu'));
    for (const moment of ['right after', '\\+2 s', 'settled']) expect(table).toMatch(new RegExp(`^  ${moment}\\s+\\d+\\.\\d\\d s`, 'mu'));
  });
});

/** The ingest figure, measured in a Chromium no DevTools client drives, at a tiny size. */
describe.skipIf(NO_CORPUS)('the undisturbed ingest, in Chromium at a tiny size', () => {
  it('counts every paper of the copied files, and the browser and server did the work', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'paperdrop-undisturbed-'));
    try {
      const records: CorpusRecord[] = [];
      for await (const record of readCorpusSample(PAPERS)) records.push(record);
      await mkdir(join(workDir, 'feeds'));
      const files = await writeFeedFiles(records, join(workDir, 'feeds'), mulberry32(11));
      const figures = await measureUndisturbedIngest(join(workDir, 'app'), files, PAPERS, 120_000);
      expect(figures.countedSeconds).toBeGreaterThan(0);
      expect(figures.countedSeconds).toBeLessThan(120);
      const spent = (prefix: string) => Object.entries(figures.cpuSeconds).filter(([key]) => key.startsWith(prefix)).reduce((sum, [, seconds]) => sum + seconds, 0);
      expect(spent('chromium/renderer/')).toBeGreaterThan(0);
      expect(spent('web/')).toBeGreaterThan(0);
      expect(figures.cpuSeconds['machine/all/busy']).toBeGreaterThanOrEqual(spent('chromium/renderer/'));
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 180_000);
});
