import type { BrowserContext, Page } from 'playwright-core';
import { measureRendererHeap, type RendererHeap } from './cdp-heap';

export interface ColdStartTimes {
  /** From a reload until the first list row shows. */
  firstListSeconds: number | null;
  /** From a reload until a title typed at once gets any answer: the summary reads "N papers match", N maybe 0. */
  firstAnswerSeconds: number | null;
  /** The summary then, with how far indexing was when the index says. */
  firstAnswerSummary: string | null;
  /** From the same reload until that answer holds results: "N papers match" with N ≥ 1. */
  firstResultsSeconds: number | null;
  /** From the same reload until that title's paper is in the list. */
  foundSeconds: number | null;
  /** From the same reload until the summary no longer says the index is still being built. */
  indexReadySeconds: number | null;
  /** Then, quoted phrases with thousands of candidates, each timed from typing it until the summary first answers it: the best 100 candidates checked (renderer/search/phrase-checker.ts). */
  phraseSearches: PhraseSearch[];
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
const SUMMARY = '.search-summary';

/**
 * Two reloads of a full library: one to time the first list row, one to time searching at once.
 * `settle` waits for the app to go idle before the second, so that it starts on a quiet machine as
 * the first does, not beside the first start's work still under way in the browser.
 */
export async function measureColdStart(context: BrowserContext, page: Page, title: string, settle: () => Promise<void>): Promise<ColdStartFigures> {
  const times: ColdStartTimes = {
    ...{ firstListSeconds: null, firstAnswerSeconds: null, firstAnswerSummary: null, firstResultsSeconds: null },
    ...{ foundSeconds: null, indexReadySeconds: null, phraseSearches: [] },
  };
  const figures: ColdStartFigures = { times, heap: null, notes: [] };
  let reloaded = 0;
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

  await settle();
  reloaded = performance.now();
  await page.reload({ waitUntil: 'commit' });
  const answered = await step('an answer to the typed title', async () => {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(title, { timeout: TIMEOUT_MS });
    await page.waitForFunction((selector) => /match/u.test(document.querySelector(selector)?.textContent ?? ''), SUMMARY, { polling: 20, timeout: TIMEOUT_MS });
    times.firstAnswerSeconds = since();
    times.firstAnswerSummary = await page.locator(SUMMARY).textContent();
  });
  if (!answered) return figures;
  const hasResults = await step('results for the typed title', async () => {
    const matches = (selector: string) => /^[1-9][\d,]* papers? match/u.test(document.querySelector(selector)?.textContent ?? '');
    await page.waitForFunction(matches, SUMMARY, { polling: 20, timeout: TIMEOUT_MS });
    times.firstResultsSeconds = since();
  });
  if (hasResults) {
    await step("the typed title's paper", async () => {
      await page.locator('.paper-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT_MS });
      times.foundSeconds = since();
    });
  }
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
