import type { BrowserFigures } from './browser-run';
import type { RendererHeap } from './cdp-heap';
import type { ColdStartTimes } from './cold-start';
import type { Fts5Figures } from './fts5-engine';
import type { Machine } from './machine';
import type { Latency, QueryFigures } from './measure';
import type { IndexFigures } from './paper-index-engine';
import type { ParseOutcome } from './parse-files';
import type { ReloadAnytimeFigures } from './reload-anytime';
import type { TriageFigures } from './triage';
import type { TriagePhase } from './triage-figures';
import type { UndisturbedIngest } from './undisturbed-ingest';

/** The JSON `npm run bench -- --json FILE` writes: the fields issue 4 names, plus detail for finding where time goes. */
export interface BenchReport {
  papers: number;
  machine: Machine;
  parse: { papersPerSec: number; mbPerSec: number } & Pick<ParseOutcome, 'overall' | 'byFormat'>;
  ingest: { seconds: number | null } & Partial<Pick<BrowserFigures, 'countedSeconds' | 'timeline' | 'ingestCpuSeconds' | 'settledSeconds'>> & {
    files: number;
    expectedPapers: number;
    /** The same files in a fresh library, in a Chromium no DevTools client drives; null without the browser. */
    undisturbed: UndisturbedIngest | null;
  };
  /** `firstResultsSeconds`: a start's first results, until the frame that draws them (the median of the cold start's; see results-drawn.ts). */
  index: { buildSeconds: number; loadSeconds: number | null; firstResultsSeconds: number | null; bytes: number | null } & Pick<
    IndexFigures,
    'serializeSeconds' | 'nodeHeapMB' | 'firstPartLoadSeconds' | 'parts'
  > & { coldStart: ColdStartTimes | null; coldStartCpuSeconds: Record<string, number> | null };
  query: QueryFigures;
  typing: Latency;
  memory: {
    /** Page plus worker JS heap in Chromium, after a full GC: the larger of after-ingest and after-cold-start; null without the browser. */
    heapMB: number | null;
    measured: string;
    afterIngest: RendererHeap | null;
    afterColdStart: RendererHeap | null;
  };
  fts5: { p50Ms: number; p95Ms: number; successAt1: number; typingP95Ms: number } & Fts5Figures & {
    query: QueryFigures;
    typing: Latency;
  };
  /** From a j or s keypress to the reader or the list showing the change; null without the browser. Its notes are among the report's. */
  triage: Omit<TriageFigures, 'notes'> | null;
  /**
   * "Reload at any moment after an import: any paper found": reloads at moments after fresh imports, each timed
   * until a random paper typed by its title shows; `worstSeconds` is the figure. Null without the browser. Its notes are among the report's.
   */
  reloadAnytime: Omit<ReloadAnytimeFigures, 'notes'> | null;
  notes: string[];
}

export interface ReportParts {
  papers: number;
  machine: Machine;
  parse: ParseOutcome;
  fileCount: number;
  index: IndexFigures;
  query: QueryFigures;
  typing: Latency;
  fts5: { figures: Fts5Figures; query: QueryFigures; typing: Latency };
  browser: BrowserFigures | null;
  undisturbedIngest: UndisturbedIngest | null;
  reloadAnytime: ReloadAnytimeFigures | null;
  notes: string[];
}

const withoutNotes = <Figures extends { notes: string[] }>({ notes: _notes, ...figures }: Figures): Omit<Figures, 'notes'> => figures;

const total = (heap: RendererHeap) => heap.pageMB + heap.workersMB.reduce((sum, mb) => sum + mb, 0);

