import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { freePort } from './free-port';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';
import { startWebMode, type WebModeProcess } from './web-mode-process';

const WAIT = { timeout: 15_000 };
const RECONNECTING = 'Disconnected from Paperdrop; reconnecting…';
const REFUSED = 'This link no longer opens Paperdrop: web mode was given a new one. Open the link it printed in its terminal.';

describe('web mode restarted under an open tab, in real Chromium', () => {
  let scratch: string;
  let folder: string;
  let configDir: string;
  let port: number;
  let web: WebModeProcess | undefined;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'e2e-restart-'));
    folder = join(scratch, 'inbox');
    configDir = join(scratch, 'config');
    port = await freePort();
    browser = await launchChromium(join(scratch, 'profile'));
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  const status = () => page.locator('.folder-bar').getByRole('status').textContent();
  const restart = async (args: string[] = []) => {
    await web?.stop();
    web = await startWebMode(folder, configDir, { port, args });
    return web.url;
  };

  it('reconnects the same tab by itself, without a reload, and keeps receiving papers', async () => {
    const firstUrl = await restart();
    await page.goto(firstUrl);
    await page.getByRole('heading', { name: 'No papers yet' }).waitFor(WAIT);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    await web!.stop();
    await expect.poll(status, WAIT).toBe(RECONNECTING);
    const secondUrl = await restart();
    await expect.poll(status, WAIT).not.toBe(RECONNECTING);
    expect(secondUrl).toBe(firstUrl);

    await copyFile(SEEDS_DIR + SEED_FILES[0], join(folder, SEED_FILES[0]));
    await expect.poll(() => page.getByTestId('count-all').textContent(), WAIT).toBe('60');
    await expect(page.evaluate(() => 'notReloaded' in window)).resolves.toBe(true);
  });

  it('refuses the old link after --new-token, says so in the open tab, and lets the new link in', async () => {
    const oldUrl = web!.url;
    const newUrl = await restart(['--new-token']);
    expect(newUrl).not.toBe(oldUrl);
    expect((await browser.request.get(oldUrl)).status()).toBe(403);
    await expect.poll(status, WAIT).toBe(REFUSED);

    await page.goto(newUrl);
    await expect.poll(() => page.getByTestId('count-all').textContent(), WAIT).toBe('60');
    expect((await browser.request.get(newUrl)).status()).toBe(200);
  });
});
