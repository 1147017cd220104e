import { summarise } from './measure';
import type { KeySample } from './triage-probe';

/** The product issue's target: from a keypress to the reader or the list showing the change. */
export const TRIAGE_TARGET_P95_MS = 50;

export interface Spread {
  /** Presses measured; the percentiles are null when none was. */
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

export interface KeyFigures {
  presses: number;
  /** Presses whose change the reader or the list never showed within the timeout. */
  missed: number;
  /** Keydown → the frame after the first of reader and list showed the change. */
  firstShown: Spread;
  /** Keydown → the frame after both showed it. */
  bothShown: Spread;
  /** Which showed it first, by press; "sameFrame" when both did by the same frame. */
  firstBy: { reader: number; list: number; sameFrame: number };
}

export interface SlowPress {
  /** Its place in the phase's sequence, from 0. */
  at: number;
  key: string;
  readerMs: number | null;
  listMs: number | null;
  inputDelayMs: number;
}

export interface TriagePhase {
  presses: number;
  j: KeyFigures;
  s: KeyFigures;
  /** Over every j and s press. */
  overall: { firstShown: Spread; bothShown: Spread };
  /** The longest wait of a key for the page's main thread. */
  maxInputDelayMs: number;
  /** The page's longest main-thread task during the phase (0 when none was over 50 ms). */
  longestTaskMs: number;
  slowest: SlowPress[];
  /** Why some presses could not be measured, with how many. */
  problems: Record<string, number>;
}

const spread = (milliseconds: readonly number[]): Spread => {
  if (milliseconds.length === 0) return { count: 0, p50Ms: null, p95Ms: null, maxMs: null };
  const { p50Ms, p95Ms, count } = summarise(milliseconds);
  return { count, p50Ms, p95Ms, maxMs: Math.max(...milliseconds) };
};

const shownTimes = (samples: readonly KeySample[]) => {
  const sides = samples.map((sample) => [sample.readerMs, sample.listMs].filter((ms) => ms !== null));
  return {
    first: sides.filter((ms) => ms.length > 0).map((ms) => Math.min(...ms)),
    both: sides.filter((ms) => ms.length === 2).map((ms) => Math.max(...ms)),
  };
};

function keyFigures(samples: readonly KeySample[]): KeyFigures {
  const { first, both } = shownTimes(samples);
  const firstBy = { reader: 0, list: 0, sameFrame: 0 };
  for (const { readerMs, listMs } of samples) {
    if (readerMs === listMs) firstBy.sameFrame += readerMs === null ? 0 : 1;
    else if (listMs === null || (readerMs !== null && readerMs < listMs)) firstBy.reader += 1;
    else firstBy.list += 1;
  }
  return { presses: samples.length, missed: samples.length - first.length, firstShown: spread(first), bothShown: spread(both), firstBy };
}

const slowness = (sample: Pick<KeySample, 'readerMs' | 'listMs'>) => Math.max(sample.readerMs ?? Infinity, sample.listMs ?? Infinity);

export function summarisePhase(samples: readonly KeySample[], longestTaskMs: number): TriagePhase {
  const { first, both } = shownTimes(samples);
  const problems: Record<string, number> = {};
  for (const { problem } of samples) if (problem !== null) problems[problem] = (problems[problem] ?? 0) + 1;
  return {
    presses: samples.length,
    j: keyFigures(samples.filter((sample) => sample.key === 'j')),
    s: keyFigures(samples.filter((sample) => sample.key === 's')),
    overall: { firstShown: spread(first), bothShown: spread(both) },
    maxInputDelayMs: Math.max(0, ...samples.map((sample) => sample.inputDelayMs)),
    longestTaskMs,
    slowest: samples
      .map(({ key, readerMs, listMs, inputDelayMs }, at) => ({ at, key, readerMs, listMs, inputDelayMs }))
      .sort((a, b) => slowness(b) - slowness(a))
      .slice(0, 5),
    problems,
  };
}

/** A note for each key over the target or with presses that never showed, naming the phase. */
export function phaseNotes(phase: TriagePhase, name: string, timeoutMs: number): string[] {
  const notes: string[] = [];
  for (const key of ['j', 's'] as const) {
    const { firstShown, bothShown, missed, presses } = phase[key];
    if (firstShown.p95Ms !== null && firstShown.p95Ms > TRIAGE_TARGET_P95_MS) {
      notes.push(
        `triage, ${name}: "${key}" p95 ${firstShown.p95Ms} ms from the keypress to the reader or list showing it, over the ${TRIAGE_TARGET_P95_MS} ms target (both shown: p95 ${bothShown.p95Ms ?? '—'} ms)`,
      );
    }
    if (missed > 0) notes.push(`triage, ${name}: ${missed} of ${presses} "${key}" presses showed no change in the reader or the list within ${timeoutMs / 1000} s`);
    const halfShown = firstShown.count - bothShown.count;
    if (halfShown > 0) notes.push(`triage, ${name}: ${halfShown} of ${presses} "${key}" presses showed in only one of the reader and the list within ${timeoutMs / 1000} s`);
  }
  for (const [problem, count] of Object.entries(phase.problems)) notes.push(`triage, ${name}: ${count} presses not measurable: ${problem}`);
  return notes;
}
