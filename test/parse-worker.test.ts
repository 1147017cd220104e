import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readIngestBatch, describeFile } from '../electron/core/folder-file';
import { createInlineParser } from '../electron/core/parse-job';
import { createWorkerParser, type WorkerParser } from '../electron/core/worker-parser';
import { MAX_FEED_BYTES } from '../shared/text/limits';
import { SHARED_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';

const WORKER = new URL('../dist/electron/parse-worker.js', import.meta.url);
const BIG_FEED = `${SHARED_DIR}feeds/real/StringologyTimes/arxiv@11ba871_2024-07-20.xml`;

let worker: WorkerParser | null = null;
afterEach(async () => {
  await worker?.close();
  worker = null;
});

function job(path: string) {
  return { file: 'big.xml', hash: 'h', bytes: readFileSync(path), modifiedAt: new Date(), seenAt: new Date() };
}

describe('the parse worker', () => {
  it('parses off the main thread: main keeps running while a 4 MB feed is parsed', async () => {
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
    const input = job(`${SHARED_DIR}feeds/samples/arxiv-api-atom-entry-affiliation-doi.xml`);
    expect(await worker.parse(input)).toEqual(await createInlineParser()(input));
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
