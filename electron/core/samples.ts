import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Copies the sample feeds into the folder under their own names; returns the names copied.
 * Read-then-write rather than copyFile, because in a packaged app the samples sit inside app.asar.
 */
export async function copySamples(samplesDir: string, folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const names = (await readdir(samplesDir)).filter((name) => !name.startsWith('.')).sort();
  for (const name of names) await writeFile(join(folder, name), await readFile(join(samplesDir, name)));
  return names;
}
