import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderArxivRss } from './bench/arxiv-feeds';
import { measureRendererHeap } from './bench/cdp-heap';
import { heapAfterGcMB } from './node-memory';
import { storedGeneration } from './page-marks';
import { openWebSession, type WebSession } from './web-session';

/** The whole 10,000, in `npm test` too (about six minutes beside the other files: docs/long-run.md); PAPERDROP_LONG_RUN_FILES=2000, say, for a quicker look. */
const FILES = Number(process.env.PAPERDROP_LONG_RUN_FILES ?? 10_000);
const ROUNDS = 5;
const FILES_PER_ROUND = Math.ceil(FILES / ROUNDS);
/** The papers every file lists some of: the library stops growing after the first round. */
const POOL = 2000;
const PAPERS_PER_FILE = 4;
/** Growth allowed from the end of the second round to the end of the last, in KB per file stored meanwhile. */
const FLAT_KB_PER_FILE = { page: 4, worker: 1, main: 8 };

/** File `file` lists PAPERS_PER_FILE papers of the pool; its channel names it, so that no two files are the same. */
function poolFile(file: number): string {
  const records = Array.from({ length: PAPERS_PER_FILE }, (_unused, index) => {
    const paper = (file * PAPERS_PER_FILE + index) % POOL;
    return {
      id: `2410.${String(paper).padStart(5, '0')}`,
      title: `Pooled paper ${paper} on long runs`,
      abstract: `The long run lists paper ${paper} again and again.`,
      authors: ['L. Runner'],
      published: `2024-10-${String(1 + (paper % 28)).padStart(2, '0')}`,
      categories: ['cs.DL'],
      source_repo: 'long run',
    };
  });
  return renderArxivRss(records, `cs.DL file ${file}`);
}

interface RoundFigures {
  files: number;
  seconds: number;
  pageMB: number;
  workerMB: number;
  mainMB: number;
}

/**
 * The long run: files dropped a round at a time into web mode (10,000 in five rounds), with the page
 * open in Chromium. After each round, once every file is stored, the page's and the search worker's heaps
 * are measured after a full GC, and web mode's (heap and buffers) after one too. The files list papers from a fixed
 * pool, so after the first round the library holds the same papers while every file is still read,
 * stored and indexed: memory that keeps growing is a leak.
 */
describe(`a long run of ${FILES} files, in real Chromium`, () => {
  let session: WebSession;

  beforeAll(async () => {
    session = await openWebSession('long-run', [], { inspect: true });
    await session.page.getByRole('heading', { name: 'No papers yet' }).waitFor({ timeout: 15_000 });
  });

  afterAll(() => session?.close());

  it('stores every file, and the renderer and main memory stay flat', { timeout: 1_500_000 }, async () => {
    const { page, folder, browser, web } = session;
    const rounds: RoundFigures[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      const first = round * FILES_PER_ROUND;
      for (let file = first; file < first + FILES_PER_ROUND; file += 1) await writeFile(join(folder, `file-${String(file).padStart(5, '0')}.xml`), poolFile(file));
      await expect.poll(() => storedGeneration(page), { timeout: 600_000, interval: 500 }).toBe(first + FILES_PER_ROUND);
      const seconds = (performance.now() - started) / 1000;
      const heap = await measureRendererHeap(browser, page);
      rounds.push({ files: first + FILES_PER_ROUND, seconds, pageMB: heap.pageMB, workerMB: heap.workersMB.reduce((sum, each) => sum + each, 0), mainMB: await heapAfterGcMB(web) });
    }

    console.log(
      [
        `long run: ${ROUNDS * FILES_PER_ROUND} files of ${PAPERS_PER_FILE} papers from a pool of ${POOL}, ${FILES_PER_ROUND} a round`,
        'files stored | round s | page MB | search worker MB | web mode (main) heap MB',
        ...rounds.map(({ files, seconds, pageMB, workerMB, mainMB }) => `${files} | ${seconds.toFixed(1)} | ${pageMB.toFixed(1)} | ${workerMB.toFixed(1)} | ${mainMB.toFixed(1)}`),
      ].join('\n'),
    );
    expect(Number(await page.getByTestId('count-all').textContent())).toBe(POOL);
    // From the end of the second round, once caches and the index's segments have filled, memory grows only by what each file adds.
    const [warm, last] = [rounds[1]!, rounds.at(-1)!];
    const kilobytesPerFile = (from: number, to: number) => ((to - from) * 1024) / (last.files - warm.files);
    const growth = {
      page: kilobytesPerFile(warm.pageMB, last.pageMB),
      worker: kilobytesPerFile(warm.workerMB, last.workerMB),
      main: kilobytesPerFile(warm.mainMB, last.mainMB),
    };
    console.log(`growth after the second round, KB per file: page ${growth.page.toFixed(2)}, search worker ${growth.worker.toFixed(2)}, web mode ${growth.main.toFixed(2)}`);
    expect(growth.page).toBeLessThan(FLAT_KB_PER_FILE.page);
    expect(growth.worker).toBeLessThan(FLAT_KB_PER_FILE.worker);
    expect(growth.main).toBeLessThan(FLAT_KB_PER_FILE.main);
    expect(session.pageErrors).toEqual([]);
  });
});
