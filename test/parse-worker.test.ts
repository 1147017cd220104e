import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { readIngestBatch, describeFile } from '../electron/core/folder-file';
import { createInlineParser } from '../electron/core/parse-job';
import { createWorkerParser, PARSE_BUDGET, type ParseReply, type WorkerParser } from '../electron/core/worker-parser';
import { MAX_FEED_BYTES } from '../shared/text/limits';
import { journalRss } from './journal-feed';
import { missingShared, SAMPLES_DIR, SHARED_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';

const WORKER = new URL('../dist/electron/parse-worker.js', import.meta.url);
/** The whole StringologyTimes crawl, 4 MB: only ../shared has it. */
const BIG_FEED = `${SHARED_DIR}feeds/real/StringologyTimes/arxiv@11ba871_2024-07-20.xml`;
const NO_BIG_FEED = missingShared('the parse worker’s 4 MB feed is the whole StringologyTimes crawl in ../shared/feeds/real');

let worker: WorkerParser | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
});

function job(path: string) {
  return { file: 'big.xml', hash: 'h', bytes: readFileSync(path), modifiedAt: new Date(), seenAt: new Date() };
}

function journalJob(items: number) {
  return { file: 'journal.xml', hash: 'j', bytes: new TextEncoder().encode(journalRss(items)), modifiedAt: new Date(), seenAt: new Date() };
}

const SMALL_FEED = `${SAMPLES_DIR}arxiv-api-atom-entry-affiliation-doi.xml`;

describe('the parse worker', () => {
  it.skipIf(NO_BIG_FEED)('parses off the main thread: main keeps running while a 4 MB feed is parsed', async () => {
    if (!existsSync(WORKER)) throw new Error('The parse worker is not built: run `npm run build` first (`npm test` does).');
    worker = createWorkerParser(WORKER);
    const events: string[] = [];
    const parsed = worker.parse(job(BIG_FEED)).then((batch) => {
      events.push('parsed');
      return batch;
    });
    setImmediate(() => events.push('main ran'));
    const batch = await parsed;
    expect(events).toEqual(['main ran', 'parsed']);
    expect(batch).toMatchObject({ format: 'arxiv-api', errors: [] });
    expect(batch.papers).toHaveLength(2060);
  });

  it('gives the same batch as parsing inline', async () => {
    worker = createWorkerParser(WORKER);
    const input = job(SMALL_FEED);
    expect(await worker.parse(input)).toEqual(await createInlineParser()(input));
  });

  it('needs memory in proportion to the file: a 1.6 MB journal feed parses in a 192 MB heap', async () => {
    // Each entry's HTML used to keep about 110 KB alive until the whole file was parsed: 2,500 entries needed over 250 MB.
    const bounded = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: 192 } });
    try {
      const reply = new Promise<ParseReply>((resolve, reject) => {
        bounded.once('message', resolve);
        bounded.once('error', reject);
      });
      bounded.postMessage({ job: journalJob(2500) });
      const answer = await reply;
      if (!answer.ok) throw new Error(answer.message);
      expect(answer.batch.papers).toHaveLength(2500);
    } finally {
      await bounded.terminate();
    }
  });
});

describe('the parse budget', () => {
  it('stops a file that needs more memory, with the reason, and parses the next file in a new worker', async () => {
    worker = createWorkerParser(WORKER, { ...PARSE_BUDGET, memoryMb: 48 });
    const [huge, next] = await Promise.allSettled([worker.parse(journalJob(15_000)), worker.parse(job(SMALL_FEED))]);
    expect(huge).toMatchObject({ status: 'rejected', reason: new Error('parsing stopped: the file needed more than 48 MB of memory') });
    expect(next).toMatchObject({ status: 'fulfilled', value: { format: 'arxiv-api', errors: [] } });
  });

  it('stops a file that takes too long, with the reason, and parses the next file in a new worker', async () => {
    worker = createWorkerParser(WORKER, { ...PARSE_BUDGET, seconds: 3, secondsPerMb: 0 });
    // 20,000 entries take some 25 s to parse.
    const [slow, next] = await Promise.allSettled([worker.parse(journalJob(20_000)), worker.parse(job(SMALL_FEED))]);
    expect(slow).toMatchObject({ status: 'rejected', reason: new Error('parsing stopped: the file took longer than 3 s') });
    expect(next).toMatchObject({ status: 'fulfilled', value: { format: 'arxiv-api', errors: [] } });
  });
});

describe('a file over the size limit', () => {
  it('is refused with its size, without being read', async () => {
    const folder = await makeTempDir('big');
    const path = join(folder, 'huge.xml');
    const handle = await open(path, 'w');
    await handle.truncate(MAX_FEED_BYTES + 1024 * 1024);
    await handle.close();
    const file = await describeFile(folder, path);
    const batch = await readIngestBatch(file, () => Promise.reject(new Error('must not parse')));
    expect(batch).toMatchObject({ file: 'huge.xml', format: null, papers: [], errors: [{ file: 'huge.xml', message: 'the file is 51 MB; feeds over 50 MB are not read' }] });
  });
});
