import type { Page } from 'playwright-core';

/** The search summary once it holds results: "N papers match", N ≥ 1. */
export const HAS_RESULTS = /^[1-9][\d,]* papers? match/u;

/**
 * Makes every load of the page note the frame that first draws search results, in ms since 1970
 * (`resultsDrawnAt`): a MutationObserver sees the summary change as React commits it, and the next
 * animation frame draws it. Playwright's own polls run as tasks on the page's thread, so they wait
 * behind the page's work after an answer (80–170 ms tasks at a start); the frame comes before it.
 */
export async function noteResultsDrawn(page: Page): Promise<void> {
  await page.addInitScript((pattern) => {
    const hasResults = new RegExp(pattern, 'u');
    const observer = new MutationObserver(() => {
      if (!hasResults.test(document.querySelector('.search-summary')?.textContent ?? '')) return;
      observer.disconnect();
      requestAnimationFrame(() => Object.assign(window, { paperdropResultsDrawn: performance.timeOrigin + performance.now() }));
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  }, HAS_RESULTS.source);
}

/** When this load of the page first drew search results, in ms since 1970; null until it has. */
export function resultsDrawnAt(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as Window & { paperdropResultsDrawn?: number }).paperdropResultsDrawn ?? null);
}