export function buildReport(parts: ReportParts): BenchReport {
  const { browser, parse, index, fts5 } = parts;
  const heapAfterColdStart = browser?.coldStart.heap ?? null;
  const heaps = [browser?.heapAfterIngest ?? null, heapAfterColdStart].filter((heap) => heap !== null).map(total);
  const triageNotes = browser?.triage?.notes ?? [];
  return {
    papers: parts.papers,
    machine: parts.machine,
    parse: { papersPerSec: parse.overall.papersPerSec, mbPerSec: parse.overall.mbPerSec, overall: parse.overall, byFormat: parse.byFormat },
    ingest: browser
      ? {
          seconds: browser.ingestSeconds,
          countedSeconds: browser.countedSeconds,
          files: parts.fileCount,
          expectedPapers: parse.catalog.length,
          timeline: browser.timeline,
          ingestCpuSeconds: browser.ingestCpuSeconds,
          settledSeconds: browser.settledSeconds,
          undisturbed: parts.undisturbedIngest,
        }
      : { seconds: null, files: parts.fileCount, expectedPapers: parse.catalog.length, undisturbed: parts.undisturbedIngest },
    index: {
      buildSeconds: index.buildSeconds,
      loadSeconds: index.loadSeconds,
      firstResultsSeconds: browser?.coldStart.times.firstResultsDrawnSeconds ?? null,
      bytes: index.bytes,
      serializeSeconds: index.serializeSeconds,
      firstPartLoadSeconds: index.firstPartLoadSeconds,
      parts: index.parts,
      nodeHeapMB: index.nodeHeapMB,
      coldStart: browser?.coldStart.times ?? null,
      coldStartCpuSeconds: browser?.coldStartCpuSeconds ?? null,
    },
    query: parts.query,
    typing: parts.typing,
    memory: {
      heapMB: heaps.length > 0 ? Math.max(...heaps) : null,
      measured:
        'Chromium, web mode: Runtime.getHeapUsage after HeapProfiler.collectGarbage on the page and on each dedicated worker (the search worker), summed; after ingest, and after a cold start once the index is ready',
      afterIngest: browser?.heapAfterIngest ?? null,
      afterColdStart: heapAfterColdStart,
    },
    fts5: {
      p50Ms: fts5.query.p50Ms,
      p95Ms: fts5.query.p95Ms,
      successAt1: fts5.query.successAt1,
      typingP95Ms: fts5.typing.p95Ms,
      ...fts5.figures,
      query: fts5.query,
      typing: fts5.typing,
    },
    triage: browser?.triage ? withoutNotes(browser.triage) : null,
    reloadAnytime: parts.reloadAnytime ? withoutNotes(parts.reloadAnytime) : null,
    notes: [
      ...parts.notes,
      ...index.notes,
      ...(browser?.notes ?? []),
      ...triageNotes,
      ...(parts.reloadAnytime?.notes ?? []),
      ...(browser?.pageErrors.slice(0, 10).map((error) => `page error: ${error}`) ?? []),
    ],
  };
}

const fixed = (value: number | null, digits = 1) => (value === null || Number.isNaN(value) ? '—' : value.toFixed(digits));

/** A triage phase as a table row: the target's figure first, then by key. */
function triageRow(name: string, phase: TriagePhase | null, detail: string): [string, string, string] {
  if (!phase) return ['', `${name}: not measured`, detail];
  const { j, s, overall } = phase;
  const missed = j.missed + s.missed;
  return [
    '',
    `${name}: p95 ${fixed(overall.firstShown.p95Ms)} ms (j ${fixed(j.firstShown.p95Ms)}, s ${fixed(s.firstShown.p95Ms)})`,
    `both shown p95 ${fixed(overall.bothShown.p95Ms)} ms, max ${fixed(overall.bothShown.maxMs)} ms${missed > 0 ? `, ${missed} of ${phase.presses} never shown` : ''}; ${detail}`,
  ];
}

export const RELOAD_ANYTIME_NAME = 'reload after import: paper found, worst';

/** The worst of the reloads after an import, as the table and the growth table show it. */
export function reloadWorst(reload: BenchReport['reloadAnytime'] | undefined): string {
  if (!reload) return '—';
  if (reload.missed > 0) return `> ${fixed(reload.timeoutSeconds, 0)} s (${reload.missed} of ${reload.moments.length} not found)`;
  return `${fixed(reload.worstSeconds, 2)} s`;
}

