import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Paper } from '../../shared/paper';
import { openEmptyApp } from './empty-app';
import type { FeedFile } from './feed-files';
import { mulberry32, pick } from './prng';
import { waitUntilSettled } from './settle';

/** Seconds after count-all showed every paper, or once the app has gone idle after the import. */
export type ReloadMoment = number | 'settled';

/** The moments the issue asks about: right after an import, 5, 15 and 40 s later, and once the save has finished. */
export const DEFAULT_RELOAD_MOMENTS: readonly ReloadMoment[] = [0, 5, 15, 40, 'settled'];
export const RELOAD_TARGET_SECONDS = 3;

export interface ReloadSample {
  /** "right after", "+5 s", "settled". */
  moment: string;
  /** The seconds after count-all showed every paper at which the moment asks for a reload; null for "settled". */
  afterCountedSeconds: number | null;
  /** When the reload really began, in seconds after count-all showed every paper in this import. */
  reloadedAtSeconds: number;
  /** This import: from the first file copied until count-all showed every paper. */
  importCountedSeconds: number;
  /** "settled" only: how long the app took to go idle after the previous reload's paper showed; null when it never did. */
  settledSeconds?: number | null;
  /** The randomly chosen paper, its title typed in full into the search box. */
  paperId: string;
  title: string;
  /** From the reload's start until a result row shows that paper; null when it did not within the timeout. */
  foundSeconds: number | null;
  /** The search summary when the row showed, with how far indexing was ("… (indexed N of M papers so far)"). */
  summaryWhenFound: string | null;
}

export interface ReloadAnytimeFigures {
  targetSeconds: number;
  measured: string;
  /** Papers the random ones were drawn from, of `ingested`. */
  candidates: number;
  ingested: number;
  moments: ReloadSample[];
  /** The slowest `foundSeconds`; null when a moment's paper never showed (`missed` > 0) or nothing was measured. */
  worstSeconds: number | null;
  /** Moments whose paper did not show within `timeoutSeconds`, or that could not be measured at all. */
  missed: number;
  timeoutSeconds: number;
  notes: string[];
}

export interface ReloadAnytimeInputs {
  files: readonly FeedFile[];
  /** Every paper the files hold, merged as the library merges them: the random papers come from these. */
  catalog: readonly Paper[];
  seed: number;
  /** Where each import's folder, settings and browser profile go; each is removed after its import. */
  workDir: string;
  moments?: readonly ReloadMoment[];
  ingestTimeoutMs: number;
  /** How long a reload may take to show its paper; 5 minutes unless told. */
  findTimeoutMs?: number;
  log: (line: string) => void;
}

const MEASURED =
  'Chromium, web mode: for each moment a fresh browser profile and folder take in the same files; at the moment after count-all shows every paper (or once the app has gone idle after that, for "settled", in the last import after its own reload) the page is reloaded, a paper drawn at random (seeded) has its title filled into the search box at once, and the time runs from the reload until a .paper-row shows that title';
const SETTLE_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_FIND_TIMEOUT_MS = 5 * 60_000;
const SUMMARY = '.search-summary';

export const momentName = (moment: ReloadMoment) => (moment === 'settled' ? 'settled' : moment === 0 ? 'right after' : `+${moment} s`);

/** "0,5,15,40,settled" (or "none") as moments. */
export function parseReloadMoments(text: string): ReloadMoment[] {
  if (text.trim() === 'none') return [];
  return text.split(',').map((part) => {
    const trimmed = part.trim();
    if (trimmed === 'settled') return 'settled';
    const seconds = Number(trimmed);
    if (trimmed === '' || !Number.isFinite(seconds) || seconds < 0) throw new Error(`--reload-moments wants seconds or "settled", comma-separated; not "${part}"`);
    return seconds;
  });
}

/**
 * A title the search box reads as plain words, long enough to rank its paper near the top: no
 * `-word` exclusions, quotes, `author:`/`cat:` fields or arXiv ids that the query syntax would
 * read otherwise, and at least four words.
 */
