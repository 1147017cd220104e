import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { oversizedBatch } from '../../shared/ingest-batch';
import { MAX_FEED_BYTES } from '../../shared/text/limits';
import type { IngestBatch } from '../../shared/paper';
import type { ParseFile } from './parse-job';

/** A file in the watched folder, identified by the hash of its content. */
export interface FolderFile {
  path: string;
  /** Name relative to the watched folder, with forward slashes. */
  name: string;
  hash: string;
  size: number;
  modifiedAt: Date;
}

export async function describeFile(folder: string, path: string): Promise<FolderFile> {
  const info = await stat(path);
  const hash = await sha256OfFile(path);
  return { path, name: relative(folder, path).split(sep).join('/'), hash, size: info.size, modifiedAt: info.mtime };
}

/** Reads and parses the file; null when its content no longer has the hash it was offered with. */
export async function readIngestBatch(file: FolderFile, parse: ParseFile, now = new Date()): Promise<IngestBatch | null> {
  if (file.size > MAX_FEED_BYTES) return oversizedBatch(file.name, file.hash, file.size, MAX_FEED_BYTES, now);
  const bytes = await readFile(file.path);
  if (createHash('sha256').update(bytes).digest('hex') !== file.hash) return null;
  return parse({ file: file.name, hash: file.hash, bytes, modifiedAt: file.modifiedAt, seenAt: now });
}

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
