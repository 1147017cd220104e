import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
import { MAX_IMPORT_BYTES, oversizedImportMessage } from '../../shared/import-limits';
import { placeWithoutOverwrite, safeImportName } from './import-file';

export interface PathImport {
  /** The names the files were given in the folder. */
  imported: string[];
  /** One line per file left out, naming it and the reason. */
  errors: string[];
}

/**
 * Copies files chosen in the desktop app's own file dialog into the watched folder, as an import
 * over the bridge would: under a hidden temporary name first, then under a free name, never
 * replacing a file. A file over the import limit, not a regular file, or already in the folder is
 * left out and named.
 */
export async function importPaths(paths: readonly string[], folder: string): Promise<PathImport> {
  const outcome: PathImport = { imported: [], errors: [] };
  for (const path of paths) {
    const name = safeImportName(basename(path));
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('it is not a regular file');
      if (info.size > MAX_IMPORT_BYTES) throw new Error(oversizedImportMessage(name, info.size));
      const fromFolder = relative(folder, path);
      if (!isAbsolute(fromFolder) && !fromFolder.startsWith('..')) throw new Error('it is in the watched folder already');
      const tempPath = join(folder, `.paperdrop-import-${randomUUID()}.part`);
      await copyFile(path, tempPath, constants.COPYFILE_EXCL);
      outcome.imported.push(await placeWithoutOverwrite(tempPath, folder, name));
    } catch (error) {
      outcome.errors.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return outcome;
}
