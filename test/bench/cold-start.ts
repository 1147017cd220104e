import type { BrowserContext, Page } from 'playwright-core';
import { measureRendererHeap, type RendererHeap } from './cdp-heap';
import { HAS_RESULTS, noteResultsDrawn, resultsDrawnAt } from './results-drawn';

export interface ColdStartTimes {
  /** From a reload until the first list row shows. */
  firstListSeconds: number | null;
  /** The medians of `searchStarts`' figures, null when any of them lacks one. */
  firstAnswerSeconds: number | null;
  firstResultsSeconds: number | null;
  firstResultsDrawnSeconds: number | null;
  foundSeconds: number | null;
  /** The last start's summary when it first answered, with how far indexing was when the index says. */
  firstAnswerSummary: string | null;
  /** Each start with a title typed at once, in order. */
  searchStarts: SearchStart[];
  /** From the last start's reload until the summary no longer says the index is still being built. */
  indexReadySeconds: number | null;
  /** Then, quoted phrases with thousands of candidates, each timed from typing it until the summary first answers it: the best 100 candidates checked (renderer/search/phrase-checker.ts). */
  phraseSearches: PhraseSearch[];
}

/** A reload, then the late paper's title typed at once. */
export interface SearchStart {
  /** From the reload until the title gets any answer: the summary reads "N papers match", N maybe 0. */
  firstAnswerSeconds: number | null;
  /** Until Playwright sees that answer hold results: "N papers match" with N ≥ 1. */
  firstResultsSeconds: number | null;
  /** Until the frame that draws those results, as the page notes it (results-drawn.ts): what the reader sees. */
  firstResultsDrawnSeconds: number | null;
  /** Until the title's paper is in the list. */
  foundSeconds: number | null;
}

export interface PhraseSearch {
  query: string;
  seconds: number | null;
  summary: string | null;
}

/** Common phrases of the corpus: each has thousands of papers holding both words, and each candidate must be read to check the words are adjacent. */
const PHRASES = ['"language models"', '"neural networks"', '"reinforcement learning"', '"graph neural networks"', '"to the best of our knowledge"'];

export interface ColdStartFigures {
  times: ColdStartTimes;
  /** The renderer's heaps once the index is ready. */
  heap: RendererHeap | null;
  notes: string[];
}

const TIMEOUT_MS = 3 * 60_000;
/** Starts timed with a title typed at once. On two cores one start's figures vary by a third, with the browser's own work; their median does not. */
const SEARCH_STARTS = 5;
const SUMMARY = '.search-summary';

/**
 * Reloads of a full library: one to time the first list row, then SEARCH_STARTS to time searching at
 * once. `settle` waits for the app to go idle before each, so that each starts on a quiet machine as
 * the first does, not beside the previous start's work still under way in the browser.
 */
export async function measureColdStart(context: BrowserContext, page: Page, title: string, settle: () => Promise<void>): Promise<ColdStartFigures> {
  const times: ColdStartTimes = {
    ...{ firstListSeconds: null, firstAnswerSeconds: null, firstResultsSeconds: null, firstResultsDrawnSeconds: null, foundSeconds: null, firstAnswerSummary: null },
    ...{ searchStarts: [], indexReadySeconds: null, phraseSearches: [] },
  };
  const figures: ColdStartFigures = { times, heap: null, notes: [] };
  await noteResultsDrawn(page);
  let reloaded = 0;
  let reloadedAt = 0;
  const since = () => (performance.now() - reloaded) / 1000;
  const step = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
      return true;
    } catch (error) {
      figures.notes.push(`cold start: ${what} did not happen within ${TIMEOUT_MS / 1000} s (${(error as Error).message.split('\n')[0]})`);
      return false;
    }
  };

  reloaded = performance.now();
  await page.reload({ waitUntil: 'commit' });
  await step('the first list row', async () => {
    await page.locator('.paper-row').first().waitFor({ timeout: TIMEOUT_MS });
    times.firstListSeconds = since();
  });

  for (let start = 0; start < SEARCH_STARTS; start++) {
    await settle();
    const timed: SearchStart = { firstAnswerSeconds: null, firstResultsSeconds: null, firstResultsDrawnSeconds: null, foundSeconds: null };
    times.searchStarts.push(timed);
    reloaded = performance.now();
    reloadedAt = Date.now();
    await page.reload({ waitUntil: 'commit' });
    const answered = await step('an answer to the typed title', async () => {
      await page.getByRole('searchbox', { name: 'Search papers' }).fill(title, { timeout: TIMEOUT_MS });
      await page.waitForFunction((selector) => /match/u.test(document.querySelector(selector)?.textContent ?? ''), SUMMARY, { polling: 20, timeout: TIMEOUT_MS });
      timed.firstAnswerSeconds = since();
      times.firstAnswerSummary = await page.locator(SUMMARY).textContent();
    });
    if (!answered) return figures;
    const hasResults = await step('results for the typed title', async () => {
      const matches = ([selector, pattern]: string[]) => new RegExp(pattern!, 'u').test(document.querySelector(selector!)?.textContent ?? '');
      await page.waitForFunction(matches, [SUMMARY, HAS_RESULTS.source], { polling: 20, timeout: TIMEOUT_MS });
      timed.firstResultsSeconds = since();
      const drawnAt = await resultsDrawnAt(page);
      timed.firstResultsDrawnSeconds = drawnAt === null ? null : (drawnAt - reloadedAt) / 1000;
    });
    if (hasResults) {
      await step("the typed title's paper", async () => {
        await page.locator('.paper-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT_MS });
        timed.foundSeconds = since();
      });
    }
  }
  times.firstAnswerSeconds = medianOf(times.searchStarts.map((timed) => timed.firstAnswerSeconds));
  times.firstResultsSeconds = medianOf(times.searchStarts.map((timed) => timed.firstResultsSeconds));
  times.firstResultsDrawnSeconds = medianOf(times.searchStarts.map((timed) => timed.firstResultsDrawnSeconds));
  times.foundSeconds = medianOf(times.searchStarts.map((timed) => timed.foundSeconds));
  await step('a ready index', async () => {
    await page.waitForFunction((selector) => !/indexed .* so far/u.test(document.querySelector(selector)?.textContent ?? 'indexed so far'), SUMMARY, {
      polling: 50,
      timeout: TIMEOUT_MS,
    });
    times.indexReadySeconds = since();
  });
  for (const query of PHRASES) times.phraseSearches.push(await timePhraseSearch(page, query));
  figures.heap = await measureRendererHeap(context, page);
  return figures;
}

/** The median of the figures, or null when any is missing. */
export function medianOf(figures: readonly (number | null)[]): number | null {
  if (figures.length === 0 || figures.includes(null)) return null;
  const sorted = (figures as number[]).toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Empties the box, then types the query at once and waits for the summary to answer it. */
async function timePhraseSearch(page: Page, query: string): Promise<PhraseSearch> {
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  await box.fill('');
  await page.waitForFunction((selector) => !/match/u.test(document.querySelector(selector)?.textContent ?? ''), SUMMARY, { polling: 20, timeout: TIMEOUT_MS });
  const started = performance.now();
  try {
    await box.fill(query);
    await page.waitForFunction((selector) => /match/u.test(document.querySelector(selector)?.textContent ?? ''), SUMMARY, { polling: 10, timeout: TIMEOUT_MS });
    return { query, seconds: (performance.now() - started) / 1000, summary: await page.locator(SUMMARY).textContent() };
  } catch {
    return { query, seconds: null, summary: null };
  }
}
