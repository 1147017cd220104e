import { createRequire } from 'node:module';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, REAL_DIR, SAMPLES_DIR, SEED_FILES, SEEDS_DIR, SHARED_DIR } from './shared-paths';
import { openWebSession, type WebSession } from './web-session';

const WAIT = { timeout: 15_000 };
// The screenshots in the README show the whole daily listing (~300 papers) when ../shared is there; its first lines otherwise.
const DAILY_LISTING = 'daily-arXiv-ai-enhanced/2026-07-01.jsonl';
const FILES = [
  SEEDS_DIR + SEED_FILES[0],
  `${SAMPLES_DIR}arxiv-rss2-2024.xml`,
  HAS_SHARED ? `${SHARED_DIR}feeds/real/${DAILY_LISTING}` : REAL_DIR + DAILY_LISTING,
];
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const asset = (name: string) => fileURLToPath(new URL(`../assets/${name}`, import.meta.url));

/** The light and dark theme as the system picks them, and the dark one as Settings sets it over a light system. */
const THEMES = [
  { name: 'light system', colorScheme: 'light', setting: 'As the system' },
  { name: 'dark system', colorScheme: 'dark', setting: 'As the system' },
  { name: 'dark setting', colorScheme: 'light', setting: 'Dark' },
] as const;

