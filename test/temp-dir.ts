import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder, removed after the test. */
export async function makeTempDir(label = 'paperdrop'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${label}-`));
  afterEach(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
