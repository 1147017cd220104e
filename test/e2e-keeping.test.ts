import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCatalog } from '../shared/merge';
import { launchChromium } from './chromium';
import { storedMarks } from './page-marks';
import { parseFile } from './parse-file';
import { SAMPLES_DIR, SEED_FILES, SEEDS_DIR } from './shared-paths';
import { startWebMode, type WebModeProcess } from './web-mode-process';

const WAIT = { timeout: 15_000 };
const FILES = [SEEDS_DIR + SEED_FILES[0], `${SAMPLES_DIR}arxiv-rss2-2024.xml`];

describe('keeping and sharing, in real Chromium', () => {
  let web: WebModeProcess;
  let scratch: string;
  const browsers: BrowserContext[] = [];
  let page: Page;
  /** As many papers as the app's own merge makes of the files. */
  const total = String(mergeCatalog(FILES.flatMap((file) => parseFile(file).papers)).length);

  /** A fresh browser profile on the same server, once every paper has arrived. */
  async function openProfile(name: string): Promise<Page> {
    const browser = await launchChromium(join(scratch, name));
    browsers.push(browser);
    const opened = await browser.newPage();
    await opened.goto(web.url);
    await expect.poll(() => opened.getByTestId('count-all').textContent(), WAIT).toBe(total);
    return opened;
  }

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'keeping-'));
    const folder = join(scratch, 'inbox');
    await mkdir(folder);
    for (const file of FILES) await copyFile(file, join(folder, file.split('/').at(-1)!));
    web = await startWebMode(folder, join(scratch, 'config'));
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await web?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('stars papers with the keyboard and exports the Starred view as BibTeX that a BibTeX parser reads', async () => {
    const browser = await launchChromium(join(scratch, 'first'));
    browsers.push(browser);
    page = await browser.newPage();
    await page.goto(web.url);
    await expect.poll(() => page.getByTestId('count-all').textContent(), WAIT).toBe(total);
    for (const key of ['j', 's', 'j', 'j', 's', 'j', 'j', 'j', 's']) await page.keyboard.press(key);
    await expect.poll(() => page.getByTestId('count-starred').textContent(), WAIT).toBe('3');
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await expect.poll(() => page.getByRole('list', { name: 'Papers' }).getByRole('listitem').first().getAttribute('aria-setsize'), WAIT).toBe('3');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'BibTeX' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^paperdrop-starred-\d{4}-\d{2}-\d{2}\.bib$/u);
    const library = parseBibtex(await readFile((await download.path())!, 'utf8'), { sentenceCase: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(3);
    expect(new Set(library.entries.map((entry) => entry.key)).size).toBe(3);
    for (const entry of library.entries) expect(entry.fields.title?.length ?? 0).toBeGreaterThan(0);
  });

  it('backs up read and star state, and restores it into a fresh browser profile with identical marks', async () => {
    const before = await storedMarks(page);
    expect(before.filter((mark) => mark.starred === 1)).toHaveLength(3);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.waitFor(WAIT);
    const downloading = page.waitForEvent('download');
    await settings.getByRole('button', { name: 'Back up read and star state' }).click();
    const backup = (await (await downloading).path())!;

    const fresh = await openProfile('second');
    expect(await storedMarks(fresh)).toEqual([]);
    await fresh.getByRole('button', { name: 'Settings', exact: true }).click();
    await fresh.getByLabel('Restore from a backup').setInputFiles(backup);
    await expect.poll(() => fresh.getByRole('dialog', { name: 'Settings' }).getByRole('status').textContent(), WAIT).toMatch(/^Restored: /u);
    expect(await storedMarks(fresh)).toEqual(before);
    await expect.poll(() => fresh.getByTestId('count-starred').textContent(), WAIT).toBe('3');
  });

  it('names a file that is no backup, and changes nothing', async () => {
    const fresh = await openProfile('third');
    await fresh.getByRole('button', { name: 'Settings', exact: true }).click();
    await fresh.getByLabel('Restore from a backup').setInputFiles(FILES[0]!);
    await expect.poll(() => fresh.getByRole('alert').textContent(), WAIT).toMatch(/\S/u);
    expect(await storedMarks(fresh)).toEqual([]);
  });

  it('switches to the dark theme and back from Settings', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.reload();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Dark').check();
    await expect.poll(background).toBe('rgb(23, 23, 26)');
    await settings.getByLabel('Light').check();
    await expect.poll(background).toBe('rgb(251, 250, 247)');
  });
});
