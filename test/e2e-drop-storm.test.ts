import { appendFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCatalog } from '../shared/merge';
import { renderArxivRss } from './bench/arxiv-feeds';
import { readCorpusSample, type CorpusRecord } from './bench/corpus-reader';
import { parseText } from './parse-file';
import { missingShared } from './shared-paths';
import { storedGeneration } from './page-marks';
import { openWebSession, type WebSession } from './web-session';

const FILES = 1000;
const PAPERS_PER_FILE = 10;
/** Of every 20 files: one written slowly, one renamed mid-copy, one a copy of another under a new name, one deleted before it settles. */
type Kind = 'whole' | 'slow' | 'renamed' | 'duplicate' | 'deleted';
const kindOf = (file: number): Kind => (['slow', 'renamed', 'duplicate', 'deleted'] as const)[file % 20] ?? 'whole';

interface StormFile {
  kind: Kind;
  name: string;
  text: string;
}

/** The storm's files, from the corpus: a duplicate repeats the whole file before it, byte for byte. */
function stormFiles(records: readonly CorpusRecord[]): StormFile[] {
  const files: StormFile[] = [];
  for (let file = 0; file < FILES; file += 1) {
    const kind = kindOf(file);
    const text = kind === 'duplicate' ? files[file - 1]!.text : renderArxivRss(records.slice(file * PAPERS_PER_FILE, (file + 1) * PAPERS_PER_FILE), 'cs.LG');
    files.push({ kind, name: `${kind}-${String(file).padStart(4, '0')}.xml`, text });
  }
  return files;
}

/** Writes one file the way its kind says; resolves once the file is complete, renamed or gone. */
async function drop(folder: string, { kind, name, text }: StormFile): Promise<void> {
  const path = join(folder, name);
  const half = Math.floor(text.length / 2);
  if (kind === 'slow') {
    // Four parts a quarter of a second apart: slower than a copy, faster than the watcher's second of quiet.
    for (let part = 0; part < 4; part += 1) {
      await appendFile(path, text.slice((part * text.length) / 4, ((part + 1) * text.length) / 4));
      await sleep(250);
    }
  } else if (kind === 'renamed') {
    const moving = join(folder, `moving-${name}`);
    await writeFile(moving, text.slice(0, half));
    await sleep(200);
    await rename(moving, path);
    await appendFile(path, text.slice(half));
  } else if (kind === 'deleted') {
    await writeFile(path, text);
    await sleep(100);
    await unlink(path);
  } else {
    await writeFile(path, text);
  }
}

const percentile = (values: readonly number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? NaN;

describe.skipIf(missingShared('the drop storm builds its 1,000 files from ../shared/corpus'))('a storm of 1,000 files dropped at once, in real Chromium', () => {
  let session: WebSession;
  let files: StormFile[];

  beforeAll(async () => {
    const records: CorpusRecord[] = [];
    for await (const record of readCorpusSample(FILES * PAPERS_PER_FILE)) records.push(record);
    files = stormFiles(records);
    session = await openWebSession('storm');
    await session.page.getByRole('heading', { name: 'No papers yet' }).waitFor({ timeout: 15_000 });
  });

  afterAll(() => session?.close());

  it('stores every paper of every complete file exactly once, and answers searches throughout', { timeout: 600_000 }, async () => {
    const { page, folder } = session;
    const complete = files.filter((file) => file.kind !== 'deleted' && file.kind !== 'duplicate');
    const expectedPapers = mergeCatalog(complete.flatMap((file) => parseText(file.text, file.name).papers)).length;
    const titles = complete.map((file) => /<title>([^<]{20,80})/u.exec(file.text.split('<item>')[1] ?? '')?.[1]).filter((title) => title !== undefined);

    const started = performance.now();
    const dropping = Promise.all(files.map((file) => drop(folder, file)));
    // Searches typed while the storm is ingested: each is timed until the summary answers it.
    const searchSeconds: number[] = [];
    const box = page.getByRole('searchbox', { name: 'Search papers' });
    const count = async () => Number(await page.getByTestId('count-all').textContent({ timeout: 1000 }).catch(() => '0'));
    for (let search = 0; (await count()) < expectedPapers && performance.now() - started < 480_000; search += 1) {
      await box.fill('');
      const asked = performance.now();
      await box.fill(titles[(search * 37) % titles.length]!.split(' ').slice(0, 4).join(' '));
      await page.waitForFunction(() => /match/u.test(document.querySelector('.search-summary')?.textContent ?? ''), null, { polling: 20, timeout: 60_000 });
      searchSeconds.push((performance.now() - asked) / 1000);
      await sleep(500);
    }
    await dropping;
    await expect.poll(count, { timeout: 120_000 }).toBe(expectedPapers);
    const ingestSeconds = (performance.now() - started) / 1000;
    // Whatever was going to come late has come once the watcher's quiet second has passed a few times over.
    await sleep(3000);

    const kinds = (['whole', 'slow', 'renamed', 'duplicate', 'deleted'] as const).map((kind) => `${files.filter((file) => file.kind === kind).length} ${kind}`);
    const batches = await storedGeneration(page);
    console.log(
      [
        `drop storm: ${FILES} files (${kinds.join(', ')}), ${complete.length} complete and distinct, ${expectedPapers} distinct papers among them`,
        `stored ${await count()} papers in ${batches} batches, all counted after ${ingestSeconds.toFixed(1)} s`,
        `${searchSeconds.length} searches typed meanwhile, each answered: median ${percentile(searchSeconds, 0.5).toFixed(2)} s, p95 ${percentile(searchSeconds, 0.95).toFixed(2)} s, slowest ${Math.max(...searchSeconds).toFixed(2)} s`,
      ].join('\n'),
    );
    expect(await count()).toBe(expectedPapers);
    expect(batches).toBe(complete.length);
    expect(searchSeconds.length).toBeGreaterThan(0);
    expect(session.pageErrors).toEqual([]);
  });
});
