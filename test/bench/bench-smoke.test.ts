import { beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from './report';
import { runBench } from './run-bench';

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

describe('npm run bench, in-process at a tiny size without the browser', () => {
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
    expect(at(json, 'memory.heapMB')).toBeNull();
    expect(at(json, 'triage')).toBeNull();
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
});
