import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants, readFileSync } from 'node:fs';
import { mkdir, open, readFile, realpath, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFiles } from '../electron/cli/parse-files';
import { createInlineParser } from '../electron/core/parse-job';
import { PaperdropCore, type CoreOptions } from '../electron/core/paperdrop-core';
import { PARSE_BUDGET } from '../electron/core/worker-parser';
import type { IngestBatch } from '../shared/paper';
import { journalRss } from './journal-feed';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';
import { startWebMode, type WebModeProcess } from './web-mode-process';

const SEED = SEEDS_DIR + SEED_FILES[1];
const SEED_PAPERS = 46;
const TWO_GB = 2 * 1024 ** 3;

const cores: PaperdropCore[] = [];
const webModes: WebModeProcess[] = [];
const fifos: string[] = [];
afterEach(async () => {
  // Code that blocks opening a FIFO would keep the core from closing: a writer that comes and goes releases it.
  for (const fifo of fifos.splice(0)) await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).then((handle) => handle.close(), () => undefined);
  for (const web of webModes.splice(0)) web.child.kill('SIGKILL');
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

function mkfifo(path: string): string {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
  fifos.push(path);
  return path;
}

/** A 2 GB file of one hole: it takes no disk, but hashing it reads 2 GB of zeros. */
async function sparseFile(path: string): Promise<string> {
  await writeFile(path, '');
  await truncate(path, TWO_GB);
  return path;
}

/** Bytes this process has read through read(2) and the like, from every thread: Linux's rchar. */
const bytesReadByProcess = () => Number(/^rchar: (\d+)$/mu.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A core on the folder with the real watcher, and the batches a connected renderer is sent. */
async function watchFolder(folder: string, options: Partial<CoreOptions> = {}): Promise<{ core: PaperdropCore; batches: IngestBatch[] }> {
  const core = await PaperdropCore.start({
    configDir: await makeTempDir('config'),
    samplesDir: SEEDS_DIR,
    folder,
    watcher: { stableMs: 300, pollMs: 50 },
    log: () => undefined,
    ...options,
  });
  cores.push(core);
  const batches: IngestBatch[] = [];
  const session = core.connect((channel, payload) => {
    if (channel === 'batch') batches.push(payload as IngestBatch);
  });
  await session.handlers.hello({ knownHashes: [] });
  return { core, batches };
}

async function until(condition: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const byFile = (batches: IngestBatch[]) => Object.fromEntries(batches.map((batch) => [batch.file, batch]));

describe('the watched folder', () => {
  it('lists a FIFO as an error without opening it, and still reads the files after it', async () => {
    const folder = await makeTempDir('inbox');
    mkfifo(join(folder, 'pipe.xml'));
    const { batches } = await watchFolder(folder);
    await writeFile(join(folder, 'later.txt'), await readFile(SEED));
    await until(() => batches.length === 2, 'the FIFO error and the feed after it');

    expect(byFile(batches)['pipe.xml']).toMatchObject({
      format: null,
      papers: [],
      errors: [{ file: 'pipe.xml', message: 'not a regular file but a named pipe (FIFO); only regular files are read' }],
    });
    expect(byFile(batches)['later.txt']!.papers).toHaveLength(SEED_PAPERS);
  });

  it('does not follow links out of the folder, to a file or to a folder, and follows one to a file inside', async () => {
    const outside = await makeTempDir('outside');
    await writeFile(join(outside, 'feed.txt'), await readFile(SEED));
    const folder = await makeTempDir('inbox');
    const seed = await readFile(SEEDS_DIR + SEED_FILES[0]);
    await mkdir(join(folder, 'march'));
    await writeFile(join(folder, 'march', 'day.txt'), seed);
    await symlink('/etc/passwd', join(folder, 'passwd'));
    await symlink(outside, join(folder, 'downloads'));
    await symlink(join(folder, 'march', 'day.txt'), join(folder, 'today.txt'));
    await symlink(join(folder, 'march'), join(folder, 'march-again'));

    const { core, batches } = await watchFolder(folder);
    await sleep(500);
    await core.idle();
    const distinctHashes = (files: { hash: string }[]) => new Set(files.map((file) => file.hash)).size;
    await until(() => distinctHashes(batches) === distinctHashes(core.files()), 'a batch for every file');

    expect(core.files().map((file) => file.name).sort()).toEqual(['downloads', 'march-again', 'march/day.txt', 'passwd', 'today.txt']);
    const sent = byFile(batches);
    expect(sent['passwd']!.errors).toEqual([
      { file: 'passwd', message: 'a link to /etc/passwd, outside the watched folder; links leading out of it are not followed' },
    ]);
    expect(sent['passwd']!.hash).not.toBe(sha256(await readFile('/etc/passwd')));
    expect(sent['downloads']!.errors).toEqual([
      { file: 'downloads', message: `a link to ${await realpath(outside)}, outside the watched folder; links leading out of it are not followed` },
    ]);
    expect(sent['march-again']!.errors).toEqual([{ file: 'march-again', message: 'not a regular file but a folder; only regular files are read' }]);
    // The link inside is read: it names the same content as its target. Nothing from outside is.
    expect(core.files().find((file) => file.name === 'today.txt')!.hash).toBe(sha256(seed));
    expect(new Set(batches.filter((batch) => batch.papers.length > 0).map((batch) => batch.hash))).toEqual(new Set([sha256(seed)]));
  });

  it('reads a watched folder that is itself a link, naming files relative to the link', async () => {
    const real = await makeTempDir('synced');
    await mkdir(join(real, 'march'));
    await writeFile(join(real, 'march', 'day.txt'), await readFile(SEED));
    const folder = join(await makeTempDir('home'), 'Inbox');
    await symlink(real, folder);

    const { core, batches } = await watchFolder(folder);
    await until(() => batches.length === 1, 'the file under the link');
    expect(core.files().map((file) => [file.name, file.path])).toEqual([['march/day.txt', join(folder, 'march', 'day.txt')]]);
    expect(batches[0]!.papers).toHaveLength(SEED_PAPERS);
  });

  it('refuses a 2 GB file by its size without reading it', async () => {
    const folder = await makeTempDir('inbox');
    await sparseFile(join(folder, 'huge.xml'));
    const before = bytesReadByProcess();
    const started = performance.now();
    const { batches } = await watchFolder(folder);
    await until(() => batches.length === 1, 'the size error');
    const read = bytesReadByProcess() - before;
    console.log(`a sparse 2 GB file: refused in ${(performance.now() - started).toFixed(0)} ms, ${(read / 1024).toFixed(0)} KB read by the process meanwhile: ${batches[0]?.errors[0]?.message}`);

    expect(batches[0]).toMatchObject({ file: 'huge.xml', papers: [], errors: [{ file: 'huge.xml', message: 'the file is 2048 MB; feeds over 50 MB are not read' }] });
    expect(read).toBeLessThan(16 * 1024 * 1024);
  });

  it('lists a file that goes over the parse budget with the reason, once, and reads the files behind it', async () => {
    const folder = await makeTempDir('inbox');
    await writeFile(join(folder, 'a-huge-journal.xml'), journalRss(15_000));
    await writeFile(join(folder, 'b-seed.txt'), await readFile(SEED));
    const parseWorker = new URL('../dist/electron/parse-worker.js', import.meta.url);
    const { core, batches } = await watchFolder(folder, { parseWorker, parseBudget: { ...PARSE_BUDGET, memoryMb: 48 } });
    await until(() => batches.length === 2, 'the budget error and the file behind it', 20_000);

    expect(byFile(batches)['a-huge-journal.xml']).toMatchObject({
      format: null,
      papers: [],
      errors: [{ file: 'a-huge-journal.xml', message: 'parsing stopped: the file needed more than 48 MB of memory' }],
    });
    expect(byFile(batches)['b-seed.txt']!.papers).toHaveLength(SEED_PAPERS);
    // A second window is handed the stored error, not a second parse of the same content.
    const again: IngestBatch[] = [];
    const second = core.connect((channel, payload) => channel === 'batch' && again.push(payload as IngestBatch));
    await second.handlers.hello({ knownHashes: [] });
    await until(() => again.length === 2, 'both batches for a second window');
    expect(again.find((batch) => batch.file === 'a-huge-journal.xml')).toBe(byFile(batches)['a-huge-journal.xml']);
  });

  it('lets web mode exit on SIGTERM with a FIFO in the folder', async () => {
    const scratch = await makeTempDir('web');
    await mkdir(join(scratch, 'inbox'));
    mkfifo(join(scratch, 'inbox', 'pipe.xml'));
    const web = await startWebMode(join(scratch, 'inbox'), join(scratch, 'config'));
    webModes.push(web);
    await sleep(1500);
    const exited = new Promise<number | null>((resolve) => web.child.once('exit', (code) => resolve(code)));
    web.child.kill('SIGTERM');
    expect(await Promise.race([exited, sleep(5000, 'still running 5 s after SIGTERM')])).toBe(0);
  });
});

describe('paperdrop parse', () => {
  it('refuses a FIFO and a 2 GB file, naming each and why, without reading them, and parses the rest', async () => {
    const dir = await makeTempDir('cli');
    const fifo = mkfifo(join(dir, 'pipe.xml'));
    const huge = await sparseFile(join(dir, 'huge.xml'));
    const before = bytesReadByProcess();
    const parsed = await Promise.race([
      parseFiles([fifo, huge, SEED], createInlineParser()),
      sleep(8000).then(() => Promise.reject(new Error('parse is still running after 8 s'))),
    ]);

    expect(bytesReadByProcess() - before).toBeLessThan(16 * 1024 * 1024);
    expect(parsed.errors).toEqual([
      { file: fifo, message: 'not a regular file but a named pipe (FIFO); only regular files are read' },
      { file: huge, message: 'the file is 2048 MB; feeds over 50 MB are not read' },
    ]);
    expect(parsed.papers).toHaveLength(SEED_PAPERS);
  });
});
