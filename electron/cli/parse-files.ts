import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeCatalog } from '../../shared/merge';
import type { FileError, IngestBatch, Paper } from '../../shared/paper';
import { describeTarget, readIngestBatch } from '../core/folder-file';
import type { ParseFile } from '../core/parse-job';

export interface ParsedFiles {
  batches: IngestBatch[];
  /** Every paper of every file, merged with the app's own rules. */
  papers: Paper[];
  errors: FileError[];
}

/** The paths given, each folder replaced by the files in it and its subfolders (as the watcher reads a folder), in name order. */
export async function expandFolders(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    files.push(...entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name)).sort());
  }
  return files;
}

/** Reads and parses files as the app does, each on its own, then merges them all. */
export async function parseFiles(paths: string[], parse: ParseFile, now = new Date()): Promise<ParsedFiles> {
  const batches: IngestBatch[] = [];
  const errors: FileError[] = [];
  for (const path of paths) {
    try {
      // A link given here is followed wherever it leads: the user named it. What it leads to must still be a regular file.
      const batch = await readIngestBatch(await describeTarget(await realpath(path), path), parse, now);
      if (!batch) throw new Error('it changed while it was being read');
      batches.push(batch);
      errors.push(...batch.errors);
    } catch (error) {
      errors.push({ file: path, message: `cannot read the file: ${(error as Error).message}` });
    }
  }
  return { batches, papers: mergeCatalog(batches.flatMap((batch) => batch.papers)), errors };
}
