import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The app as seen during an ingest, about every 5 s. */
export interface IngestSample {
  seconds: number;
  /** count-all. */
  papers: number;
  /** "Reading N files…": files main has not sent yet. */
  pendingFiles: number;
  /** IndexedDB's size on disk. */
  indexedDbMB: number;
  /** The slowest answer from the page's main thread (a trivial evaluate, through DevTools) since the last sample. */
  slowestPageResponseMs: number;
  /** The page's longest main-thread task since the last sample, from the browser's Long Tasks API (0 when none over 50 ms). */
  longestTaskMs: number;
  /** About every 30 s: from typing a word until "N papers match" shows, or null when it took over 30 s. */
  searchMs?: number | null;
}

export interface IngestWatch {
  expectedPapers: number;
  /** performance.now() when the first file was copied. */
  started: number;
  timeoutMs: number;
  indexedDbDir: string;
  /** A word to search for while papers pour in. */
  probeQuery: string;
  log: (line: string) => void;
}

const SAMPLE_EVERY_S = 5;
const PROBE_EVERY_S = 30;
const PROBE_TIMEOUT_MS = 30_000;

type LongTaskWatch = { longestTaskMs: number };

/** Keeps the longest main-thread task on the page, for pageProgress to read and reset. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watch = globalThis as unknown as LongTaskWatch;
    watch.longestTaskMs = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) watch.longestTaskMs = Math.max(watch.longestTaskMs, entry.duration);
    }).observe({ type: 'longtask' });
  });
}

/** count-all, "Reading N files…" and the longest task since the last call, in one trip to the page. */
async function pageProgress(page: Page): Promise<{ papers: number; pendingFiles: number; longestTaskMs: number }> {
  const [count, status, longestTaskMs] = await page.evaluate(() => {
    const watch = globalThis as unknown as LongTaskWatch;
    const longest = watch.longestTaskMs;
    watch.longestTaskMs = 0;
    return [document.querySelector('[data-testid="count-all"]')?.textContent ?? '', document.querySelector('.ingest-status')?.textContent ?? '', longest] as const;
  });
  return { papers: Number(count.replace(/\D/gu, '') || 0), pendingFiles: Number(/Reading (\d+)/u.exec(status)?.[1] ?? 0), longestTaskMs };
}

/** Bytes under a folder, in MB. */
export async function folderMegabytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => stat(join(entry.parentPath, entry.name)).then((info) => info.size, () => 0)));
  return Math.round(sizes.reduce((sum, size) => sum + size, 0) / 1e5) / 10;
}

/** Types the word, times the answer, and empties the box again so the ingest goes on as before. */
async function probeSearch(page: Page, query: string): Promise<number | null> {
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  const typed = performance.now();
  try {
    await box.fill(query, { timeout: PROBE_TIMEOUT_MS });
    await page.waitForFunction(() => /match/u.test(document.querySelector('.search-summary')?.textContent ?? ''), null, { polling: 20, timeout: PROBE_TIMEOUT_MS });
    return performance.now() - typed;
  } catch {
    return null;
  } finally {
    await box.fill('', { timeout: PROBE_TIMEOUT_MS }).catch(() => undefined);
  }
}

/** Polls the page each second until count-all shows every paper; null seconds on timeout. */
export async function watchIngest(page: Page, watch: IngestWatch): Promise<{ countedSeconds: number | null; timeline: IngestSample[] }> {
  const elapsed = () => (performance.now() - watch.started) / 1000;
  const timeline: IngestSample[] = [];
  let slowest = 0;
  let longestTask = 0;
  let lastProbe = 0;
  await watchLongTasks(page);
  while (elapsed() * 1000 < watch.timeoutMs) {
    const asked = performance.now();
    const { papers, pendingFiles, longestTaskMs } = await pageProgress(page);
    slowest = Math.max(slowest, performance.now() - asked);
    longestTask = Math.max(longestTask, longestTaskMs);
    const done = papers >= watch.expectedPapers;
    if (timeline.length === 0 || elapsed() - timeline.at(-1)!.seconds >= SAMPLE_EVERY_S || done) {
      const sample: IngestSample = {
        ...{ seconds: Math.round(elapsed() * 10) / 10, papers, pendingFiles },
        ...{ indexedDbMB: await folderMegabytes(watch.indexedDbDir), slowestPageResponseMs: Math.round(slowest), longestTaskMs: Math.round(longestTask) },
      };
      if (!done && elapsed() - lastProbe >= PROBE_EVERY_S) {
        lastProbe = elapsed();
        const searchMs = await probeSearch(page, watch.probeQuery);
        sample.searchMs = searchMs === null ? null : Math.round(searchMs);
      }
      timeline.push(sample);
      slowest = 0;
      longestTask = 0;
      if (sample.searchMs !== undefined) {
        const search = sample.searchMs === null ? 'no answer within 30 s' : `${sample.searchMs} ms`;
        watch.log(`  ${sample.seconds} s: ${papers} papers counted, ${pendingFiles} files pending, IndexedDB ${sample.indexedDbMB} MB, search ${search}`);
      }
    }
    if (done) return { countedSeconds: elapsed(), timeline };
    await page.waitForTimeout(1000);
  }
  return { countedSeconds: null, timeline };
}
