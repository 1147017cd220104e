import type { Page } from 'playwright-core';

/** One j or s press as the page saw it. */
export interface KeySample {
  key: string;
  /** From the keydown to the first animation frame after the reader showed the change; null when it never did. */
  readerMs: number | null;
  /** The same for the list: for j its selected row moved on, for s that row's star mark came or went. */
  listMs: number | null;
  /** How long the key waited for the page's main thread: the listener's performance.now() − event.timeStamp. */
  inputDelayMs: number;
  /** For j the next row's title, for s the label the Star button should take. */
  expected: string | null;
  /** What the reader showed when it matched: its title for j, the button's label for s. */
  readerShowed: string | null;
  /** Why the press could not be measured, e.g. no paper open for s. */
  problem: string | null;
}

interface Probe {
  take(timeoutMs: number): Promise<KeySample | null>;
  takeLongestTask(): number;
}

/**
 * Installs, in the page, a capture-phase keydown listener that starts a watch on each j and s
 * (before the app's own listener acts on it), and a MutationObserver that stamps each side with
 * the rAF after the DOM first shows the change: a change counts as seen when it is painted.
 * Self-contained: page.evaluate sends its source.
 */
export function installTriageProbe(): void {
  interface Watch {
    sample: KeySample;
    arrivedAt: number;
    readerShown: () => boolean;
    listShown: () => boolean;
    readerSeen: boolean;
    listSeen: boolean;
    frameAsked: boolean;
    finish: () => void;
    finished: Promise<void>;
  }
  const scope = globalThis as unknown as { __paperdropTriage?: Probe };
  if (scope.__paperdropTriage) return;

  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/gu, ' ').trim() ?? null;
  const paperList = () => document.querySelector('[role="list"][aria-label="Papers"]');
  const rowAt = (index: number) => paperList()?.querySelector(`[role="listitem"][aria-posinset="${index + 1}"] .paper-row`) ?? null;
  const selectedRow = () => paperList()?.querySelector('[aria-current="true"]') ?? null;
  const selectedIndex = () => Number(selectedRow()?.closest('[role="listitem"]')?.getAttribute('aria-posinset') ?? 0) - 1;
  const reader = () => document.getElementById('reader');
  const starButton = () => [...(reader()?.querySelectorAll('button[aria-pressed]') ?? [])].find((button) => /^(un)?star$/iu.test(text(button) ?? '')) ?? null;
  const hasStar = (row: Element) => row.querySelector('[aria-label="starred"], .star-mark') !== null;

  let current: Watch | null = null;
  let longestTaskMs = 0;
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  }).observe({ type: 'longtask' });

  const blankSample = (key: string, inputDelayMs: number): KeySample => ({ key, readerMs: null, listMs: null, inputDelayMs, expected: null, readerShowed: null, problem: null });

  /** j: the row after the selected one (or the first) becomes selected, and the reader shows its title. */
  const watchNext = (sample: KeySample) => {
    const expectedIndex = selectedIndex() + 1;
    sample.expected = rowAt(expectedIndex)?.querySelector('.paper-row-title')?.getAttribute('title') ?? null;
    const readerShown = () => {
      // The row may still be loading when j arrives: read its title each time.
      const title = rowAt(expectedIndex)?.querySelector('.paper-row-title');
      if (!title) return false;
      const candidates = [title.getAttribute('title')?.replace(/\s+/gu, ' ').trim(), text(title)];
      const shown = text(reader()?.querySelector('h2'));
      if (shown === null || !candidates.includes(shown)) return false;
      sample.expected = candidates[0] ?? candidates[1] ?? null;
      sample.readerShowed = shown;
      return true;
    };
    return { readerShown, listShown: () => selectedIndex() === expectedIndex };
  };

  /** s: the reader's Star button flips its aria-pressed, and the selected row's star mark comes or goes. */
  const watchStar = (sample: KeySample) => {
    const [button, row] = [starButton(), selectedRow()];
    if (!button || !row) {
      sample.problem = button ? 'no selected row in the list' : 'no Star button in the reader';
      return null;
    }
    const [wasPressed, wasMarked] = [button.getAttribute('aria-pressed'), hasStar(row)];
    sample.expected = wasPressed === 'true' ? 'Star' : 'Unstar';
    const readerShown = () => {
      const now = starButton();
      if (!now || now.getAttribute('aria-pressed') === wasPressed) return false;
      sample.readerShowed = text(now);
      return true;
    };
    const listShown = () => {
      const now = selectedRow();
      return now !== null && hasStar(now) !== wasMarked;
    };
    return { readerShown, listShown };
  };

  const stamp = (watch: Watch) => {
    const elapsed = Math.round((performance.now() - watch.arrivedAt) * 10) / 10;
    watch.frameAsked = false;
    if (watch.readerSeen) watch.sample.readerMs ??= elapsed;
    if (watch.listSeen) watch.sample.listMs ??= elapsed;
    if (watch.sample.readerMs !== null && watch.sample.listMs !== null) watch.finish();
  };

  const check = () => {
    const watch = current;
    if (!watch) return;
    let newlySeen = false;
    if (!watch.readerSeen && watch.readerShown()) [watch.readerSeen, newlySeen] = [true, true];
    if (!watch.listSeen && watch.listShown()) [watch.listSeen, newlySeen] = [true, true];
    if (newlySeen && !watch.frameAsked) {
      watch.frameAsked = true;
      requestAnimationFrame(() => stamp(watch));
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.repeat || event.ctrlKey || event.altKey || event.metaKey || (event.key !== 'j' && event.key !== 's')) return;
      const arrivedAt = performance.now();
      const sample = blankSample(event.key, Math.round((arrivedAt - event.timeStamp) * 10) / 10);
      let finish = () => {};
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const sides = event.key === 'j' ? watchNext(sample) : watchStar(sample);
      if (!sides) finish();
      const never = () => false;
      current = { sample, arrivedAt, readerShown: sides?.readerShown ?? never, listShown: sides?.listShown ?? never, readerSeen: false, listSeen: false, frameAsked: false, finish, finished };
    },
    { capture: true },
  );

  scope.__paperdropTriage = {
    take: async (timeoutMs) => {
      const watch = current;
      if (!watch) return null;
      await Promise.race([watch.finished, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
      current = null;
      return watch.sample;
    },
    takeLongestTask: () => {
      const longest = longestTaskMs;
      longestTaskMs = 0;
      return Math.round(longest);
    },
  };
}

/** Waits for the last key's change to show (or the timeout) and returns it; null when no j or s reached the page. */
export function takeKeySample(page: Page, timeoutMs: number): Promise<KeySample | null> {
  // Spelled out in each call: page.evaluate sends the function's source alone, without this module.
  return page.evaluate((ms) => (globalThis as unknown as { __paperdropTriage: Probe }).__paperdropTriage.take(ms), timeoutMs);
}

/** The page's longest main-thread task since the last call, in ms (0 when none was over 50 ms). */
export function takeLongestTask(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { __paperdropTriage: Probe }).__paperdropTriage.takeLongestTask());
}
