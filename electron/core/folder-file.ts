import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { failedBatch, oversizedBatch } from '../../shared/ingest-batch';
import { MAX_FEED_BYTES } from '../../shared/text/limits';
import type { IngestBatch } from '../../shared/paper';
import type { ParseFile } from './parse-job';

/** A file in the watched folder, identified by the hash of its content. */
export interface FolderFile {
  /** The file that is read: for a link, its target. */
  path: string;
  /** Name relative to the watched folder, with forward slashes. */
  name: string;
  hash: string;
  size: number;
  modifiedAt: Date;
  /** Why the file is not read, other than its size; its hash then stands for its name and this reason. */
  refused?: string;
}

/** A regular file within the size limit, opened for reading; anything else, with why it is not read. */
type OpenedFeed = { handle: FileHandle; info: Stats } | { info: Stats; refused?: string };

/**
 * Describes a file the watcher reported. A link is followed only when its target lies inside the
 * watched folder; a link leading out is refused, whether to a file or to a folder.
 */
export async function describeFile(folder: string, path: string): Promise<FolderFile> {
  const name = relative(folder, path).split(sep).join('/');
  const link = await lstat(path);
  if (!link.isSymbolicLink()) return describeTarget(path, name);
  const target = await realpath(path);
  const inside = relative(await realpath(folder), target);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return unread(path, name, link, `a link to ${target}, outside the watched folder; links leading out of it are not followed`);
  }
  return describeTarget(target, name);
}

/** Describes the file at path without following a link, reading it only when it is a regular file within the size limit. */
export async function describeTarget(path: string, name: string): Promise<FolderFile> {
  const opened = await openFeed(path);
  if (!('handle' in opened)) return unread(path, name, opened.info, opened.refused);
  try {
    return { path, name, hash: sha256(await readFeed(opened)), size: opened.info.size, modifiedAt: opened.info.mtime };
  } finally {
    await opened.handle.close();
  }
}

/** Reads and parses the file; null when it is no longer a readable file with the hash it was offered with. */
export async function readIngestBatch(file: FolderFile, parse: ParseFile, now = new Date()): Promise<IngestBatch | null> {
  if (file.refused !== undefined) return failedBatch(file.name, file.hash, file.refused, now);
  if (file.size > MAX_FEED_BYTES) return oversizedBatch(file.name, file.hash, file.size, MAX_FEED_BYTES, now);
  const opened = await openFeed(file.path);
  if (!('handle' in opened)) return null;
  const bytes = await readFeed(opened).finally(() => opened.handle.close());
  if (sha256(bytes) !== file.hash) return null;
  return parse({ file: file.name, hash: file.hash, bytes, modifiedAt: file.modifiedAt, seenAt: now });
}

/**
 * The lstat refuses without opening (opening a device can have effects of its own); the fstat of the
 * handle refuses what was swapped in since. O_NONBLOCK keeps the open of a FIFO from waiting for a
 * writer, O_NOFOLLOW keeps it from following a link; both count as 0 where the platform lacks them.
 */
async function openFeed(path: string): Promise<OpenedFeed> {
  const seen = await lstat(path);
  if (!readable(seen)) return refusal(seen);
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  const info = await handle.stat();
  if (readable(info)) return { handle, info };
  await handle.close();
  return refusal(info);
}

const readable = (info: Stats) => info.isFile() && info.size <= MAX_FEED_BYTES;

/** Too large when it is a regular file (its size says how large), else what it is. */
function refusal(info: Stats): OpenedFeed {
  return info.isFile() ? { info } : { info, refused: `not a regular file but ${kindOf(info)}; only regular files are read` };
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isDirectory()) return 'a folder';
  if (info.isSymbolicLink()) return 'a link';
  return 'an unknown kind of file';
}

/** At most one byte past the size the file had when opened: a file growing meanwhile reads as changed, never past the limit. */
async function readFeed({ handle, info }: { handle: FileHandle; info: Stats }): Promise<Buffer> {
  const bytes = Buffer.alloc(info.size + 1);
  let filled = 0;
  while (filled < bytes.length) {
    const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}

/** A file that is not read. Its hash is of its name and the reason, so the error is listed once, and again when the reason changes. */
function unread(path: string, name: string, info: Stats, refused: string | undefined): FolderFile {
  const file = { path, name, hash: sha256(`not read\0${name}\0${refused ?? info.size}`), size: info.size, modifiedAt: info.mtime };
  return refused === undefined ? file : { ...file, refused };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
