import type { Page } from 'playwright-core';

export interface StoredMark {
  paperId: string;
  read: number;
  readAt: string | null;
  starred: number;
  starredAt: string | null;
}

/** Every mark in the page's own IndexedDB, as the app stored it, by paper id. */
export async function storedMarks(page: Page): Promise<StoredMark[]> {
  const marks = await page.evaluate(
    () =>
      new Promise<StoredMark[]>((resolve, reject) => {
        const opening = indexedDB.open('paperdrop');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const request = opening.result.transaction('states').objectStore('states').getAll();
          request.onsuccess = () => {
            opening.result.close();
            resolve(request.result as StoredMark[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
  return marks.sort((a, b) => a.paperId.localeCompare(b.paperId));
}

/** The library's generation in the page's own IndexedDB: one more for every batch stored, by whichever tab stored it. */
export function storedGeneration(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('paperdrop');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const request = opening.result.transaction('meta').objectStore('meta').get('generation');
          request.onsuccess = () => {
            opening.result.close();
            resolve((request.result as { value: number } | undefined)?.value ?? 0);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
