import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebSession, type WebSession } from './web-session';

/**
 * A library left by schema version 1 whose one paper has no listings (test/damaged-library.ts
 * writes the same through Dexie): upgrading it throws. Written with IndexedDB itself, in a page of
 * the app's origin without the app (see pageWithoutApp), once the app's own library is deleted.
 */
function replaceWithUnupgradableLibrary(): Promise<void> {
  const done = (request: IDBRequest) =>
    new Promise<unknown>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
    });
  return (async () => {
    await done(indexedDB.deleteDatabase('paperdrop'));
    // Dexie's version 1 is IndexedDB's version 10.
    const open = indexedDB.open('paperdrop', 10);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('papers', { keyPath: 'id' }).createIndex('sortKey', 'sortKey');
      const states = db.createObjectStore('states', { keyPath: 'paperId' });
      states.createIndex('read', 'read');
      states.createIndex('starred', 'starred');
      const sources = db.createObjectStore('sources', { keyPath: 'hash' });
      sources.createIndex('file', 'file');
      sources.createIndex('seenAt', 'seenAt');
      open.transaction!.objectStore('papers').put({ id: 'damaged', title: 'Damaged', sortKey: '2026-03-11', listings: null });
      open.transaction!.objectStore('states').put({ paperId: 'damaged', read: 1, starred: 1, updatedAt: '2026-03-12T00:00:00.000Z' });
    };
    (await done(open) as IDBDatabase).close();
  })();
}

/**
 * Leaves the app for a blank page of its origin, which Playwright serves: with the app running, any of
 * its reads between the library's deletion and the old library's making reopens the library at the
 * current version, and the old one cannot be made.
 */
async function pageWithoutApp(page: Page, appUrl: string): Promise<void> {
  const blank = new URL('without-the-app', appUrl).href;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Without the app</title>' }));
  await page.goto(blank);
}

/** The library's IndexedDB version, and the marks of its one paper, read with IndexedDB itself. */
function libraryAsItIs(): Promise<{ version: number; marks: unknown }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paperdrop');
    open.onerror = () => reject(open.error ?? new Error('IndexedDB failed'));
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction('states').objectStore('states').get('damaged');
      read.onsuccess = () => {
        resolve({ version: db.version, marks: read.result });
        db.close();
      };
    };
  });
}

describe('a library that cannot be opened, in real Chromium', () => {
  let session: WebSession;

  beforeAll(async () => {
    session = await openWebSession('library-open');
    await session.page.getByRole('heading', { name: 'No papers yet' }).waitFor({ timeout: 15_000 });
  });

  afterAll(() => session?.close());

  it('says so at once, and why, and leaves the library as it was', async () => {
    const { page, web } = session;
    await pageWithoutApp(page, web.url);
    await page.evaluate(replaceWithUnupgradableLibrary);
    await page.goto(web.url);
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(
      /^Paperdrop could not open its library\. .*updating the library to the new version failed; the library was left as it was/u,
    );
    await expect.poll(() => page.locator('.ingest-status').textContent()).not.toMatch(/reconnecting/u);
    expect(await page.evaluate(libraryAsItIs)).toEqual({ version: 10, marks: { paperId: 'damaged', read: 1, starred: 1, updatedAt: '2026-03-12T00:00:00.000Z' } });
    expect(session.pageErrors).toEqual([]);
  }, 60_000);
});
