import { setImmediate as nextTask } from 'node:timers/promises';
import { ingestBatchSteps, type DroppedFile } from '../../shared/ingest-batch';
import type { HtmlTools } from '../../shared/normalize/html-tools';
import type { IngestBatch } from '../../shared/paper';
import type { Steps } from '../../shared/steps';
import { createDomHtmlTools } from './dom-html-tools';

/** Parses one file's bytes into its batch: in a worker thread in the app, inline in the CLI. */
export type ParseFile = (job: DroppedFile) => Promise<IngestBatch>;

/** Parses on the calling thread, an entry per task; the HTML tools are made on first use. */
export function createInlineParser(): ParseFile {
  let html: HtmlTools | null = null;
  return (job) => runTaskByTask(ingestBatchSteps(job, (html ??= createDomHtmlTools())));
}

/**
 * Runs each step in a task of its own. jsdom holds every document it makes in a WeakRef, and V8
 * keeps a WeakRef's target alive until the task that made it ends: parsed in one task, a feed
 * kept the documents of all its entries' HTML, about 110 KB an entry.
 */
async function runTaskByTask<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTask();
  }
}
