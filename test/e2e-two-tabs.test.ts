import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArxivFiles } from './synthetic-feeds';
import { storedGeneration } from './page-marks';
import { openWebSession, type WebSession } from './web-session';

const WAIT = { timeout: 30_000 };
const PAPERS_PER_FILE = 40;

const countAll = (page: Page) => page.getByTestId('count-all').textContent();

async function searchFinds(page: Page, query: string): Promise<string | null> {
  await page.getByRole('searchbox', { name: 'Search papers' }).fill(query);
  return page.locator('.search-summary').textContent();
}

describe('two tabs of one library, in real Chromium', () => {
  let session: WebSession;
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    session = await openWebSession('two-tabs');
    first = session.page;
    second = await session.browser.newPage();
    await second.goto(session.web.url);
    for (const page of [first, second]) await page.getByRole('heading', { name: 'No papers yet' }).waitFor(WAIT);
  });

  afterAll(() => session?.close());

  it('stores each batch once, in one tab, and both tabs show and find every paper', async () => {
    await writeArxivFiles(session.folder, 0, 6, PAPERS_PER_FILE, 'tabbed reading');
    for (const page of [first, second]) await expect.poll(() => countAll(page), WAIT).toBe(String(6 * PAPERS_PER_FILE));
    const batches = await storedGeneration(first);
    console.log(`two tabs: 6 files, ${6 * PAPERS_PER_FILE} papers, ${batches} batches stored (every tab storing each would make 12)`);
    expect(batches).toBe(6);
    await expect.poll(() => searchFinds(second, 'paper 7 of file 5 tabbed'), WAIT).toMatch(/^[1-9]\d* papers? match/u);
  });

  it('shows a mark set in one tab in the other at once, both ways, without a reload', async () => {
    const papers = 6 * PAPERS_PER_FILE;
    // Opening a paper marks it read (the default setting); s stars it.
    for (const [page, row] of [[first, 0], [second, 1]] as const) {
      await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
      await page.locator('.paper-row').nth(row).click();
      await page.keyboard.press('s');
      const marked = row + 1;
      for (const tab of [first, second]) {
        await expect.poll(() => tab.getByTestId('count-starred').textContent(), WAIT).toBe(String(marked));
        await expect.poll(() => tab.getByTestId('count-unread').textContent(), WAIT).toBe(String(papers - marked));
      }
    }
  });

  it('hands the writing to the other tab when the writer closes, and loses no file', async () => {
    const before = await storedGeneration(second);
    await first.close();
    await writeArxivFiles(session.folder, 6, 3, PAPERS_PER_FILE, 'tabbed reading');
    await expect.poll(() => countAll(second), WAIT).toBe(String(9 * PAPERS_PER_FILE));
    const batches = await storedGeneration(second);
    console.log(`two tabs: the writer closed; the other stored ${batches - before} batches for 3 new files`);
    expect(batches - before).toBe(3);
    await expect.poll(() => searchFinds(second, 'paper 3 of file 8 tabbed'), WAIT).toMatch(/^[1-9]\d* papers? match/u);
    expect(session.pageErrors).toEqual([]);
  });
});
