import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../electron/core/import-paths';
import { PaperdropCore } from '../electron/core/paperdrop-core';
import { MAX_IMPORT_BYTES, oversizedImportMessage } from '../shared/import-limits';
import type { IngestBatch } from '../shared/paper';
import { SAMPLES_DIR, SEED_FILES, SEEDS_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';

const SAMPLE = `${SAMPLES_DIR}arxiv-rss2-2024.xml`;

describe('importing files chosen in the desktop app’s file dialog', () => {
  it('copies them into the watched folder under free names, where the real watcher reads them', async () => {
    const [folder, config, elsewhere] = [await makeTempDir('import-paths-inbox'), await makeTempDir('import-paths-config'), await makeTempDir('import-paths-elsewhere')];
    await writeFile(join(folder, 'arxiv-rss2-2024.xml'), 'a file of the same name, kept as it is');
    const core = await PaperdropCore.start({ configDir: config, folder, samplesDir: SEEDS_DIR, parseWorker: new URL('../dist/electron/parse-worker.js', import.meta.url) });
    const batches: IngestBatch[] = [];
    const session = core.connect((channel, payload) => {
      if (channel === 'batch') batches.push(payload as IngestBatch);
    });
    try {
      await session.handlers.hello({ knownHashes: [] });
      const outcome = await core.importPaths([SAMPLE, SEEDS_DIR + SEED_FILES[0]]);
      expect(outcome).toEqual({ imported: ['arxiv-rss2-2024 (2).xml', SEED_FILES[0]], errors: [] });
      expect(await readFile(join(folder, 'arxiv-rss2-2024 (2).xml'))).toEqual(await readFile(SAMPLE));
      expect(await readFile(join(folder, 'arxiv-rss2-2024.xml'), 'utf8')).toBe('a file of the same name, kept as it is');
      await expect.poll(() => batches.map((batch) => batch.file).sort(), { timeout: 15_000 }).toEqual(expect.arrayContaining(['arxiv-rss2-2024 (2).xml', SEED_FILES[0]]));
      expect(batches.find((batch) => batch.file === SEED_FILES[0])?.papers.length).toBe(60);
    } finally {
      core.disconnect(session);
      await core.close();
    }

    // Left out, each named with its reason: a folder, a FIFO, a file over the limit, a file in the folder already.
    await mkdir(join(elsewhere, 'a folder'));
    execFileSync('mkfifo', [join(elsewhere, 'a pipe')]);
    await writeFile(join(elsewhere, 'huge.xml'), '');
    await truncate(join(elsewhere, 'huge.xml'), MAX_IMPORT_BYTES + 1);
    const refused = [join(elsewhere, 'a folder'), join(elsewhere, 'a pipe'), join(elsewhere, 'huge.xml'), join(folder, SEED_FILES[0])] as const;
    const before = await readdir(folder);
    const { imported, errors } = await importPaths(refused, folder);
    expect(imported).toEqual([]);
    expect(errors).toEqual([
      `${refused[0]}: it is not a regular file`,
      `${refused[1]}: it is not a regular file`,
      `${refused[2]}: ${oversizedImportMessage('huge.xml', MAX_IMPORT_BYTES + 1)}`,
      `${refused[3]}: it is in the watched folder already`,
    ]);
    expect((await readdir(folder)).sort()).toEqual(before.sort());
  });
});
