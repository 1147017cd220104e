import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES, oversizedImportMessage } from '../../shared/import-limits';
import type { Bridge, ImportResult } from '../../shared/ipc';

/** A dropped or picked file: the DOM's File, or any Blob with a name. */
export type ImportSource = Blob & { readonly name: string };

export interface ImportProgress {
  total: number;
  /** Files read into the library, refused or failed. */
  done: number;
  /** Papers in the batches of the files read so far. */
  papers: number;
  /** The file being sent or read, or null once all are done. */
  current: string | null;
}

export interface ImportSummary {
  imported: string[];
  papers: number;
  /** Files whose content the library held already. */
  known: string[];
  errors: string[];
  /** Files sent whose papers had not arrived when the wait ended. */
  unread: string[];
}

/** How long without a batch for an imported file before the run stops waiting for it. */
const READ_WAIT_MS = 60_000;

/** Base64 of bytes, by the engine's own encoder where it has one. */
export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Sends one file through the bridge into the watched folder, in chunks read one at a time, so a
 * 50 MB file never sits in memory whole or in one message. Main names and places it.
 */
export async function sendFile(bridge: Bridge, file: ImportSource): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error(oversizedImportMessage(file.name, file.size));
  }
  const { uploadId } = await bridge.invoke('importBegin', { name: file.name, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
      const bytes = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
      await bridge.invoke('importChunk', { uploadId, offset, data: toBase64(bytes) });
    }
  } catch (error) {
    // A folder dropped as a file, or a file changed while read: main drops the partial file.
    void bridge.invoke('importAbort', { uploadId }).catch(() => undefined);
    throw new Error(messageOf(error).startsWith('Importing') ? messageOf(error) : `Importing "${file.name}" failed: ${messageOf(error)}`, { cause: error });
  }
  return bridge.invoke('importEnd', { uploadId });
}

/**
 * Imports files one after another, then waits for the watcher's batch of each (matched by the
 * content hash main returns), reporting files done / total, papers read and the current file.
 */
export async function importFiles(
  bridge: Bridge,
  files: readonly ImportSource[],
  onProgress: (progress: ImportProgress) => void,
  waitMs = READ_WAIT_MS,
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: [], papers: 0, known: [], errors: [], unread: [] };
  const progress: ImportProgress = { total: files.length, done: 0, papers: 0, current: files[0]?.name ?? null };
  /** Imported files by the hash of their content, waiting for its batch. */
  const waiting = new Map<string, string[]>();
  const arrived = new Map<string, number>();
  let wake = () => {};
  let sending = true;
  const report = () => onProgress({ ...progress });
  const settle = (hash: string, papers: number) => {
    const names = waiting.get(hash);
    if (!names) return;
    waiting.delete(hash);
    progress.done += names.length;
    progress.papers += papers;
    summary.papers += papers;
    if (!sending) progress.current = [...waiting.values()][0]?.[0] ?? null;
    report();
    wake();
  };
  const unsubscribe = bridge.on('batch', (batch) => {
    arrived.set(batch.hash, batch.papers.length);
    settle(batch.hash, batch.papers.length);
  });
  try {
    report();
    for (const file of files) {
      progress.current = file.name;
      report();
      try {
        const result = await sendFile(bridge, file);
        summary.imported.push(result.name);
        if (result.alreadyStored) {
          summary.known.push(result.name);
          progress.done += 1;
        } else {
          waiting.set(result.hash, [...(waiting.get(result.hash) ?? []), result.name]);
          const papers = arrived.get(result.hash);
          if (papers !== undefined) settle(result.hash, papers);
        }
      } catch (error) {
        summary.errors.push(messageOf(error));
        progress.done += 1;
      }
      report();
    }
    sending = false;
    progress.current = [...waiting.values()][0]?.[0] ?? null;
    report();
    while (waiting.size > 0) {
      const before = waiting.size;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (waiting.size === before) break;
    }
    summary.unread = [...waiting.values()].flat();
    return summary;
  } finally {
    unsubscribe();
  }
}

/** The status line's words for a finished import. */
export function describeImport(summary: ImportSummary): string {
  const parts: string[] = [];
  const count = summary.imported.length;
  if (count > 0) {
    parts.push(`Imported ${count} file${count === 1 ? '' : 's'}: ${summary.papers} paper${summary.papers === 1 ? '' : 's'}`);
  }
  if (summary.known.length > 0) parts.push(`already in the library: ${summary.known.join(', ')}`);
  if (summary.unread.length > 0) parts.push(`still being read: ${summary.unread.join(', ')}`);
  parts.push(...summary.errors);
  return parts.join('; ') || 'Nothing to import';
}

/** The progress line while an import runs. */
export function describeProgress(progress: ImportProgress): string {
  const files = `Importing: ${progress.done} of ${progress.total} file${progress.total === 1 ? '' : 's'} done, ${progress.papers} paper${progress.papers === 1 ? '' : 's'} stored`;
  return progress.current === null ? files : `${files} — reading ${progress.current}`;
}
