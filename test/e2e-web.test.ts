import { readdirSync, statSync } from 'node:fs';
import { cp, copyFile, writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCatalog } from '../shared/merge';
import type { IngestBatch, Paper } from '../shared/paper';
import { launchChromium } from './chromium';
import { parseFile } from './parse-file';
import { FEEDS_DIR, HAS_SHARED, SAMPLES_DIR, SEED_FILES, SEEDS_DIR, SHARED_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';
import { startWebMode, type WebModeProcess } from './web-mode-process';
import { noteResultsDrawn, resultsDrawnAt } from './bench/results-drawn';

/**
 * The feeds dropped in all at once: every file of ../shared/feeds, or without ../shared the copies of some of them in
 * test/fixtures/feeds (laid out the same way, and enough for the category and source views below).
 */
const ALL_FEEDS = HAS_SHARED ? `${SHARED_DIR}feeds/` : FEEDS_DIR;
const isFeed = (path: string) => !path.endsWith('.md');

/** Every feed file under ALL_FEEDS. */
function allFeedFiles(): string[] {
  return (readdirSync(ALL_FEEDS, { recursive: true }) as string[])
    .map((name) => ALL_FEEDS + name)
    .filter((path) => statSync(path).isFile() && isFeed(path));
}

/** Each file the test drops into the folder, by its name there, in the order it is dropped. */
function droppedFiles(): { path: string; name: string }[] {
  return [
    ...SEED_FILES.map((name) => ({ path: SEEDS_DIR + name, name })),
    ...['arxiv-rss2-2024.xml', 'biorxiv-rss1-rdf.xml'].map((name) => ({ path: SAMPLES_DIR + name, name })),
    ...allFeedFiles().map((path) => ({ path, name: `all-feeds/${path.slice(ALL_FEEDS.length)}` })),
  ];
}

let droppedBatches: IngestBatch[] | undefined;
/** The batches the app stores from the dropped files: a copy of a file it has stored already is not read again. */
function batchesOfDroppedFiles(): IngestBatch[] {
  if (!droppedBatches) {
    const hashes = new Set<string>();
    droppedBatches = [];
    for (const { path, name } of droppedFiles()) {
      const batch = parseFile(path, { name });
      if (!hashes.has(batch.hash)) droppedBatches.push(batch);
      hashes.add(batch.hash);
    }
  }
  return droppedBatches;
}

function batchTitle(sample: string): string {
  return parseFile(SAMPLES_DIR + sample).papers[0]!.title;
}

const WAIT = { timeout: 15_000 };

describe('web mode in real Chromium', () => {
  let web: WebModeProcess;
  let browser: BrowserContext;
  let page: Page;
  let folder: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    folder = await makeTempDir('e2e-inbox');
    web = await startWebMode(folder, await makeTempDir('e2e-config'));
    browser = await launchChromium(await makeTempDir('e2e-profile'));
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${error.message}\n${error.stack ?? ''}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  const papers = () => page.getByRole('list', { name: 'Papers' }).getByRole('listitem');
  const count = (filter: 'all' | 'unread' | 'starred') => page.getByTestId(`count-${filter}`).textContent();
  const row = (title: string) => papers().filter({ hasText: title }).getByRole('button');
  const reader = () => page.getByRole('article');
  const sidebarSection = (title: string) => page.getByRole('navigation', { name: 'Library' }).getByRole('region', { name: title });
  const sourceButton = (file: string) => sidebarSection('Sources').getByRole('button', { name: new RegExp(`^${file.replaceAll('.', '\\.')}`, 'u') });
  const listSize = () => papers().first().getAttribute('aria-setsize');
  const sortedTitles = (of: Paper[]) => of.map((paper) => paper.title).sort();

  /** The titles of every paper the list holds, sorted, read by scrolling it through from the top. */
  const listedTitles = async () => {
    const list = page.getByRole('list', { name: 'Papers' });
    const total = Number(await listSize());
    const titles = new Map<number, string>();
    const rowsShown = () =>
      list
        .getByRole('listitem')
        .evaluateAll((slots) => slots.map((slot) => ({ at: Number(slot.getAttribute('aria-posinset')), title: slot.querySelector('.paper-row-title')?.getAttribute('title') ?? null })));
    /** Takes in the rows on screen once they have loaded; true when some were not taken in before. */
    const takeInRows = async () => {
      const rows = await rowsShown();
      if (rows.some((row) => row.title === null)) return false;
      const before = titles.size;
      for (const { at, title } of rows) titles.set(at, title!);
      return titles.size > before;
    };
    await list.evaluate((element) => element.scrollTo(0, 0));
    await expect.poll(takeInRows, WAIT).toBe(true);
    while (titles.size < total) {
      await list.evaluate((element) => element.scrollBy(0, element.clientHeight));
      await expect.poll(takeInRows, WAIT).toBe(true);
    }
    return [...titles.values()].sort();
  };

  it('opens on the empty state, which names the watched folder', async () => {
    await page.goto(web.url);
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await page.getByRole('heading', { name: 'No papers yet' }).waitFor(WAIT);
    await expect(page.getByRole('button', { name: 'Add sample feeds' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.empty-state code').textContent()).resolves.toBe(folder);
  });

  it('shows the papers of a seed file dropped into the folder', async () => {
    await copyFile(SEEDS_DIR + SEED_FILES[0], `${folder}/${SEED_FILES[0]}`);
    await expect.poll(() => count('all'), WAIT).toBe('60');
    await expect.poll(() => count('unread')).toBe('60');
    await papers().first().waitFor(WAIT);
  });

  it('shows a title with a literal <SEG> as text, not markup', async () => {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('SEG');
    await row('Reasoning to Attend: Try to Understand How <SEG> Token Works').waitFor(WAIT);
    await expect(page.locator('seg').count()).resolves.toBe(0);
  });

  it('narrows the list when searching "tokenizer"', async () => {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('tokenizer');
    await expect.poll(() => page.locator('.search-summary').textContent(), WAIT).toMatch(/papers match “tokenizer”/u);
    await expect.poll(() => page.locator('.paper-row-loading').count()).toBe(0);
    const titles = await page.locator('.paper-row-title').allTextContents();
    expect(titles.length).toBeGreaterThan(3);
    expect(titles).toContain('Zero-Shot Tokenizer Transfer');
    expect(titles).not.toContain('Linking Representations with Multimodal Contrastive Learning');
    await expect(page.locator('.search-summary').textContent()).resolves.toBe(`${titles.length} papers match “tokenizer”`);
    await expect(page.locator('.paper-row-title mark').first().textContent()).resolves.toMatch(/^tokeniz/iu);
  });

  it('opens a paper, which marks it read, and stars it', async () => {
    await row('Zero-Shot Tokenizer Transfer').click();
    await reader().getByRole('heading', { name: 'Zero-Shot Tokenizer Transfer' }).waitFor(WAIT);
    const readToggle = reader().getByRole('button', { name: 'Mark as unread' });
    await readToggle.waitFor(WAIT);
    await expect(readToggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => count('unread')).toBe('59');

    await reader().getByRole('button', { name: 'Star', exact: true }).click();
    const unstar = reader().getByRole('button', { name: 'Unstar' });
    await unstar.waitFor(WAIT);
    await expect(unstar.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => count('starred')).toBe('1');
    await expect(reader().locator('.reader-abstract mark').first().textContent(WAIT)).resolves.toMatch(/^tokeniz/iu);
  });

  it('keeps the star and the read state across a reload', async () => {
    await page.reload();
    await expect.poll(() => count('all'), WAIT).toBe('60');
    await expect.poll(() => count('starred')).toBe('1');
    await expect.poll(() => count('unread')).toBe('59');
    await page.getByRole('button', { name: /^Starred \d+$/u }).click();
    await expect.poll(() => papers().count()).toBe(1);
    await row('Zero-Shot Tokenizer Transfer').click();
    await reader().getByRole('button', { name: 'Unstar' }).waitFor(WAIT);
    await expect(reader().getByRole('button', { name: 'Mark as unread' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('merges the second seed file into 89 papers without touching the marks', async () => {
    await copyFile(SEEDS_DIR + SEED_FILES[1], `${folder}/${SEED_FILES[1]}`);
    await expect.poll(() => count('all'), WAIT).toBe('89');
    await expect.poll(() => count('starred')).toBe('1');
    await expect.poll(() => count('unread')).toBe('88');
    await page.getByRole('button', { name: /^All \d+$/u }).click();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('Next-X Prediction');
    await row('Beyond Next-Token: Next-X Prediction').click();
    await reader().getByText(SEED_FILES[1]).waitFor(WAIT);
    await expect(reader().getByText(SEED_FILES[0]).count()).resolves.toBe(1);
  });

  it('lists one file’s papers when that source is chosen, and every paper again after', async () => {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    await sourceButton(SEED_FILES[1]).click();
    await expect.poll(listSize, WAIT).toBe(String(parseFile(SEEDS_DIR + SEED_FILES[1]).papers.length));
    await expect(sourceButton(SEED_FILES[1]).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Show every source' }).click();
    await expect.poll(listSize, WAIT).toBe('89');
  });

  it('reads other formats beside it: arXiv math typeset, journal HTML sanitized, a bad file named', async () => {
    for (const name of ['arxiv-rss2-2024.xml', 'biorxiv-rss1-rdf.xml']) await copyFile(SAMPLES_DIR + name, `${folder}/${name}`);
    await writeFile(`${folder}/paper.pdf`, Buffer.from('%PDF-1.7\n\u0000\u0001 binary'));
    await expect.poll(() => count('all'), WAIT).toBe('91');
    await page.getByText('1 file could not be read in full').click();
    await page.getByText('paper.pdf: not a recognised feed: the file is binary').waitFor(WAIT);

    await page.getByRole('searchbox', { name: 'Search papers' }).fill('rescaled integral functionals');
    await row('Mass concentration in rescaled first order integral functionals').click();
    await reader().getByRole('link', { name: 'PDF' }).waitFor(WAIT);
    await expect(reader().getByRole('link', { name: 'PDF' }).getAttribute('href')).resolves.toBe('https://arxiv.org/pdf/2203.01250');
    // The abstract's typesetting loads with the first paper opened.
    await reader().locator('.reader-abstract math').first().waitFor(WAIT);
    await expect(reader().locator('.reader-abstract math').count()).resolves.toBeGreaterThan(3);

    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(batchTitle('biorxiv-rss1-rdf.xml'));
    await row(batchTitle('biorxiv-rss1-rdf.xml')).click();
    await reader().getByRole('heading', { name: batchTitle('biorxiv-rss1-rdf.xml') }).waitFor(WAIT);
    await expect.poll(() => reader().locator('.reader-abstract').textContent(), WAIT).toMatch(/\S{3}/u);
    await expect(reader().locator('.reader-abstract script, .reader-abstract img').count()).resolves.toBe(0);
  });

  it(`holds one record per paper for every feed in ${HAS_SHARED ? '../shared' : 'test/fixtures'}, as many as the CLI merge gives`, async () => {
    await cp(ALL_FEEDS, `${folder}/all-feeds`, { recursive: true, filter: isFeed });
    const expected = mergeCatalog(batchesOfDroppedFiles().flatMap((batch) => batch.papers)).length;
    await expect.poll(() => count('all'), { timeout: 90_000, interval: 500 }).toBe(String(expected));
    await expect.poll(() => count('starred')).toBe('1');
  }, 120_000);

  it('offers every category, lists one category’s papers when it is chosen, within a chosen source too, and every paper again after', async () => {
    const library = mergeCatalog(batchesOfDroppedFiles().flatMap((batch) => batch.papers));
    const categories = [...new Set(library.flatMap((paper) => paper.categories))].sort();
    const offered = () => sidebarSection('Categories').locator('.sidebar-label').allTextContents();
    await expect.poll(async () => (await offered()).map((label) => label.split(' — ')[0]).sort(), WAIT).toEqual(categories);
    expect(await offered()).toContain('cs.CL — Computation and Language');
    const category = sidebarSection('Categories').getByRole('button', { name: /^cs\.CL — / });

    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    const inCategory = library.filter((paper) => paper.categories.includes('cs.CL'));
    await expect(category.textContent()).resolves.toBe(`cs.CL — Computation and Language ${inCategory.length} unread`);
    await category.click();
    await expect.poll(listSize, WAIT).toBe(String(inCategory.length));
    expect(await listedTitles()).toEqual(sortedTitles(inCategory));

    // With the file that lists the most of them as the source, the list holds what both hold.
    const listedIn = (file: string) => (paper: Paper) => paper.listings.some((listing) => listing.file === file);
    const inCategoryByFile = new Map<string, number>();
    for (const file of inCategory.flatMap((paper) => [...new Set(paper.listings.map((listing) => listing.file))])) {
      inCategoryByFile.set(file, (inCategoryByFile.get(file) ?? 0) + 1);
    }
    const [file] = [...inCategoryByFile].sort((a, b) => b[1] - a[1])[0]!;
    const inBoth = inCategory.filter(listedIn(file));
    expect(inBoth.length).toBeLessThan(Math.min(inCategory.length, library.filter(listedIn(file)).length));
    await sourceButton(file).click();
    await expect.poll(listSize, WAIT).toBe(String(inBoth.length));
    expect(await listedTitles()).toEqual(sortedTitles(inBoth));

    await sourceButton(file).click();
    await category.click();
    await expect.poll(listSize, WAIT).toBe(String(library.length));
  }, 60_000);

  it('saves the search index once ingest is quiet, and answers from it after a restart', async () => {
    const savedHead = () =>
      page.evaluate(
        () =>
          new Promise<{ documentCount: number; parts: number } | null>((resolve, reject) => {
            // The saved index lives in a storage bucket of its own (renderer/search/search-index-database.ts).
            const buckets = (navigator as Navigator & { storageBuckets: { open(name: string): Promise<{ indexedDB: IDBFactory }> } }).storageBuckets;
            void buckets.open('search-index').then((bucket) => {
              const open = bucket.indexedDB.open('paperdrop-search-index');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const read = open.result.transaction('savedIndex').objectStore('savedIndex').get('head');
                read.onsuccess = () => {
                  resolve((read.result as { documentCount: number; parts: number } | undefined) ?? null);
                  open.result.close();
                };
              };
            }, reject);
          }),
      );
    const all = Number(await count('all'));
    await expect.poll(async () => (await savedHead())?.documentCount, { timeout: 60_000, interval: 1000 }).toBe(all);
    const search = page.getByRole('searchbox', { name: 'Search papers' });
    const summary = page.locator('.search-summary');
    await search.fill('language models');
    await expect.poll(() => summary.textContent(), WAIT).toMatch(/^[\d,]+ papers match/u);
    const before = await summary.textContent();

    // The bench times a start's first results by the frame that draws them, as the page notes it.
    await noteResultsDrawn(page);
    const reloadedAt = Date.now();
    await page.reload();
    await search.fill('language models');
    await expect.poll(() => summary.textContent(), WAIT).toBe(before);
    const drawnAt = await resultsDrawnAt(page);
    expect(drawnAt).toBeGreaterThan(reloadedAt);
    expect(drawnAt).toBeLessThan(Date.now());
    await expect(page.locator('.paper-row-title mark').first().textContent()).resolves.toMatch(/^(language|models?)$/iu);
  }, 90_000);

  it('ran without a script error or a policy violation', () => {
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
  });
});
