import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { buildIngestBatch } from '../../shared/ingest-batch';
import type { IngestBatch } from '../../shared/paper';

/** Larger files are refused rather than parsed: no feed is this big, and parsing one would stall main. */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;

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
export async function readIngestBatch(file: FolderFile, now = new Date()): Promise<IngestBatch | null> {
  if (file.size > MAX_FEED_BYTES) return tooLarge(file, now);
  const bytes = await readFile(file.path);
  if (createHash('sha256').update(bytes).digest('hex') !== file.hash) return null;
  const text = new TextDecoder('utf-8').decode(bytes);
  return buildIngestBatch({ file: file.name, hash: file.hash, modifiedAt: file.modifiedAt, seenAt: now, text });
}

function tooLarge(file: FolderFile, now: Date): IngestBatch {
  const megabytes = (file.size / 1024 / 1024).toFixed(1);
  return {
    file: file.name,
    hash: file.hash,
    format: null,
    seenAt: now.toISOString(),
    papers: [],
    errors: [{ file: file.name, message: `the file is ${megabytes} MB; feeds over ${MAX_FEED_BYTES / 1024 / 1024} MB are not read` }],
  };
}

function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
