import type { Page } from 'playwright-core';
import { phaseNotes, summarisePhase, TRIAGE_TARGET_P95_MS, type TriagePhase } from './triage-figures';
import { installTriageProbe, takeKeySample, takeLongestTask, type KeySample } from './triage-probe';

export interface TriageFigures {
  targetP95Ms: number;
  measured: string;
  /** The papers in the All view the keys ran in. */
  papersInView: number | null;
  /** The library as ingested: almost every paper unread, so each j also writes a read mark. */
  fresh: TriagePhase | null;
  /** From Shift+A until the Unread count read 0 (it shows at once, before the marks are stored); null when it did not within the timeout. */
  markAllReadSeconds: number | null;
  /** From Shift+A until IndexedDB held a read mark for every paper in view; null when it did not within the timeout. */
  markAllReadStoredSeconds: number | null;
  /** The same keys after Shift+A marked everything read. */
  mostlyRead: TriagePhase | null;
  notes: string[];
}

/** s twice in a row stars a paper and takes the star off again, so both writes are timed. */
const PATTERN = ['j', 's', 'j', 'j', 's', 's'] as const;
const ROUNDS = 25;
const KEY_TIMEOUT_MS = 5000;
/** Between presses, so that one key's work is not still under way when the next arrives. */
const PAUSE_MS = 50;
const MARK_ALL_TIMEOUT_MS = 10 * 60_000;
const VIEW_TIMEOUT_MS = 30_000;
const QUIET_FOR_MS = 2000;
const QUIET_TIMEOUT_MS = 60_000;
const MEASURED =
  'Chromium, web mode, All view, focus on the page body: keydown (capture listener, performance.now()) to the requestAnimationFrame after a MutationObserver saw the change; j: the next row selected / the reader titled as that row; s: the selected row\'s star mark / the reader\'s Star button aria-pressed; one key at a time, 50 ms apart';

const named = (page: Page, pattern: RegExp) => page.getByRole('button', { name: pattern }).first();

async function countOn(page: Page, label: string): Promise<number | null> {
  const name = await named(page, new RegExp(`^${label} [\\d,]+$`, 'u'))
    .evaluate((button) => button.getAttribute('aria-label') ?? button.textContent ?? '', undefined, { timeout: VIEW_TIMEOUT_MS })
    .catch(() => null);
  return name === null ? null : Number(name.replace(/\D/gu, ''));
}

/** An empty search box, the All view, every paper listed, and focus on the page body. */
async function showAllPapers(page: Page): Promise<number | null> {
  const search = page.getByRole('searchbox', { name: 'Search papers' });
  if ((await search.inputValue()) !== '') {
    await search.focus();
    await page.keyboard.press('Escape');
  }
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[type="search"]')?.value === '', null, { timeout: VIEW_TIMEOUT_MS });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await page.getByRole('button', { name: /^All [\d,]+$/u, pressed: true }).first().waitFor({ timeout: VIEW_TIMEOUT_MS });
  const papers = await countOn(page, 'All');
  await page.waitForFunction(
    (all) => {
      const first = document.querySelector('[role="list"][aria-label="Papers"] [role="listitem"]');
      return first?.getAttribute('aria-setsize') === String(all) && first.querySelector('button') !== null;
    },
    papers,
    { timeout: VIEW_TIMEOUT_MS },
  );
  return papers;
}

/** Waits until the page has run no long task for a while, so a phase does not start beside leftover work. */
async function waitForQuietPage(page: Page): Promise<boolean> {
  const started = performance.now();
  await takeLongestTask(page);
  while (performance.now() - started < QUIET_TIMEOUT_MS) {
    await page.waitForTimeout(QUIET_FOR_MS);
    if ((await takeLongestTask(page)) === 0) return true;
  }
  return false;
}

/** Stars turned on minus stars taken off, by the presses that showed their change. */
const netStars = (samples: readonly KeySample[]) =>
  samples.filter((sample) => sample.key === 's' && sample.readerMs !== null).reduce((sum, sample) => sum + (sample.expected === 'Unstar' ? 1 : -1), 0);

