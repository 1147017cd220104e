import { formatMegabytes, MAX_FEED_BYTES } from './text/limits';

/**
 * Limits of an import over the bridge (see docs/import.md). A file is sent in base64 chunks of at most
 * IMPORT_CHUNK_BYTES raw bytes (about 5.6 MB as JSON), well under web mode's 16 MB frame.
 */
export const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;

/** The largest file an import accepts: the same as the watcher reads. */
export const MAX_IMPORT_BYTES = MAX_FEED_BYTES;

/** The longest base64 text of one chunk. */
export const MAX_IMPORT_CHUNK_CHARS = Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4;

/** Why a file too large to import is refused, the same on both sides of the bridge. */
export function oversizedImportMessage(name: string, size: number): string {
  return `"${name}" is ${formatMegabytes(size)}: files over ${formatMegabytes(MAX_IMPORT_BYTES)} are not imported`;
}

/** Uploads one renderer may have open at once. */
export const MAX_IMPORT_UPLOADS = 4;

/** Chunks a file of this size is sent in: an upload that sends more is refused. */
export function importChunkCount(size: number): number {
  return Math.ceil(size / IMPORT_CHUNK_BYTES);
}
