/**
 * How the figures grow with the library: several `npm run bench -- --json FILE` reports as one
 * markdown table, a row per run, for the README. Either
 *   npm run bench -- --growth-table 20k.json 100k.json all.json
 * or, without building anything (Node 24 runs the TypeScript as it is):
 *   node test/bench/growth-table.ts 20k.json 100k.json all.json
 * Reports from before a figure existed show "—" for it.
 */
import { readFile } from 'node:fs/promises';
import type { RendererHeap } from './cdp-heap';
import type { BenchReport } from './report';

const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
const total = (heap: RendererHeap) => heap.pageMB + heap.workersMB.reduce((sum, mb) => sum + mb, 0);

/** The renderer heap as "325 (19 + 306)": the larger of the two measurements, page + workers. */
function heapCell(report: BenchReport): string {
  const { memory } = report;
  if (memory.heapMB === null) return '—';
  const heap = [memory.afterIngest, memory.afterColdStart].find((each) => each !== null && Math.abs(total(each) - memory.heapMB!) < 1e-6);
  const parts = heap ? ` (${[heap.pageMB, ...heap.workersMB].map((mb) => fixed(mb, 0)).join(' + ')})` : '';
  return `${fixed(memory.heapMB, 0)}${parts}`;
}

function reloadCell(report: BenchReport): string {
  const reload = report.reloadAnytime;
  if (!reload) return '—';
  if (reload.missed > 0) return `> ${fixed(reload.timeoutSeconds, 0)} (${reload.missed} not found)`;
  return fixed(reload.worstSeconds, 2);
}

const COLUMNS: [string, (report: BenchReport) => string, string][] = [
  ['papers', (report) => report.papers.toLocaleString('en-US'), ''],
  // Counted with no DevTools client attached (undisturbed-ingest.ts); then as Playwright's run saw it, until the last paper was found.
  ['ingest s', (report) => fixed(report.ingest.undisturbed?.countedSeconds), '≤ 60'],
  ['ingest, Playwright attached s', (report) => fixed(report.ingest.seconds), ''],
  ['heap MB (page + worker)', heapCell, '≤ 150'],
  ['cold start: first results drawn s', (report) => fixed(report.index.firstResultsSeconds, 2), '≤ 0.8'],
  ['full index s', (report) => fixed(report.index.coldStart?.indexReadySeconds, 2), '≤ 3'],
  ['reload after import: paper found, worst s', reloadCell, '≤ 3'],
  ['query p95 ms', (report) => fixed(report.query.p95Ms), '≤ 16, ≤ FTS5'],
  ['typing p95 ms', (report) => fixed(report.typing.p95Ms), '≤ 16, ≤ FTS5'],
  ['success@1', (report) => fixed(report.query.successAt1, 3), '≥ 0.95, ≥ FTS5'],
  ['FTS5 query p95 ms', (report) => fixed(report.fts5.p95Ms), ''],
  ['FTS5 typing p95 ms', (report) => fixed(report.fts5.typingP95Ms), ''],
  ['FTS5 success@1', (report) => fixed(report.fts5.successAt1, 3), ''],
  ['FTS5 build s / MB', (report) => `${fixed(report.fts5.buildSeconds)} / ${fixed(report.fts5.bytes / 1e6, 0)}`, ''],
];

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** The reports, smallest library first, as a markdown table with a line of targets, then each reload moment and the runs' machines. */
export function growthTable(reports: readonly BenchReport[]): string {
  const sorted = [...reports].sort((a, b) => a.papers - b.papers);
  const lines = [
    row(COLUMNS.map(([name]) => name)),
    row(COLUMNS.map(() => '---')),
    ...sorted.map((report) => row(COLUMNS.map(([, cell]) => cell(report)))),
    row(COLUMNS.map(([, , target], column) => (column === 0 ? 'target' : target))),
  ];
  const withReloads = sorted.filter((report) => report.reloadAnytime && report.reloadAnytime.moments.length > 0);
  if (withReloads.length > 0) {
    const moments = [...new Set(withReloads.flatMap((report) => report.reloadAnytime!.moments.map((sample) => sample.moment)))];
    lines.push(
      '',
      'Reload after an import, by moment (s from the reload until a random paper typed by its title shows):',
      '',
      row(['papers', ...moments]),
      row(['---', ...moments.map(() => '---')]),
      ...withReloads.map((report) =>
        row([
          report.papers.toLocaleString('en-US'),
          ...moments.map((moment) => {
            const sample = report.reloadAnytime!.moments.find((each) => each.moment === moment);
            return sample === undefined ? '—' : sample.foundSeconds === null ? 'not found' : fixed(sample.foundSeconds, 2);
          }),
        ]),
      ),
    );
  }
  lines.push('', ...sorted.map((report) => `- ${report.papers.toLocaleString('en-US')} papers: ${report.machine.date}, ${report.machine.cpu} (${report.machine.cores} cores), Node ${report.machine.node}`));
  return lines.join('\n');
}

/** Reads the JSON reports the paths name and prints their growth table. */
export async function printGrowthTable(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) throw new Error('--growth-table wants the JSON reports of several runs: --growth-table a.json b.json …');
  const reports = await Promise.all(paths.map(async (path) => JSON.parse(await readFile(path, 'utf8')) as BenchReport));
  console.log(growthTable(reports));
}

if (/growth-table\.[jt]s$/u.test(process.argv[1] ?? '')) await printGrowthTable(process.argv.slice(2));
