import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { measureRendererHeap, type RendererHeap } from './cdp-heap';
import { measureColdStart, type ColdStartFigures } from './cold-start';
import { openEmptyApp } from './empty-app';
import type { FeedFile } from './feed-files';
import { watchIngest, type IngestSample } from './ingest-watch';
import { cpuBetween, sampleCpu, sampleCpuWithMachine } from './process-cpu';
import { waitUntilSettled } from './settle';
import { measureTriage, type TriageFigures } from './triage';

export interface BrowserInputs {
  files: readonly FeedFile[];
  expectedPapers: number;
  /** The title of a paper in the last file: typed in full, it should find that paper. */
  lateTitle: string;
  /** A word to search for while the files are ingested. */
  probeQuery: string;
  /** Where the folder, settings and browser profile go. */
  workDir: string;
  ingestTimeoutMs: number;
  log: (line: string) => void;
}

export interface BrowserFigures {
  /** From the first copy until every paper is counted and the late paper is found; null on timeout. */
  ingestSeconds: number | null;
  /** From the first copy until count-all showed every paper; null on timeout. */
  countedSeconds: number | null;
  timeline: IngestSample[];
  /** CPU seconds by process and thread while the files were ingested, with the whole machine's (`machine/all/busy`, `…/steal`) and the bench's own (`bench/main/process`). */
  ingestCpuSeconds: Record<string, number>;
  heapAfterIngest: RendererHeap;
  /** How long after the ingest the app went idle (e.g. the index saved), before the cold start. */
  settledSeconds: number | null;
  coldStart: ColdStartFigures;
  coldStartCpuSeconds: Record<string, number>;
  /** j and s timed after the cold start, in the full library; null when it could not run. */
  triage: TriageFigures | null;
  pageErrors: string[];
  notes: string[];
}

const SETTLE_TIMEOUT_MS = 5 * 60_000;
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Web mode in real Chromium: drops the files into an empty folder and times the app taking them in, then a cold start, then triage keys. */
export async function runInBrowser(inputs: BrowserInputs): Promise<BrowserFigures> {
  const { files, expectedPapers, lateTitle, workDir, log } = inputs;
  const app = await openEmptyApp(workDir);
  const { folder, indexedDbDir, context, page, trees, pageErrors } = app;
  const notes: string[] = [];
  try {
    // With the machine's and the bench's own CPU: anything else busy during the ingest slows it.
    const cpuBefore = sampleCpuWithMachine(trees);
    const started = performance.now();
    for (const file of files) await copyFile(file.path, join(folder, file.name));
    log(`copied ${files.length} files in ${seconds(started).toFixed(1)} s; waiting for ${expectedPapers} papers`);

    const { countedSeconds, timeline } = await watchIngest(page, {
      ...{ expectedPapers, started, timeoutMs: inputs.ingestTimeoutMs, probeQuery: inputs.probeQuery, log },
      indexedDbDir,
    });
    let ingestSeconds: number | null = null;
    if (countedSeconds === null) {
      notes.push(`ingest timed out after ${inputs.ingestTimeoutMs / 1000} s with ${timeline.at(-1)?.papers ?? 0} of ${expectedPapers} papers counted`);
    } else {
      await page.getByRole('searchbox', { name: 'Search papers' }).fill(lateTitle);
      const remaining = Math.max(1000, inputs.ingestTimeoutMs - seconds(started) * 1000);
      try {
        await page.locator('.paper-row', { hasText: lateTitle }).first().waitFor({ timeout: remaining });
        ingestSeconds = seconds(started);
      } catch {
        notes.push(`the last file's paper "${lateTitle}" was not found by its title within the ingest timeout`);
      }
    }
    const ingestCpuSeconds = cpuBetween(cpuBefore, sampleCpuWithMachine(trees));
    log(`ingest: ${ingestSeconds?.toFixed(1) ?? 'timed out'} s; waiting for the app to go idle`);

    const settledSeconds = await waitUntilSettled(trees, indexedDbDir, SETTLE_TIMEOUT_MS);
    if (settledSeconds === null) notes.push(`the app was still busy ${SETTLE_TIMEOUT_MS / 1000} s after the ingest; the cold start interrupted it`);
    log(`settled ${settledSeconds?.toFixed(1) ?? 'never'} s after the ingest; measuring the heap, then a cold start`);
    const heapAfterIngest = await measureRendererHeap(context, page);
    const coldCpuBefore = sampleCpu(trees);
    const settleBetweenStarts = async () => {
      if ((await waitUntilSettled(trees, indexedDbDir, SETTLE_TIMEOUT_MS)) === null) notes.push('the app was still busy between the two cold starts');
    };
    const coldStart = await measureColdStart(context, page, lateTitle, settleBetweenStarts);
    const coldStartCpuSeconds = cpuBetween(coldCpuBefore, sampleCpu(trees), 0.1);
    log('measuring triage: j and s in the full library');
    const triage = await measureTriage(page, log).catch((error: unknown) => {
      notes.push(`triage could not run: ${(error as Error).message.split('\n')[0]}`);
      return null;
    });
    return {
      ...{ ingestSeconds, countedSeconds, timeline, ingestCpuSeconds, heapAfterIngest, settledSeconds, coldStart, coldStartCpuSeconds, triage },
      ...{ pageErrors, notes: [...notes, ...coldStart.notes] },
    };
  } finally {
    await app.close();
  }
}
