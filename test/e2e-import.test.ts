import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';
import { openWebSession, type WebSession } from './web-session';

const WAIT = { timeout: 20_000 };

/**
 * Import in real Chromium against `npm run web`: files dropped onto the window and files picked
 * with "Import files…" (i) are sent over the bridge, land in the watched folder and are read.
 * Needs ImportDropZone and useImport wired into App.tsx (see docs/import.md).
 */
describe('importing files in real Chromium', () => {
  let session: WebSession;
  let page: Page;
  let folder: string;
  let takeChooser: (chooser: FileChooser) => void = () => {};

  beforeAll(async () => {
    session = await openWebSession('import');
    ({ page, folder } = session);
    // Playwright has Chromium hand it file choosers once a listener is added, over DevTools: a
    // listener added just before the key press may come after it, and the chooser is missed
    // (puppeteer#6040). This one is added long before.
    page.on('filechooser', (chooser) => takeChooser(chooser));
  });

  afterAll(() => session?.close());

  const status = () => page.locator('.ingest-status').textContent();

  /** A DataTransfer in the page holding these files, as a drag from the file manager carries. */
  async function filesTransfer(files: { name: string; bytes: Buffer }[]) {
    return page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of list) {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], name));
      }
      return transfer;
    }, files.map(({ name, bytes }) => ({ name, base64: bytes.toString('base64') })));
  }

  it('shows the overlay while files hover, and imports the files dropped onto the window', async () => {
    await expect.poll(() => page.locator('.empty-state').isVisible(), WAIT).toBe(true);
    const bytes = await readFile(SEEDS_DIR + SEED_FILES[0]);
    const dataTransfer = await filesTransfer([{ name: '../daily papers.txt', bytes }]);
    await page.dispatchEvent('main, .empty-state', 'dragenter', { dataTransfer });
    await page.dispatchEvent('main, .empty-state', 'dragover', { dataTransfer });
    await expect.poll(() => page.getByText('Drop feed files to import').isVisible()).toBe(true);
    if (process.env.IMPORT_SHOTS) await page.screenshot({ path: join(process.env.IMPORT_SHOTS, 'overlay.png') });
    await page.dispatchEvent('main, .empty-state', 'drop', { dataTransfer });
    await expect.poll(() => page.getByText('Drop feed files to import').count()).toBe(0);
    // The watcher waits a second for the file to be still: meanwhile the progress line names it.
    await expect.poll(() => page.getByTestId('import-progress').textContent(), WAIT).toBe('Importing: 0 of 1 file done, 0 papers stored — reading daily papers.txt');
    if (process.env.IMPORT_SHOTS) await page.screenshot({ path: join(process.env.IMPORT_SHOTS, 'progress.png') });
    await expect.poll(() => page.getByTestId('count-all').textContent(), WAIT).toBe('60');
    await expect.poll(status, WAIT).toBe('Imported 1 file: 60 papers');
    expect(await readdir(folder)).toEqual(['daily papers.txt']);
    expect((await readFile(join(folder, 'daily papers.txt'))).equals(bytes)).toBe(true);
  });

  it('says a file dropped again is in the library already, and keeps both copies', async () => {
    const dataTransfer = await filesTransfer([{ name: 'daily papers.txt', bytes: await readFile(SEEDS_DIR + SEED_FILES[0]) }]);
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect.poll(status, WAIT).toBe('Imported 1 file: 0 papers; already in the library: daily papers (2).txt');
    expect((await readdir(folder)).sort()).toEqual(['daily papers (2).txt', 'daily papers.txt']);
  });

  it('opens the picker with i, and imports what is picked', async () => {
    // Shortcuts are not taken in a text field: whatever holds the focus lets it go first (body.focus() alone does not).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const chosen = new Promise<FileChooser>((resolve, reject) => {
      takeChooser = resolve;
      setTimeout(() => reject(new Error(`no file chooser within ${WAIT.timeout} ms of pressing i`)), WAIT.timeout);
    });
    await page.keyboard.press('i');
    const chooser = await chosen;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(SEEDS_DIR + SEED_FILES[1]);
    await expect.poll(status, WAIT).toMatch(/^Imported 1 file: \d+ papers$/u);
    expect(await readdir(folder)).toContain(SEED_FILES[1]);
    await expect.poll(async () => Number(await page.getByTestId('count-all').textContent()), WAIT).toBeGreaterThan(60);
  });

  it('names a refused file in the status line', async () => {
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      // A 51 MB file of zeros: refused by its size before a byte is sent.
      transfer.items.add(new File([new Uint8Array(51 * 1024 * 1024)], 'huge.xml'));
      return transfer;
    });
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect.poll(status, WAIT).toBe('"huge.xml" is 51 MB: files over 50 MB are not imported');
    expect(await readdir(folder)).not.toContain('huge.xml');
    expect(session.pageErrors).toEqual([]);
  });
});
