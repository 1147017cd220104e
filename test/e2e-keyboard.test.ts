import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedMarks } from './page-marks';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';
import { openWebSession, type WebSession } from './web-session';

const WAIT = { timeout: 15_000 };

describe('keyboard triage in real Chromium', () => {
  let session: WebSession;
  let page: Page;

  beforeAll(async () => {
    session = await openWebSession('keys', [SEEDS_DIR + SEED_FILES[0]]);
    ({ page } = session);
  });

  afterAll(() => session?.close());

  const readerTitle = () => page.locator('#reader-title').textContent({ timeout: 1000 }).catch(() => null);
  const marks = async () => {
    const stored = await storedMarks(page);
    return { read: stored.filter((mark) => mark.read === 1).length, starred: stored.filter((mark) => mark.starred === 1).length };
  };

  it('goes through 50 papers with j, starring every fifth with s and marking every tenth unread again with m', async () => {
    await expect.poll(() => page.getByTestId('count-all').textContent(), WAIT).toBe('60');
    const titles: string[] = [];
    for (let index = 1; index <= 50; index += 1) {
      const before = await readerTitle();
      await page.keyboard.press('j');
      await expect.poll(readerTitle, WAIT).not.toBe(before);
      titles.push((await readerTitle())!);
      if (index % 5 === 0) await page.keyboard.press('s');
      if (index % 10 === 0) await page.keyboard.press('m');
    }
    expect(new Set(titles).size).toBe(50);
    await expect.poll(marks, WAIT).toEqual({ read: 45, starred: 10 });
    await expect.poll(() => page.getByTestId('count-unread').textContent()).toBe('15');
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps the list one Tab stop, and the focus inside it as j moves on', async () => {
    await page.locator('.paper-row[aria-current="true"]').focus();
    const tabStops = await page.locator('.paper-list [tabindex="0"]').count();
    expect(tabStops).toBe(1);
    const unreadBefore = Number(await page.getByTestId('count-unread').textContent());
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('true');
    await expect.poll(async () => Number(await page.getByTestId('count-unread').textContent()), WAIT).toBe(unreadBefore - 1);
  });

  it('in Unread, keeps each opened paper in the list until the view changes', async () => {
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('.sidebar-views [aria-pressed="true"]').textContent()).toMatch(/^Unread \d+$/u);
    const listed = () => page.getByRole('list', { name: 'Papers' }).getByRole('listitem').first().getAttribute('aria-setsize');
    const unreadCount = await page.getByTestId('count-unread').textContent();
    await expect.poll(listed, WAIT).toBe(unreadCount);
    const unreadAtStart = await listed();
    const before = await readerTitle();
    await page.keyboard.press('j');
    await expect.poll(readerTitle, WAIT).not.toBe(before);
    await page.keyboard.press('j');
    await expect.poll(listed).toBe(unreadAtStart);
    await page.keyboard.press('k');
    await expect.poll(listed).toBe(unreadAtStart);
  });

  it('marks everything in view read with Shift+A, and z takes the whole of it back', async () => {
    const before = await marks();
    await page.keyboard.press('Shift+A');
    await expect.poll(marks, WAIT).toEqual({ read: 60, starred: before.starred });
    await page.keyboard.press('z');
    await expect.poll(marks, WAIT).toEqual(before);
  });

  it('opens the dialog "Keyboard shortcuts" with ?, and Esc closes it', async () => {
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor(WAIT);
    await expect(dialog.getByText('Mark everything in view as read').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    expect(session.pageErrors).toEqual([]);
  });
});