/** The reloads after an import as table rows: the worst first, then each moment. */
function reloadRows(reload: BenchReport['reloadAnytime']): [string, string, string][] {
  if (!reload) return [[RELOAD_ANYTIME_NAME, 'not measured', 'needs the browser and --reload-moments']];
  return [
    [RELOAD_ANYTIME_NAME, `${reloadWorst(reload)} (target ≤ ${reload.targetSeconds} s)`, `a random paper of ${reload.candidates} (of ${reload.ingested}) typed by title after each reload`],
    ...reload.moments.map((sample): [string, string, string] => [
      `  ${sample.moment}`,
      `${sample.foundSeconds === null ? 'not found' : `${fixed(sample.foundSeconds, 2)} s`}`,
      `reloaded ${fixed(sample.reloadedAtSeconds)} s after the import was counted (in ${fixed(sample.importCountedSeconds)} s)` +
        `${sample.settledSeconds === undefined ? '' : ` (idle after ${fixed(sample.settledSeconds)} s)`}; ${sample.summaryWhenFound ?? ''}`,
    ]),
  ];
}

/** The report as a table for the terminal. */
export function formatTable(report: BenchReport): string {
  const { parse, ingest, index, query, typing, memory, fts5 } = report;
  const rows: [string, string, string][] = [
    ['papers', String(report.papers), `${ingest.files} files, ${ingest.expectedPapers} distinct papers`],
    ['machine', `${report.machine.cpu}, ${report.machine.cores} cores`, `${report.machine.memoryGB} GB, Node ${report.machine.node}`],
    ['parse', `${fixed(parse.papersPerSec, 0)} papers/s`, `${fixed(parse.mbPerSec, 2)} MB/s`],
    ...Object.entries(parse.byFormat).map(([format, figures]): [string, string, string] => [`  ${format}`, `${fixed(figures.papersPerSec, 0)} papers/s`, `${fixed(figures.mbPerSec, 2)} MB/s`]),
    ['ingest (Chromium)', `${fixed(ingest.seconds)} s`, `all counted at ${fixed(ingest.countedSeconds ?? null)} s, idle ${fixed(ingest.settledSeconds ?? null)} s later`],
    ...(ingest.undisturbed
      ? [['  no DevTools attached', `${fixed(ingest.undisturbed.countedSeconds)} s`, 'files copied until all counted, a fresh library, polled over a bare DevTools socket'] satisfies [string, string, string]]
      : []),
    ...(ingest.timeline
      ? [
          [
            '  during ingest',
            `longest task ${Math.max(0, ...ingest.timeline.map((sample) => sample.longestTaskMs))} ms, answered within ${Math.max(0, ...ingest.timeline.map((sample) => sample.slowestPageResponseMs))} ms`,
            `search probes: ${
              ingest.timeline
                .flatMap((sample) => (sample.searchMs === undefined ? [] : [sample.searchMs === null ? '>30000 ms' : `${sample.searchMs} ms`]))
                .join(', ') || 'none (the ingest took under 30 s)'
            }`,
          ] satisfies [string, string, string],
        ]
      : []),
    ['index build (Node)', `${fixed(index.buildSeconds, 2)} s`, `heap ${fixed(index.nodeHeapMB, 0)} MB`],
    ['index save (Node)', `${fixed(index.serializeSeconds, 2)} s`, `${index.bytes === null ? '—' : fixed(index.bytes / 1e6)} MB in ${index.parts} segments`],
    ['index load (Node)', `${fixed(index.loadSeconds, 2)} s`, `terms and newest segment ${fixed(index.firstPartLoadSeconds, 2)} s`],
    ['cold start', `first results drawn ${fixed(index.firstResultsSeconds, 2)} s`, `first list row ${fixed(index.coldStart?.firstListSeconds ?? null, 2)} s`],
    ['', `  median of ${index.coldStart?.searchStarts.length ?? 0} starts`, spreadOf(index.coldStart?.searchStarts.map((start) => start.firstResultsDrawnSeconds) ?? [])],
    ['', `first results seen by Playwright ${fixed(index.coldStart?.firstResultsSeconds ?? null, 2)} s`, spreadOf(index.coldStart?.searchStarts.map((start) => start.firstResultsSeconds) ?? [])],
    ['', `first answer ${fixed(index.coldStart?.firstAnswerSeconds ?? null, 2)} s`, index.coldStart?.firstAnswerSummary ?? ''],
    ['', `paper found ${fixed(index.coldStart?.foundSeconds ?? null, 2)} s`, `index ready ${fixed(index.coldStart?.indexReadySeconds ?? null, 2)} s`],
    ...(index.coldStart?.phraseSearches ?? []).map((search, at): [string, string, string] => [at === 0 ? 'phrase search (Chromium)' : '', `${fixed(search.seconds, 2)} s`, `${search.query}: ${search.summary ?? 'no answer'}`]),
    ...reloadRows(report.reloadAnytime ?? null),
    ['query (MiniSearch)', `p50 ${fixed(query.p50Ms)} / p95 ${fixed(query.p95Ms)} / p99 ${fixed(query.p99Ms)} ms`, `success@1 ${fixed(query.successAt1, 3)}, @10 ${fixed(query.successAt10, 3)}`],
    ['  known items', `${query.ambiguousKnownItems} of ${query.byKind['known-item']?.count ?? 0} begin other titles too`, `success@1 on the rest ${fixed(query.successAt1Unambiguous, 3)}`],
    ...Object.entries(query.byKind).map(([kind, figures]): [string, string, string] => [`  ${kind}`, `p50 ${fixed(figures.p50Ms)} / p95 ${fixed(figures.p95Ms)} ms`, `${fixed(figures.meanResults, 0)} results on average`]),
    ['typing (MiniSearch)', `p95 ${fixed(typing.p95Ms)} ms`, `p50 ${fixed(typing.p50Ms)} ms over ${typing.count} keystrokes`],
    ['query (FTS5)', `p50 ${fixed(fts5.p50Ms)} / p95 ${fixed(fts5.p95Ms)} ms`, `success@1 ${fixed(fts5.successAt1, 3)}, @10 ${fixed(fts5.query.successAt10, 3)}`],
    ['  known items', '', `success@1 on the unambiguous ${fixed(fts5.query.successAt1Unambiguous, 3)}`],
    ...Object.entries(fts5.query.byKind).map(([kind, figures]): [string, string, string] => [`  ${kind}`, `p50 ${fixed(figures.p50Ms)} / p95 ${fixed(figures.p95Ms)} ms`, `${fixed(figures.meanResults, 0)} results on average`]),
    ['typing (FTS5)', `p95 ${fixed(fts5.typingP95Ms)} ms`, `build ${fixed(fts5.buildSeconds)} s, ${fixed(fts5.bytes / 1e6)} MB`],
    ...(report.triage
      ? [
          ['triage (Chromium)', `keypress to reader or list, target p95 ≤ ${report.triage.targetP95Ms} ms`, `${report.triage.papersInView ?? '—'} papers in view`] satisfies [string, string, string],
          triageRow('fresh', report.triage.fresh, 'as ingested'),
          triageRow('mostly read', report.triage.mostlyRead, `after Shift+A (shown ${fixed(report.triage.markAllReadSeconds)} s, stored ${fixed(report.triage.markAllReadStoredSeconds)} s)`),
        ]
      : []),
    ['renderer heap', `${fixed(memory.heapMB, 0)} MB`, memory.afterIngest ? `page ${fixed(memory.afterIngest.pageMB, 0)} MB + workers ${memory.afterIngest.workersMB.map((mb) => fixed(mb, 0)).join(', ')} MB` : ''],
  ];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map(([name, value, detail]) => `${name.padEnd(widths[0]!)}  ${value.padEnd(widths[1]!)}  ${detail}`);
  if (ingest.ingestCpuSeconds) lines.push('', 'CPU seconds during ingest:', ...Object.entries(ingest.ingestCpuSeconds).slice(0, 12).map(([key, seconds]) => `  ${key}: ${seconds}`));
  if (report.notes.length > 0) lines.push('', 'Notes:', ...report.notes.map((note) => `  - ${note}`));
  return lines.join('\n');
}

/** The figures in order, as "0.81 0.85 0.93 s". */
function spreadOf(figures: readonly (number | null)[]): string {
  if (figures.length === 0) return '';
  return `${figures
    .filter((figure) => figure !== null)
    .toSorted((a, b) => a - b)
    .map((figure) => fixed(figure, 2))
    .join(' ')} s`;
}
