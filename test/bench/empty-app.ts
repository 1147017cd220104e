import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import { startWebMode, type WebModeProcess } from '../web-mode-process';
import { childProcesses } from './process-cpu';

/** Web mode on an empty folder, and Chromium on a fresh profile showing its empty library. */
export interface EmptyApp {
  /** The watched folder: files copied here are ingested. */
  folder: string;
  /** The browser profile's IndexedDB folder, whose size tells when the app has stopped writing. */
  indexedDbDir: string;
  web: WebModeProcess;
  context: BrowserContext;
  page: Page;
  /** The process trees to sample CPU time from: the web-mode server, and the browser. */
  trees: { web: number[]; chromium: number[] };
  /** Uncaught errors and console errors of the page, as they happen. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Starts the app under `dir` (folder, settings and profile), and waits for "No papers yet". */
export async function openEmptyApp(dir: string): Promise<EmptyApp> {
  const [folder, config, profile] = ['inbox', 'config', 'profile'].map((name) => join(dir, name)) as [string, string, string];
  await Promise.all([folder, config, profile].map((path) => mkdir(path, { recursive: true })));
  const web = await startWebMode(folder, config);
  const context = await launchChromium(profile);
  const close = async () => {
    await context.close();
    await web.stop();
  };
  try {
    const pageErrors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const trees = { web: [web.child.pid!], chromium: childProcesses(process.pid).filter((pid) => pid !== web.child.pid) };
    await page.goto(web.url);
    await page.getByRole('heading', { name: 'No papers yet' }).waitFor({ timeout: 60_000 });
    return { folder, indexedDbDir: join(profile, 'Default', 'IndexedDB'), web, context, page, trees, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
