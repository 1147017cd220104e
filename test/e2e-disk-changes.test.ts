import { rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderArxivRss } from './bench/arxiv-feeds';
import { writeArxivFiles } from './synthetic-feeds';
import { storedGeneration } from './page-marks';
import { openWebSession, type WebSession } from './web-session';

const WAIT = { timeout: 30_000 };
const PAPERS_PER_FILE = 20;

describe('files that change on disk, in real Chromium', () => {
  let session: WebSession;
  let page: Page;
  const countAll = () => page.getByTestId('count-all').textContent();
  const sourceLabels = () => page.getByRole('region', { name: 'Sources' }).locator('.sidebar-label').allTextContents();

  beforeAll(async () => {
    session = await openWebSession('disk-changes');
    ({ page } = session);
  });

  afterAll(() => session?.close());

  it('reads three files', async () => {
    await writeArxivFiles(session.folder, 0, 3, PAPERS_PER_FILE, 'changing files');
    await expect.poll(countAll, WAIT).toBe(String(3 * PAPERS_PER_FILE));
  });

  it('updates the papers of a file replaced by a newer version', async () => {
    const revised = Array.from({ length: PAPERS_PER_FILE }, (_unused, index) => ({
      id: `2409.${String(index).padStart(5, '0')}`,
      title: `Paper ${index} of file 0, revised title`,
      abstract: `Revised: we study file 0, paper ${index}.`,
      authors: ['A. Author'],
      published: '2024-09-03',
      categories: ['cs.DL'],
      source_repo: 'changing files',
    }));
    // Version 2 of each paper, as arXiv lists a replacement.
    const feed = renderArxivRss(revised, 'cs.DL').replace(/(\d{4}\.\d{5})v1/gu, '$1v2').replaceAll('Announce Type: new', 'Announce Type: replace');
    await writeFile(join(session.folder, 'file-0.xml'), feed);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('paper 5 of file 0 revised title');
    await expect.poll(() => page.locator('.search-summary').textContent(), WAIT).toMatch(/^[1-9]\d* papers? match/u);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    expect(await countAll()).toBe(String(3 * PAPERS_PER_FILE));
  });

  it('keeps the papers of a deleted file, and says the file is gone from the folder', async () => {
    await unlink(join(session.folder, 'file-1.xml'));
    await expect.poll(sourceLabels, WAIT).toEqual(expect.arrayContaining(['file-1.xml (gone from the folder)']));
    expect(await countAll()).toBe(String(3 * PAPERS_PER_FILE));
  });

  it('does not read a renamed file again', async () => {
    const before = await storedGeneration(page);
    await rename(join(session.folder, 'file-2.xml'), join(session.folder, 'renamed-2.xml'));
    // A file that is read after the rename would be stored before this one, which the watcher sees later.
    await writeArxivFiles(session.folder, 3, 1, PAPERS_PER_FILE, 'changing files');
    await expect.poll(countAll, WAIT).toBe(String(4 * PAPERS_PER_FILE));
    expect((await storedGeneration(page)) - before).toBe(1);
    console.log(`disk changes: a replaced file, a deleted one and a renamed one; ${await storedGeneration(page)} batches stored in all`);
    // Its source keeps the name it was read under, and is not gone: its content is still in the folder.
    await sleep(3000);
    expect((await sourceLabels()).filter((label) => label.includes('file-2.xml'))).toEqual(['file-2.xml']);
    expect(session.pageErrors).toEqual([]);
  });
});
