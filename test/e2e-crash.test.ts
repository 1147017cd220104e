import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcesses } from './bench/process-cpu';
import { launchChromium } from './chromium';
import { freePort } from './free-port';
import { storedMarks, type StoredMark } from './page-marks';
import { writeArxivFiles } from './synthetic-feeds';
import { startWebMode, type WebModeProcess } from './web-mode-process';

const WAIT = { timeout: 180_000 };
const MARKED_FILES = 2;
const PAPERS_PER_FILE = 250;
/** Files dropped at once before each kill: enough that the kill lands mid-ingest. */
const FILES_PER_DROP = 40;

const countAll = async (page: Page) => Number(await page.getByTestId('count-all').textContent({ timeout: 1000 }).catch(() => '-1'));

/**
 * Kill -9, mid-ingest: first web mode (main's stand-in), then the browser. Each time the app comes
 * back on the same folder, port and profile; the files the kill interrupted are read, every paper
 * is there once, and the marks set before are as they were.
 */
describe('killed mid-ingest, in real Chromium', () => {
  let scratch: string;
  let folder: string;
  let configDir: string;
  let profile: string;
  let port: number;
  let web: WebModeProcess;
  let browser: BrowserContext;
  let page: Page;
  let marks: StoredMark[];

  const openBrowser = async () => {
    browser = await launchChromium(profile);
    page = await browser.newPage();
    await page.goto(web.url);
  };

  const markedPapers = async () => {
    // Read a few, star some: j opens the next paper, which marks it read; s stars it.
    for (let press = 0; press < 6; press += 1) {
      await page.keyboard.press('j');
      if (press % 2 === 0) await page.keyboard.press('s');
    }
    await expect.poll(async () => (await storedMarks(page)).filter((mark) => mark.starred === 1).length, WAIT).toBe(3);
    return storedMarks(page);
  };

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'e2e-crash-'));
    [folder, configDir, profile] = ['inbox', 'config', 'profile'].map((name) => join(scratch, name)) as [string, string, string];
    await mkdir(folder);
    port = await freePort();
    web = await startWebMode(folder, configDir, { port });
    await openBrowser();
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await web?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  /** Drops FILES_PER_DROP more files, and calls `kill` once some but not all of their papers are stored. */
  const dropAndKillMidway = async (first: number, kill: () => Promise<void>) => {
    const before = await countAll(page);
    const after = before + FILES_PER_DROP * PAPERS_PER_FILE;
    await writeArxivFiles(folder, first, FILES_PER_DROP, PAPERS_PER_FILE, 'crash safety');
    await expect.poll(() => countAll(page), { ...WAIT, interval: 20 }).toBeGreaterThan(before);
    const atKill = await countAll(page);
    await kill();
    return { before, atKill, after };
  };

  it('reads the first files, and stores the marks set on their papers', async () => {
    await writeArxivFiles(folder, 0, MARKED_FILES, PAPERS_PER_FILE, 'crash safety');
    await expect.poll(() => countAll(page), WAIT).toBe(MARKED_FILES * PAPERS_PER_FILE);
    marks = await markedPapers();
    expect(marks.filter((mark) => mark.read === 1).length).toBeGreaterThanOrEqual(6);
  });

  it('finishes the interrupted files and keeps every mark when web mode is killed', async () => {
    const { before, atKill, after } = await dropAndKillMidway(MARKED_FILES, async () => {
      const exited = new Promise((resolve) => web.child.once('exit', resolve));
      web.child.kill('SIGKILL');
      await exited;
    });
    web = await startWebMode(folder, configDir, { port });
    await expect.poll(() => countAll(page), WAIT).toBe(after);
    console.log(`web mode killed at ${atKill - before} of ${after - before} new papers; after the restart ${await countAll(page)} of ${after}`);
    expect(atKill).toBeLessThan(after);
    expect(await storedMarks(page)).toEqual(marks);
  });

  it('finishes the interrupted files and keeps every mark when the browser is killed', async () => {
    const { before, atKill, after } = await dropAndKillMidway(MARKED_FILES + FILES_PER_DROP, async () => {
      const chromium = childProcesses(process.pid).filter((pid) => pid !== web.child.pid);
      expect(chromium.length).toBeGreaterThan(0);
      for (const pid of chromium) process.kill(pid, 'SIGKILL');
      await browser.close().catch(() => undefined);
    });
    await openBrowser();
    await expect.poll(() => countAll(page), WAIT).toBe(after);
    console.log(`browser killed at ${atKill - before} of ${after - before} new papers; after the restart ${await countAll(page)} of ${after}`);
    expect(atKill).toBeLessThan(after);
    expect(await storedMarks(page)).toEqual(marks);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(`paper 249 of file ${MARKED_FILES + 2 * FILES_PER_DROP - 1} crash`);
    await expect.poll(() => page.locator('.search-summary').textContent(), WAIT).toMatch(/^[1-9]\d* papers? match/u);
  });
});