async function runPhase(page: Page, name: string, log: (line: string) => void): Promise<{ phase: TriagePhase; notes: string[] }> {
  const notes: string[] = [];
  if (!(await waitForQuietPage(page))) notes.push(`triage, ${name}: the page still ran long tasks ${QUIET_TIMEOUT_MS / 1000} s before the phase`);
  const starredBefore = await countOn(page, 'Starred');
  await takeLongestTask(page);
  const samples: KeySample[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const key of PATTERN) {
      await page.keyboard.press(key);
      const sample = await takeKeySample(page, KEY_TIMEOUT_MS);
      samples.push(sample ?? { key, readerMs: null, listMs: null, inputDelayMs: 0, expected: null, readerShowed: null, problem: 'the key never reached the page' });
      await page.waitForTimeout(PAUSE_MS);
    }
  }
  const phase = summarisePhase(samples, await takeLongestTask(page));
  for (const sample of samples.filter((each) => each.key === 'j').slice(0, 3)) {
    log(`  triage ${name}: j showed "${sample.readerShowed ?? '(nothing)'}" for the next row "${sample.expected ?? '(unknown)'}" in ${sample.readerMs ?? '—'} ms (list ${sample.listMs ?? '—'} ms)`);
  }
  log(`triage ${name}: first shown p95 ${phase.overall.firstShown.p95Ms ?? '—'} ms (j ${phase.j.firstShown.p95Ms ?? '—'}, s ${phase.s.firstShown.p95Ms ?? '—'}), both shown p95 ${phase.overall.bothShown.p95Ms ?? '—'} ms`);

  const expectedStarred = starredBefore === null ? null : starredBefore + netStars(samples);
  const starsSaved = await named(page, new RegExp(`^Starred ${expectedStarred}$`, 'u'))
    .waitFor({ timeout: KEY_TIMEOUT_MS })
    .then(() => true, () => false);
  if (!starsSaved) notes.push(`triage, ${name}: the Starred count did not reach ${expectedStarred ?? '?'} (it read ${await countOn(page, 'Starred')}) after the star changes`);
  return { phase, notes: [...notes, ...phaseNotes(phase, name, KEY_TIMEOUT_MS)] };
}

/** Shift+A in the All view, timed until the Unread count reads 0, and until every read mark is stored. */
async function markAllRead(page: Page, papers: number | null): Promise<{ shown: number | null; stored: number | null }> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  await page.keyboard.press('Shift+A');
  const shown = await named(page, /^Unread 0$/u)
    .waitFor({ timeout: MARK_ALL_TIMEOUT_MS })
    .then(since, () => null);
  const readMarksStored = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('paperdrop');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('states').objectStore('states').index('read').count(1);
            count.onsuccess = () => {
              open.result.close();
              resolve(count.result);
            };
          };
        }),
    );
  let stored: number | null = null;
  while (stored === null && since() * 1000 < MARK_ALL_TIMEOUT_MS) {
    if ((await readMarksStored()) === papers) stored = since();
    else await page.waitForTimeout(250);
  }
  return { shown, stored };
}

/**
 * j and s, one at a time, in the full library: first as ingested, then with everything marked
 * read, timed in the page from the keydown to the reader or the list showing the change.
 */
export async function measureTriage(page: Page, log: (line: string) => void = () => {}): Promise<TriageFigures> {
  const figures: TriageFigures = { targetP95Ms: TRIAGE_TARGET_P95_MS, measured: MEASURED, papersInView: null, fresh: null, markAllReadSeconds: null, markAllReadStoredSeconds: null, mostlyRead: null, notes: [] };
  await page.evaluate(installTriageProbe);
  figures.papersInView = await showAllPapers(page);
  log(`triage: ${figures.papersInView} papers in view; ${ROUNDS * PATTERN.length} presses of ${PATTERN.join(' ')}`);

  const fresh = await runPhase(page, 'fresh', log);
  figures.fresh = fresh.phase;
  figures.notes.push(...fresh.notes);

  const marked = await markAllRead(page, figures.papersInView);
  figures.markAllReadSeconds = marked.shown;
  figures.markAllReadStoredSeconds = marked.stored;
  log(`triage: Shift+A showed everything read in ${marked.shown?.toFixed(1) ?? 'over the timeout'} s, stored in ${marked.stored?.toFixed(1) ?? 'over the timeout'} s`);
  if (figures.markAllReadSeconds === null) {
    figures.notes.push(`triage: the Unread count did not read 0 within ${MARK_ALL_TIMEOUT_MS / 1000} s of Shift+A; the mostly-read phase was skipped`);
    return figures;
  }
  const mostlyRead = await runPhase(page, 'mostly read', log);
  figures.mostlyRead = mostlyRead.phase;
  figures.notes.push(...mostlyRead.notes);
  return figures;
}
