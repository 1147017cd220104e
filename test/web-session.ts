import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startWebMode, type WebModeProcess } from './web-mode-process';

/** `npm run web` on a fresh folder, and a fresh Chromium profile with its link open. */
export interface WebSession {
  web: WebModeProcess;
  browser: BrowserContext;
  page: Page;
  folder: string;
  scratch: string;
  /** Script errors the page threw. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Starts web mode with these files already in its folder, and opens its link in Chromium. */
export async function openWebSession(label: string, files: readonly string[] = [], webOptions: { inspect?: boolean } = {}): Promise<WebSession> {
  const scratch = await mkdtemp(join(tmpdir(), `${label}-`));
  const folder = join(scratch, 'inbox');
  await mkdir(folder);
  for (const file of files) await copyFile(file, join(folder, file.split('/').at(-1)!));
  const web = await startWebMode(folder, join(scratch, 'config'), webOptions);
  const browser = await launchChromium(join(scratch, 'profile'));
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(web.url);
  return {
    web,
    browser,
    page,
    folder,
    scratch,
    pageErrors,
    close: async () => {
      await browser.close();
      await web.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
