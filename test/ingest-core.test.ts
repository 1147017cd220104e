import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperdropCore, type CoreOptions } from '../electron/core/paperdrop-core';
import type { ClientSession } from '../electron/core/client-session';
import type { EventMap } from '../shared/ipc';
import type { IngestBatch } from '../shared/paper';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';

const cores: PaperdropCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

async function startCore(options: Partial<CoreOptions> & { folder: string }): Promise<PaperdropCore> {
  const core = await PaperdropCore.start({
    configDir: await makeTempDir('config'),
    samplesDir: SEEDS_DIR,
    watcher: { stableMs: 400, pollMs: 50 },
    log: () => undefined,
    ...options,
  });
  cores.push(core);
  return core;
}

/** A renderer stand-in that records what main sends it. */
function connectRecorder(core: PaperdropCore) {
  const batches: IngestBatch[] = [];
  const folders: EventMap['folder'][] = [];
  /** Each list of the folder's hashes main sent, sorted. */
  const folderFiles: string[][] = [];
  const session: ClientSession = core.connect((channel, payload) => {
    if (channel === 'batch') batches.push(payload as IngestBatch);
    if (channel === 'folder') folders.push(payload as EventMap['folder']);
    if (channel === 'folderFiles') folderFiles.push([...(payload as EventMap['folderFiles']).hashes].sort());
  });
  return { session, batches, folders, folderFiles };
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A folder holding the two seed files as a.txt and b.txt, and a core that has read them. */
async function coreOnTwoSeeds() {
  const folder = await makeTempDir('inbox');
  const seeds = await Promise.all(SEED_FILES.map((name) => readFile(SEEDS_DIR + name)));
  await writeFile(join(folder, 'a.txt'), seeds[0]!);
  await writeFile(join(folder, 'b.txt'), seeds[1]!);
  const core = await startCore({ folder });
  await core.idle();
  return { folder, seeds, core };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes a file of its own into the folder and waits for its batch. The watcher waits the same
 * stability time for every file, so a later event for a file written earlier would have come
 * first: after this, whatever was going to arrive has arrived.
 */
async function settled(folder: string, renderer: { batches: IngestBatch[] }): Promise<void> {
  const name = `zz-barrier-${renderer.batches.length}.txt`;
  await writeFile(join(folder, name), `# Paperdrop barrier ${name}\nA Title For The Barrier ${Math.random()}\n`);
  await until(() => renderer.batches.some((batch) => batch.file === name), `the barrier ${name}`);
}

describe('the watched folder', () => {
  it('ingests a file written slowly in chunks once, and complete', async () => {
    const folder = await makeTempDir('inbox');
    const core = await startCore({ folder });
    const renderer = connectRecorder(core);
    await renderer.session.handlers.hello({ knownHashes: [] });

    const content = await readFile(SEEDS_DIR + SEED_FILES[0]);
    const target = join(folder, 'slow-download.txt');
    const chunk = Math.ceil(content.length / 6);
    for (let offset = 0; offset < content.length; offset += chunk) {
      await appendFile(target, content.subarray(offset, offset + chunk));
      await sleep(150);
    }
    await until(() => renderer.batches.length > 0, 'the batch');
    await settled(folder, renderer);

    expect(renderer.batches.filter((batch) => batch.file === 'slow-download.txt')).toHaveLength(1);
    expect(renderer.batches[0]).toMatchObject({ file: 'slow-download.txt', hash: sha256(content), format: 'hf-papers-text', errors: [] });
    expect(renderer.batches[0]!.papers).toHaveLength(60);
  });

  it('scans what is already there at start, subfolders included, and skips hidden and temporary files', async () => {
    const folder = await makeTempDir('inbox');
    const seed = await readFile(SEEDS_DIR + SEED_FILES[1]);
    await mkdir(join(folder, 'march'));
    await writeFile(join(folder, 'march', 'day.txt'), seed);
    for (const name of ['.hidden.txt', 'download.txt.crdownload', 'partial.part', '~$lock.txt', 'notes.txt~']) {
      await writeFile(join(folder, name), seed);
    }
    const core = await startCore({ folder });
    await core.idle();
    expect(core.files().map((file) => file.name)).toEqual(['march/day.txt']);

    const renderer = connectRecorder(core);
    const info = await renderer.session.handlers.hello({ knownHashes: [] });
    expect(info).toEqual({ folder, canChooseFolder: false });
    await until(() => renderer.batches.length === 1, 'the scanned file');
    expect(renderer.batches[0]!.papers).toHaveLength(46);
  });

  it('never sends a file whose content the renderer already holds, nor one it has stored', async () => {
    const folder = await makeTempDir('inbox');
    const seed = await readFile(SEEDS_DIR + SEED_FILES[0]);
    await writeFile(join(folder, 'a.txt'), seed);
    const core = await startCore({ folder });
    await core.idle();

    const knowing = connectRecorder(core);
    await knowing.session.handlers.hello({ knownHashes: [sha256(seed)] });
    const fresh = connectRecorder(core);
    await fresh.session.handlers.hello({ knownHashes: [] });
    await until(() => fresh.batches.length === 1, 'the batch for the fresh renderer');
    await fresh.session.handlers.stored({ hash: sha256(seed) });

    await writeFile(join(folder, 'copy-of-a.txt'), seed);
    await until(() => core.files().length === 2, 'the copy to be seen');
    await settled(folder, fresh);
    expect(knowing.batches.map((batch) => batch.file)).toEqual([`zz-barrier-1.txt`]);
    expect(fresh.batches.map((batch) => batch.file)).toEqual(['a.txt', 'zz-barrier-1.txt']);
  });

  it('keeps a parsed batch for renderers still to store it, and lets it go once every renderer has', async () => {
    const folder = await makeTempDir('inbox');
    const seed = await readFile(SEEDS_DIR + SEED_FILES[0]);
    await writeFile(join(folder, 'a.txt'), seed);
    const core = await startCore({ folder });
    await core.idle();
    const hello = async () => {
      const renderer = connectRecorder(core);
      await renderer.session.handlers.hello({ knownHashes: [] });
      await until(() => renderer.batches.length === 1, 'the batch');
      return renderer;
    };

    // The same parsed batch, not a second parse, while a renderer has yet to store it.
    const [first, second] = [await hello(), await hello()];
    expect(second.batches[0]).toBe(first.batches[0]);
    await first.session.handlers.stored({ hash: sha256(seed) });
    const third = await hello();
    expect(third.batches[0]).toBe(first.batches[0]);

    for (const renderer of [second, third]) await renderer.session.handlers.stored({ hash: sha256(seed) });
    const late = await hello();
    expect(late.batches[0]).not.toBe(first.batches[0]);
    expect(late.batches[0]!.papers.map((paper) => paper.id)).toEqual(first.batches[0]!.papers.map((paper) => paper.id));
  });

  it('sends no batch to a tab that does not store them, and every one it lacks once it does', async () => {
    const { folder, seeds, core } = await coreOnTwoSeeds();
    const writer = connectRecorder(core);
    await writer.session.handlers.hello({ knownHashes: [], stores: true });
    const follower = connectRecorder(core);
    const info = await follower.session.handlers.hello({ knownHashes: [], stores: false });
    expect(info.folder).toBe(folder);
    await until(() => writer.batches.length === 2, 'the writer\'s batches');
    await settled(folder, writer);
    expect(follower.batches).toEqual([]);
    expect(follower.session.mayWant(sha256(seeds[0]!))).toBe(false);

    // The writer closes; the follower takes over, holding what the writer stored of a.txt.
    core.disconnect(writer.session);
    await follower.session.handlers.hello({ knownHashes: [sha256(seeds[0]!)], stores: true });
    await until(() => follower.batches.length === 2, 'the batches the new writer lacks');
    expect(follower.batches.map((batch) => batch.file).sort()).toEqual(['b.txt', 'zz-barrier-2.txt']);
  });

  it('tells a storing renderer which files the folder holds, after hello and after a file goes or is renamed', async () => {
    const { folder, seeds, core } = await coreOnTwoSeeds();
    const renderer = connectRecorder(core);
    await renderer.session.handlers.hello({ knownHashes: [] });
    const both = [sha256(seeds[0]!), sha256(seeds[1]!)].sort();
    await until(() => renderer.folderFiles.length > 0, 'the folder\'s files');
    expect(renderer.folderFiles.at(-1)).toEqual(both);

    await rename(join(folder, 'b.txt'), join(folder, 'b-renamed.txt'));
    await settled(folder, renderer);
    await until(() => renderer.folderFiles.at(-1)?.length === 3, 'the list after the rename and the barrier');
    expect(renderer.folderFiles.at(-1)!.filter((hash) => both.includes(hash))).toEqual(both);
    // One batch for b's content, under whichever name it had when it was read.
    expect(renderer.batches.filter((batch) => batch.hash === sha256(seeds[1]!))).toHaveLength(1);

    await unlink(join(folder, 'a.txt'));
    await until(() => !renderer.folderFiles.at(-1)!.includes(sha256(seeds[0]!)), 'the list without a.txt');
    expect(renderer.folderFiles.at(-1)).toContain(sha256(seeds[1]!));
  });

  it('sends a batch again when the renderer did not confirm it before reconnecting', async () => {
    const folder = await makeTempDir('inbox');
    await writeFile(join(folder, 'a.txt'), await readFile(SEEDS_DIR + SEED_FILES[0]));
    const core = await startCore({ folder });
    const renderer = connectRecorder(core);
    await renderer.session.handlers.hello({ knownHashes: [] });
    await until(() => renderer.batches.length === 1, 'the first delivery');
    await renderer.session.handlers.hello({ knownHashes: [] });
    await until(() => renderer.batches.length === 2, 'the second delivery');
    expect(renderer.batches[1]!.hash).toBe(renderer.batches[0]!.hash);
  });

  it('reports a bad file by name and still reads the good one beside it', async () => {
    const folder = await makeTempDir('inbox');
    await writeFile(join(folder, 'paper.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xff]));
    await writeFile(join(folder, 'good.txt'), await readFile(SEEDS_DIR + SEED_FILES[1]));
    const core = await startCore({ folder });
    const renderer = connectRecorder(core);
    await renderer.session.handlers.hello({ knownHashes: [] });
    await until(() => renderer.batches.length === 2, 'both batches');
    const byFile = Object.fromEntries(renderer.batches.map((batch) => [batch.file, batch]));
    expect(byFile['paper.pdf']).toMatchObject({
      format: null,
      papers: [],
      errors: [{ file: 'paper.pdf', message: 'not a recognised feed: the file is binary' }],
    });
    expect(byFile['good.txt']!.papers).toHaveLength(46);
  });

  it('copies the sample feeds into the folder, and they are ingested', async () => {
    const folder = await makeTempDir('inbox');
    const core = await startCore({ folder });
    const renderer = connectRecorder(core);
    await renderer.session.handlers.hello({ knownHashes: [] });
    expect(await renderer.session.handlers.addSamples()).toEqual({ copied: [...SEED_FILES] });
    await until(() => renderer.batches.length === 2, 'the sample batches');
    expect(renderer.batches.map((batch) => batch.papers.length).sort()).toEqual([46, 60]);
  });
});

describe('the folder setting', () => {
  it('defaults to ~/Paperdrop/Inbox, created on first run', async () => {
    const home = await makeTempDir('home');
    const previousHome = process.env.HOME;
    process.env.HOME = home;
    try {
      const core = await startCore({ folder: undefined as unknown as string });
      expect(core.folderInfo().folder).toBe(join(home, 'Paperdrop', 'Inbox'));
      await expect(readFile(join(home, 'Paperdrop', 'Inbox'))).rejects.toMatchObject({ code: 'EISDIR' });
    } finally {
      process.env.HOME = previousHome;
    }
  });

  it('remembers a folder given once, and a picked folder replaces it and is announced', async () => {
    const configDir = await makeTempDir('config');
    const first = await makeTempDir('first');
    const picked = await makeTempDir('picked');
    await (await startCore({ configDir, folder: first })).close();

    const core = await startCore({ configDir, folder: undefined as unknown as string, pickFolder: async () => picked });
    expect(core.folderInfo()).toEqual({ folder: first, canChooseFolder: true });
    const renderer = connectRecorder(core);
    await renderer.session.handlers.hello({ knownHashes: [] });
    expect(await renderer.session.handlers.chooseFolder()).toEqual({ folder: picked, canChooseFolder: true });
    expect(renderer.folders).toEqual([{ folder: picked, canChooseFolder: true }]);
    expect(JSON.parse(await readFile(join(configDir, 'settings.json'), 'utf8'))).toEqual({ folder: picked });
  });
});
