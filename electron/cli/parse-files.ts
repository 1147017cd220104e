import { readFile, stat } from 'node:fs/promises';
import { oversizedBatch } from '../../shared/ingest-batch';
import { mergeCatalog } from '../../shared/merge';
import type { FileError, IngestBatch, Paper } from '../../shared/paper';
import { MAX_FEED_BYTES } from '../../shared/text/limits';
import { sha256OfFile } from '../core/folder-file';
import type { ParseFile } from '../core/parse-job';

export interface ParsedFiles {
  batches: IngestBatch[];
  /** Every paper of every file, merged with the app's own rules. */
  papers: Paper[];
  errors: FileError[];
}

/** Reads and parses files as the app does, each on its own, then merges them all. */
export async function parseFiles(paths: string[], parse: ParseFile, now = new Date()): Promise<ParsedFiles> {
  const batches: IngestBatch[] = [];
  const errors: FileError[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a file');
      const hash = await sha256OfFile(path);
      const batch =
        info.size > MAX_FEED_BYTES
          ? oversizedBatch(path, hash, info.size, MAX_FEED_BYTES, now)
          : await parse({ file: path, hash, bytes: await readFile(path), modifiedAt: info.mtime, seenAt: now });
      batches.push(batch);
      errors.push(...batch.errors);
    } catch (error) {
      errors.push({ file: path, message: `cannot read the file: ${(error as Error).message}` });
    }
  }
  return { batches, papers: mergeCatalog(batches.flatMap((batch) => batch.papers)), errors };
}
