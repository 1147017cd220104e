import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startWebMode } from '../web-mode-process';
import { openBareBrowser } from './bare-cdp';
import type { FeedFile } from './feed-files';
import { cpuBetween, sampleCpuWithMachine } from './process-cpu';

/** The ingest as a user's browser runs it: no DevTools client copying every frame (bare-cdp.ts). */
export interface UndisturbedIngest {
  /** From the first copy until count-all shows every paper; null on timeout. */
  countedSeconds: number | null;
  /** CPU seconds by process and thread meanwhile, with the machine's and the bench's own. */
  cpuSeconds: Record<string, number>;
}

const POLL_MS = 250;
const COUNT_ALL = `Number((document.querySelector('[data-testid="count-all"]')?.textContent ?? '').replace(/\\D/gu, '') || 0)`;
const EMPTY_LIBRARY = `[...document.querySelectorAll('h2')].some((heading) => heading.textContent === 'No papers yet')`;

/** Web mode on an empty folder under `dir`, in a Chromium no DevTools client drives: copies the files and times them until counted. */
export async function measureUndisturbedIngest(dir: string, files: readonly FeedFile[], expectedPapers: number, timeoutMs: number): Promise<UndisturbedIngest> {
  const [folder, config, profile] = ['inbox', 'config', 'profile'].map((name) => join(dir, name)) as [string, string, string];
  await Promise.all([folder, config, profile].map((path) => mkdir(path, { recursive: true })));
  const web = await startWebMode(folder, config);
  try {
    const browser = await openBareBrowser(web.url, profile);
    try {
      const deadline = Date.now() + 60_000;
      while (!(await browser.evaluate(EMPTY_LIBRARY).catch(() => false))) {
        if (Date.now() > deadline) throw new Error('the app did not show its empty library within 60 s');
        await sleep(POLL_MS);
      }
      const trees = { web: [web.child.pid!], chromium: [browser.process.pid!] };
      const before = sampleCpuWithMachine(trees);
      const started = performance.now();
      for (const file of files) await copyFile(file.path, join(folder, file.name));
      let countedSeconds: number | null = null;
      while (countedSeconds === null && performance.now() - started < timeoutMs) {
        if (Number(await browser.evaluate(COUNT_ALL)) >= expectedPapers) countedSeconds = (performance.now() - started) / 1000;
        else await sleep(POLL_MS);
      }
      return { countedSeconds, cpuSeconds: cpuBetween(before, sampleCpuWithMachine(trees)) };
    } finally {
      await browser.close();
    }
  } finally {
    await web.stop();
  }
}
