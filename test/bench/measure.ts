import { keystrokes, type BenchQuery, type QueryKind } from './query-set';

/** A search engine under test, run in this process. */
export interface SearchEngine {
  /** A query as submitted: ids best first. */
  search(query: string): string[];
  /** A query still being typed, whose last word is a prefix. */
  searchTyped(query: string): string[];
}

export interface Latency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  count: number;
}

export interface QueryFigures extends Latency {
  successAt1: number;
  successAt10: number;
  /** Known-item queries whose words begin other titles too, so that no engine can be sure to rank the target first. */
  ambiguousKnownItems: number;
  /** success@1 over the known-item queries whose words begin no other title. */
  successAt1Unambiguous: number;
  byKind: Partial<Record<QueryKind, Latency & { meanResults: number }>>;
}

/** Nearest-rank percentile. */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

export function summarise(milliseconds: readonly number[]): Latency {
  const sorted = [...milliseconds].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), p99Ms: percentile(sorted, 0.99), count: sorted.length };
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const WARM_UP_PER_KIND = 3;

/** Runs every query once, after a few untimed ones of each kind to warm the engine up. */
export function runQueries(engine: SearchEngine, queries: readonly BenchQuery[]): QueryFigures {
  const kinds = [...new Set(queries.map((query) => query.kind))];
  for (const kind of kinds) queries.filter((query) => query.kind === kind).slice(0, WARM_UP_PER_KIND).forEach((query) => engine.search(query.text));
  const runs = queries.map((query) => ({ query, ...timed(() => engine.search(query.text)) }));
  const known = runs.filter((run) => run.query.target !== undefined);
  const unambiguous = known.filter((run) => run.query.rivals === 0);
  const rate = (hit: (run: (typeof runs)[number]) => boolean, among = known) => (among.length === 0 ? Number.NaN : among.filter(hit).length / among.length);
  const byKind: QueryFigures['byKind'] = {};
  for (const kind of kinds) {
    const ofKind = runs.filter((run) => run.query.kind === kind);
    byKind[kind] = { ...summarise(ofKind.map((run) => run.ms)), meanResults: ofKind.reduce((sum, run) => sum + run.value.length, 0) / ofKind.length };
  }
  return {
    ...summarise(runs.map((run) => run.ms)),
    successAt1: rate((run) => run.value[0] === run.query.target),
    successAt10: rate((run) => run.value.slice(0, 10).includes(run.query.target!)),
    ambiguousKnownItems: known.length - unambiguous.length,
    successAt1Unambiguous: rate((run) => run.value[0] === run.query.target, unambiguous),
    byKind,
  };
}

/** Types each title a character at a time, the first one untimed, and times every keystroke's query. */
export function runTyping(engine: SearchEngine, titles: readonly string[]): Latency {
  const [warmUp, ...rest] = titles;
  for (const prefix of keystrokes(warmUp ?? '')) engine.searchTyped(prefix);
  return summarise(rest.flatMap((title) => keystrokes(title).map((prefix) => timed(() => engine.searchTyped(prefix)).ms)));
}