describe('accessibility and layout in real Chromium', () => {
  let session: WebSession;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    session = await openWebSession('a11y');
    ({ page, folder } = session);
  });

  afterAll(() => session?.close());

  const search = () => page.getByRole('searchbox', { name: 'Search papers' });
  const library = () => page.getByRole('navigation', { name: 'Library' });
  // Read from the DOM, not by role: below 900 px the folded sidebar is hidden from the accessibility tree.
  const pressedView = () => page.locator('.sidebar-views [aria-pressed="true"]').textContent();
  type Box = { x: number; y: number; width: number; height: number };
  const box = async (selector: string): Promise<Box> => (await page.locator(selector).first().boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  const readerTitle = () => page.locator('#reader-title').textContent({ timeout: 1000 }).catch(() => null);

  /** The serious and critical violations axe-core finds on the page as it is, one line each. */
  async function audit(view: string): Promise<string[]> {
    // The page's policy refuses inline scripts (addScriptTag); evaluate runs axe's source all the same.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const { violations } = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { resultTypes: ['violations'] });
      return violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    return violations.map((violation) => `${view}: ${violation}`);
  }

  async function setTheme(setting: string) {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel(setting).check();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
  }

  /** Opens the next paper with j, and waits for it in the reader. */
  async function next() {
    const before = await readerTitle();
    await page.keyboard.press('j');
    await expect.poll(readerTitle, WAIT).not.toBe(before);
  }

  it('finds no serious or critical violation on the empty state, light and dark', async () => {
    await page.getByRole('heading', { name: 'No papers yet' }).waitFor(WAIT);
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      found.push(...(await audit(`empty state, ${colorScheme}`)));
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('lists the papers of the files dropped into the folder, one of them starred', async () => {
    for (const file of FILES) await copyFile(file, join(folder, file.split('/').at(-1)!));
    await page.locator('.paper-row').first().waitFor(WAIT);
    await next();
    await page.keyboard.press('s');
    await expect.poll(() => page.getByTestId('count-starred').textContent(), WAIT).toBe('1');
  });

  it.each(THEMES)('finds no serious or critical violation on any view or dialog: $name', async ({ colorScheme, setting }) => {
    await page.emulateMedia({ colorScheme });
    await setTheme(setting);
    const found: string[] = [];
    for (const [keys, view] of [['g a', 'All'], ['g u', 'Unread'], ['g s', 'Starred']] as const) {
      for (const key of keys.split(' ')) await page.keyboard.press(key);
      await expect.poll(pressedView).toMatch(new RegExp(`^${view} \\d+$`, 'u'));
      found.push(...(await audit(view)));
    }
    const category = library().getByRole('button', { name: /^cs\.CL — Computation and Language/u });
    await category.click();
    await expect.poll(() => page.locator('.narrowed').count()).toBe(1);
    found.push(...(await audit('a category chosen')));
    await category.click();
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await next();
    found.push(...(await audit('a paper open')));

    await search().fill('tokenizer');
    await expect.poll(() => page.locator('.search-summary').textContent(), WAIT).toMatch(/match “tokenizer”/u);
    found.push(...(await audit('searching')));
    await search().press('Escape');

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor(WAIT);
    found.push(...(await audit('Keyboard shortcuts')));
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor(WAIT);
    found.push(...(await audit('Settings')));
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menu', { name: 'Export' }).waitFor(WAIT);
    found.push(...(await audit('Export menu')));
    await page.keyboard.press('Escape');

    await setTheme('As the system');
    expect(found, found.join('\n')).toEqual([]);
  });

  it.each([500, 800])('overflows nothing horizontally at %i px wide', async (width) => {
    await page.setViewportSize({ width, height: 800 });
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await next();
    const overflows = await page.evaluate(() => {
      const right = (element: Element) => element.getBoundingClientRect().right;
      const found: string[] = [];
      if (document.documentElement.scrollWidth > innerWidth) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
      for (const element of document.querySelectorAll('.top-bar *, .folder-bar *, .view-controls *, .sidebar *')) {
        if (element.getClientRects().length > 0 && right(element) > innerWidth + 0.5) found.push(`${element.className || element.tagName} ends at ${right(element)} px`);
      }
      for (const row of document.querySelectorAll('.paper-row')) {
        const list = row.closest('.paper-list')!;
        if (right(row) > right(list) + 0.5 || right(list) > innerWidth + 0.5) found.push(`a list row ends at ${right(row)} px`);
        for (const part of row.children) if (right(part) > right(row) + 0.5) found.push(`${part.className} ends at ${right(part)} px, past its row`);
      }
      return found;
    });
    expect(overflows, overflows.join('\n')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows three panes side by side on a wide window, the list under day headers, newest day first', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const [sidebar, list, reader] = (await Promise.all(['.sidebar', '.list-pane', '.reader-pane'].map(box))) as [Box, Box, Box];
    expect(sidebar.width).toBeGreaterThan(150);
    expect(list.x).toBeGreaterThanOrEqual(sidebar.x + sidebar.width);
    expect(reader.x).toBeGreaterThanOrEqual(list.x + list.width);
    expect(await page.getByRole('button', { name: 'Library' }).isVisible()).toBe(false);
    const headers = await page.locator('[role="listitem"] .day-header').allTextContents();
    expect(headers.length).toBeGreaterThan(0);
    const sort = page.getByLabel('Sort');
    await sort.selectOption('oldest');
    await expect.poll(async () => (await page.locator('[role="listitem"] .day-header').allTextContents())[0]).not.toBe(headers[0]);
    await sort.selectOption('newest');
  });

  it('remembers the widths the panes are dragged to, across a reload', async () => {
    const resizer = page.getByRole('separator', { name: 'Resize the list' });
    const before = (await box('.list-pane')).width;
    const handle = (await resizer.boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + 120, handle.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await box('.list-pane')).width - before)).toBe(120);
    await resizer.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Math.round((await box('.list-pane')).width - before)).toBe(104);
    const stored = await resizer.getAttribute('aria-valuenow');
    await page.reload();
    await page.locator('.paper-row').first().waitFor(WAIT);
    await expect(page.getByRole('separator', { name: 'Resize the list' }).getAttribute('aria-valuenow')).resolves.toBe(stored);
    expect(Math.round((await box('.list-pane')).width - before)).toBe(104);
  });

  it('folds the sidebar away below 900 px, and shows it over the list from the Library button', async () => {
    await page.setViewportSize({ width: 800, height: 800 });
    await expect.poll(() => library().isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: 'Library' });
    await toggle.click();
    await expect.poll(() => library().isVisible()).toBe(true);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const found = await audit('the Library over the list at 800 px');
    await library().getByRole('button', { name: /^Unread \d+$/u }).click();
    await expect.poll(() => library().isVisible()).toBe(false);
    await expect.poll(pressedView).toMatch(/^Unread \d+$/u);
    expect(found, found.join('\n')).toEqual([]);
    await page.keyboard.press('g');
    await page.keyboard.press('a');
  });

  it('shows one pane at a time below 600 px: the list, then the paper opened, then the list again', async () => {
    await page.setViewportSize({ width: 500, height: 800 });
    await expect.poll(() => page.locator('.list-pane').isVisible()).toBe(true);
    expect(await page.locator('.reader-pane').isVisible()).toBe(false);
    await page.locator('.paper-row').nth(1).click();
    await expect.poll(() => page.locator('.reader-pane').isVisible()).toBe(true);
    expect(await page.locator('.list-pane').isVisible()).toBe(false);
    const found = await audit('one pane at 500 px, a paper open');
    await next();
    expect(await page.locator('.reader-pane').isVisible()).toBe(true);
    await page.getByRole('button', { name: '← Papers' }).click();
    await expect.poll(() => page.locator('.list-pane').isVisible()).toBe(true);
    expect(found, found.join('\n')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('saves screenshots of the three panes, light and dark, and of the shortcut sheet', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await setTheme('Light');
    await search().fill('tokenizer');
    await page.locator('.paper-row', { hasText: 'Zero-Shot Tokenizer Transfer' }).click();
    await page.getByRole('article').getByRole('heading', { name: 'Zero-Shot Tokenizer Transfer' }).waitFor(WAIT);
    await search().press('Escape');
    await expect.poll(() => page.locator('.paper-row-loading').count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: asset('screenshot.png') });
    await setTheme('Dark');
    await expect.poll(() => page.locator('.paper-row-loading').count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: asset('screenshot-dark.png') });
    await setTheme('Light');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor(WAIT);
    await page.screenshot({ path: asset('screenshot-shortcuts.png') });
  });
});