export function typableTitle(title: string): boolean {
  if (/"|(?:^|\s)-|\b(?:author|au|cat):|\d{4}\.\d{4,5}|arxiv\.org/iu.test(title)) return false;
  return (title.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 4;
}

/** Imports: each numeric moment its own, "settled" after the last one's reload (the state on disk once idle is the same). */
function importRounds(moments: readonly ReloadMoment[]): ReloadMoment[][] {
  const rounds: ReloadMoment[][] = moments.filter((moment) => moment !== 'settled').map((moment) => [moment]);
  if (moments.includes('settled')) {
    if (rounds.length === 0) rounds.push(['settled']);
    else rounds.at(-1)!.push('settled');
  }
  return rounds;
}

/** Reloads, fills in the title and waits for its row; the time runs from the reload. */
async function reloadAndFind(page: Page, title: string, timeoutMs: number): Promise<{ foundSeconds: number | null; summary: string | null; problem: string | null }> {
  const started = performance.now();
  const remaining = () => Math.max(1, timeoutMs - (performance.now() - started));
  try {
    await page.reload({ waitUntil: 'commit', timeout: remaining() });
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(title, { timeout: remaining() });
    const found = await page.waitForFunction(
      ([wanted, summarySelector]) => {
        for (const row of document.querySelectorAll('.paper-row')) {
          const shown = row.querySelector('.paper-row-title')?.getAttribute('title') ?? null;
          if (shown === wanted || (row.textContent ?? '').includes(wanted)) return { summary: document.querySelector(summarySelector)?.textContent ?? '' };
        }
        return null;
      },
      [title, SUMMARY] as const,
      { polling: 20, timeout: remaining() },
    );
    const foundSeconds = (performance.now() - started) / 1000;
    const { summary } = (await found.jsonValue()) as { summary: string };
    return { foundSeconds, summary, problem: null };
  } catch (error) {
    const summary = await page
      .locator(SUMMARY)
      .textContent({ timeout: 1000 })
      .catch(() => null);
    return { foundSeconds: null, summary, problem: `${(error as Error).message.split('\n')[0]}; the summary read "${summary ?? '(none)'}"` };
  }
}

const roundedToMs = (seconds: number) => Math.round(seconds * 1000) / 1000;
const waitUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/**
 * "Reload at any moment after an import: any paper found." For each moment, the files go into an
 * empty folder of a fresh app and browser; at that moment after the import is counted the page is
 * reloaded — interrupting whatever the app was doing, indexing or saving its index — and a paper
 * chosen at random is searched for by its title, timed from the reload until its row shows.
 */
export async function measureReloadAnytime(inputs: ReloadAnytimeInputs): Promise<ReloadAnytimeFigures> {
  const { files, catalog, log } = inputs;
  const moments = inputs.moments ?? DEFAULT_RELOAD_MOMENTS;
  const findTimeoutMs = inputs.findTimeoutMs ?? DEFAULT_FIND_TIMEOUT_MS;
  const candidates = catalog.filter((paper) => typableTitle(paper.title));
  const random = mulberry32(inputs.seed ^ 0x2e10ad);
  const figures: ReloadAnytimeFigures = {
    ...{ targetSeconds: RELOAD_TARGET_SECONDS, measured: MEASURED, candidates: candidates.length, ingested: catalog.length },
    ...{ moments: [], worstSeconds: null, missed: 0, timeoutSeconds: findTimeoutMs / 1000, notes: [] },
  };
  if (candidates.length === 0) {
    figures.notes.push('reload after import: no ingested paper has a title the search box reads as plain words; nothing measured');
    figures.missed = moments.length;
    return figures;
  }

  for (const [round, roundMoments] of importRounds(moments).entries()) {
    const dir = join(inputs.workDir, `reload-${round}`);
    const app = await openEmptyApp(dir);
    const { folder, indexedDbDir, page, trees, pageErrors } = app;
    const roundName = roundMoments.map(momentName).join(' and ');
    try {
      const copied = performance.now();
      for (const file of files) await copyFile(file.path, join(folder, file.name));
      const counted = await page
        .waitForFunction(
          (expected) => Number((document.querySelector('[data-testid="count-all"]')?.textContent ?? '').replace(/\D/gu, '') || 0) >= expected,
          catalog.length,
          { polling: 250, timeout: inputs.ingestTimeoutMs },
        )
        .then(
          () => performance.now(),
          () => null,
        );
      if (counted === null) {
        figures.notes.push(`reload after import, ${roundName}: the import was not counted within ${inputs.ingestTimeoutMs / 1000} s; not measured`);
        figures.missed += roundMoments.length;
        continue;
      }
      const importCountedSeconds = (counted - copied) / 1000;
      log(`reload after import, ${roundName}: ${catalog.length} papers counted ${importCountedSeconds.toFixed(1)} s after the first copy`);

      for (const moment of roundMoments) {
        let settledSeconds: number | null | undefined;
        if (moment === 'settled') {
          settledSeconds = await waitUntilSettled(trees, indexedDbDir, SETTLE_TIMEOUT_MS);
          if (settledSeconds === null) figures.notes.push(`reload after import, settled: the app was still busy ${SETTLE_TIMEOUT_MS / 1000} s on; reloaded anyway`);
        } else {
          if (performance.now() > counted + moment * 1000 + 1000) figures.notes.push(`reload after import, ${momentName(moment)}: reloaded late, the previous step ran past the moment`);
          await waitUntil(counted + moment * 1000);
        }
        const paper = pick(random, candidates);
        const reloadedAtSeconds = (performance.now() - counted) / 1000;
        const { foundSeconds, summary, problem } = await reloadAndFind(page, paper.title, findTimeoutMs);
        const sample: ReloadSample = {
          ...{ moment: momentName(moment), afterCountedSeconds: moment === 'settled' ? null : moment },
          ...{ reloadedAtSeconds: roundedToMs(reloadedAtSeconds), importCountedSeconds: roundedToMs(importCountedSeconds) },
          ...(settledSeconds === undefined ? {} : { settledSeconds: settledSeconds === null ? null : roundedToMs(settledSeconds) }),
          ...{ paperId: paper.id, title: paper.title, foundSeconds: foundSeconds === null ? null : roundedToMs(foundSeconds) },
          summaryWhenFound: foundSeconds === null ? null : summary,
        };
        figures.moments.push(sample);
        if (problem !== null) {
          figures.missed += 1;
          figures.notes.push(`reload after import, ${sample.moment}: "${paper.title}" did not show: ${problem}`);
        }
        log(
          `reload after import, ${sample.moment} (reloaded ${reloadedAtSeconds.toFixed(1)} s after counted): "${paper.title.slice(0, 60)}" found in ${foundSeconds?.toFixed(2) ?? 'never'} s — ${summary ?? ''}`,
        );
      }
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
    const errors = [...new Set(pageErrors)];
    figures.notes.push(...errors.slice(0, 5).map((error) => `reload after import, ${roundName}: page error: ${error}`));
    if (errors.length > 5) figures.notes.push(`reload after import, ${roundName}: ${errors.length - 5} more page errors`);
  }
  const found = figures.moments.map((sample) => sample.foundSeconds).filter((seconds) => seconds !== null);
  figures.worstSeconds = figures.missed === 0 && found.length > 0 ? Math.max(...found) : null;
  return figures;
}
