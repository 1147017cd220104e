import { createHash, randomUUID, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { importChunkCount, MAX_IMPORT_BYTES, MAX_IMPORT_CHUNK_CHARS, MAX_IMPORT_UPLOADS, oversizedImportMessage } from '../../shared/import-limits';
import { isIgnoredName } from './folder-watcher';

/** Room under the usual 255-byte limit for " (999)" and the temporary name's own length. */
const MAX_NAME_BYTES = 180;
/** The longest ending kept as an extension when a long name is shortened. */
const MAX_EXTENSION_CHARS = 16;
/** An upload that sends nothing for this long is dropped and its partial file removed. */
const IDLE_MS = 60_000;
/** Names tried before giving up: "feed.xml", "feed (2).xml", … */
const MAX_NAME_ATTEMPTS = 1000;

const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/iu;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/u;

/**
 * A name from a renderer (untrusted) as a plain file name for the watched folder: its last path
 * segment, without control or format characters, not hidden or temporary to the watcher, valid on
 * Windows, and at most MAX_NAME_BYTES of UTF-8 with its extension kept.
 */
export function safeImportName(raw: string): string {
  let name = raw.normalize('NFC');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = shorten(
    name
      .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
      .replace(/[<>:"|?*]/gu, '_')
      .replace(/\s+/gu, ' '),
  )
    // A leading dot hides the file from the watcher, as do "~$" and a trailing "~"; Windows drops trailing dots and spaces.
    // After shortening, which can leave either at the end.
    .replace(/^[\s.~$]+/u, '')
    .replace(/[\s.~]+$/u, '');
  if (name === '') name = 'imported feed';
  // "feed.part" would be taken for a download still running and never read.
  if (isIgnoredName(name)) name += '.txt';
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  return name;
}

function splitExtension(name: string): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > MAX_EXTENSION_CHARS) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

function shorten(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const [stem, extension] = splitExtension(name);
  const points = [...stem];
  while (points.length > 1 && Buffer.byteLength(points.join('') + extension) > MAX_NAME_BYTES) points.pop();
  return points.join('').trimEnd() + extension;
}

/** "feed.xml", then "feed (2).xml", "feed (3).xml", … */
export function numberedName(name: string, attempt: number): string {
  if (attempt === 1) return name;
  const [stem, extension] = splitExtension(name);
  return `${stem} (${attempt})${extension}`;
}

/**
 * Gives a complete file in the folder its name without ever replacing a file: a hard link fails
 * when the name is taken, so the next number is tried. Where links are not supported, an
 * exclusive copy does the same. The temporary file is removed either way. Returns the name used.
 */
export async function placeWithoutOverwrite(tempPath: string, folder: string, name: string): Promise<string> {
  try {
    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt += 1) {
      const candidate = numberedName(name, attempt);
      const target = join(folder, candidate);
      try {
        await link(tempPath, target);
        return candidate;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      }
      try {
        await copyFile(tempPath, target, constants.COPYFILE_EXCL);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`"${name}": no free name in the folder after ${MAX_NAME_ATTEMPTS} tries`);
  } finally {
    await unlink(tempPath).catch(() => undefined);
  }
}

interface Upload {
  id: string;
  name: string;
  folder: string;
  tempPath: string;
  handle: FileHandle;
  size: number;
  received: number;
  chunks: number;
  hash: Hash;
  /** Writes in order; a failed one fails the upload. */
  writing: Promise<void>;
  timer: NodeJS.Timeout;
}

export interface ImportOptions {
  /** The watched folder now: an upload is written where it began. */
  folder: () => string;
  maxUploads?: number;
  idleMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * One renderer's imports: each file arrives in ordered chunks, is written to a hidden temporary file
 * in the watched folder (the watcher skips names starting with "."), and is given its name only when
 * complete, so the watcher never reads half a file. Everything a renderer says is checked: the size
 * it announces, each chunk's offset and length, how many chunks, how many uploads at once.
 */
export class ImportUploads {
  private readonly uploads = new Map<string, Upload>();
  private closed = false;

  constructor(private readonly options: ImportOptions) {}

  get open(): number {
    return this.uploads.size;
  }

  async begin(request: { name: string; size: number }): Promise<{ uploadId: string }> {
    const name = safeImportName(request.name);
    if (this.closed) throw new Error('The connection is closing');
    if (request.size > MAX_IMPORT_BYTES) {
      throw new Error(oversizedImportMessage(name, request.size));
    }
    if (this.uploads.size >= (this.options.maxUploads ?? MAX_IMPORT_UPLOADS)) {
      throw new Error(`"${name}": too many imports at once; wait for the others to finish`);
    }
    const id = randomUUID();
    const folder = this.options.folder();
    const tempPath = join(folder, `.paperdrop-import-${id}.part`);
    const handle = await open(tempPath, 'wx');
    const upload: Upload = {
      id,
      name,
      folder,
      tempPath,
      handle,
      size: request.size,
      received: 0,
      chunks: 0,
      hash: createHash('sha256'),
      writing: Promise.resolve(),
      timer: this.idleTimer(id),
    };
    if (this.closed) {
      await discard(upload);
      throw new Error('The connection is closing');
    }
    this.uploads.set(id, upload);
    return { uploadId: id };
  }

  /** Async so that every refusal is a rejection; all checks run before its first await, in call order. */
  async chunk(request: { uploadId: string; offset: number; data: string }): Promise<void> {
    const upload = this.get(request.uploadId);
    try {
      if (request.offset !== upload.received) throw new Error(`expected the chunk at byte ${upload.received}, got ${request.offset}`);
      if (upload.chunks >= importChunkCount(upload.size)) throw new Error('more chunks than its size needs');
      if (request.data.length > MAX_IMPORT_CHUNK_CHARS || request.data.length % 4 !== 0 || !BASE64.test(request.data)) {
        throw new Error('a chunk that is not base64 of at most 4 MB');
      }
      const bytes = Buffer.from(request.data, 'base64');
      if (bytes.length === 0 || upload.received + bytes.length > upload.size) throw new Error('a chunk past its announced size');
      upload.received += bytes.length;
      upload.chunks += 1;
      upload.hash.update(bytes);
      const at = request.offset;
      upload.writing = upload.writing.then(() => upload.handle.write(bytes, 0, bytes.length, at).then(() => undefined));
      upload.timer.refresh();
      return upload.writing.catch((error: unknown) => this.fail(upload, error));
    } catch (error) {
      return this.fail(upload, error);
    }
  }

  async end(request: { uploadId: string }): Promise<{ name: string; hash: string }> {
    const upload = this.get(request.uploadId);
    this.forget(upload);
    try {
      await upload.writing;
      if (upload.received !== upload.size) throw new Error(`only ${upload.received} of ${upload.size} bytes arrived`);
      await upload.handle.close();
      const name = await placeWithoutOverwrite(upload.tempPath, upload.folder, upload.name);
      return { name, hash: upload.hash.digest('hex') };
    } catch (error) {
      await discard(upload);
      throw new Error(`Importing "${upload.name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  async abort(request: { uploadId: string }): Promise<void> {
    const upload = this.uploads.get(request.uploadId);
    if (!upload) return;
    this.forget(upload);
    await discard(upload);
  }

  /** The renderer is gone: every unfinished upload's partial file is removed. */
  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.uploads.values()];
    for (const upload of open) this.forget(upload);
    await Promise.all(open.map(discard));
  }

  private get(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new Error('No such import (it failed, timed out or finished)');
    return upload;
  }

  private forget(upload: Upload): void {
    clearTimeout(upload.timer);
    this.uploads.delete(upload.id);
  }

  private async fail(upload: Upload, error: unknown): Promise<never> {
    if (this.uploads.get(upload.id) === upload) {
      this.forget(upload);
      await discard(upload);
    }
    throw new Error(`Importing "${upload.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  private idleTimer(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const upload = this.uploads.get(id);
      if (!upload) return;
      this.forget(upload);
      discard(upload).catch((error: unknown) => this.options.onError?.(error));
    }, this.options.idleMs ?? IDLE_MS);
    timer.unref();
    return timer;
  }
}

/** Closes and removes an upload's temporary file, whatever state it is in. */
async function discard(upload: Upload): Promise<void> {
  await upload.writing.catch(() => undefined);
  await upload.handle.close().catch(() => undefined);
  await unlink(upload.tempPath).catch(() => undefined);
}

