import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Copies the sample feeds into the folder under their own names; returns the names copied. */
export async function copySamples(samplesDir: string, folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const names = (await readdir(samplesDir)).filter((name) => !name.startsWith('.')).sort();
  for (const name of names) await copyFile(join(samplesDir, name), join(folder, name));
  return names;
}
