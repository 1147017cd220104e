/**
 * The one contract between main and the renderer: every channel and its payload.
 * Both bridge implementations (Electron preload, WebSocket) and both servers
 * (Electron IPC adapter, web server) are typed from this file alone.
 */
import type { CommandId } from './commands';
import type { IngestBatch, Paper } from './paper';

export interface FolderInfo {
  /** Absolute path of the watched folder. */
  folder: string;
  /** False in web mode, where the folder is set with --folder. */
  canChooseFolder: boolean;
}

/** The start of an import: the file's name as the renderer has it (untrusted) and its size in bytes. */
export interface ImportBeginRequest {
  name: string;
  size: number;
}

/** Bytes of an import, in order: base64 of at most IMPORT_CHUNK_BYTES, starting at byte `offset`. */
export interface ImportChunkRequest {
  uploadId: string;
  offset: number;
  data: string;
}

/** A file imported into the watched folder. */
export interface ImportResult {
  /** The name it was given in the folder (" (2)" added when the name was taken). */
  name: string;
  /** SHA-256 of its content: the hash of the batch that the watcher will send for it. */
  hash: string;
  /** This renderer has stored that content already, so no batch will come for it. */
  alreadyStored: boolean;
}

export interface IngestStatus {
  /** Files found but not yet delivered to this renderer. */
  pending: number;
}

/** Calls from the renderer to main. Each returns a promise of its result. */
export interface InvokeApi {
  /**
   * The renderer says which file hashes it holds already; main sends it every other file. A
   * renderer that does not store batches (`stores: false`: another tab of the same library does)
   * is sent none; absent means true.
   */
  hello(request: { knownHashes: string[]; stores?: boolean }): FolderInfo;
  /** The renderer has committed a batch: main will not send that hash again. */
  stored(request: { hash: string }): void;
  /** Opens a folder picker (Electron only); null when cancelled. */
  chooseFolder(): FolderInfo | null;
  /** Copies the sample feeds shipped with Paperdrop into the watched folder. */
  addSamples(): { copied: string[] };
  /** Starts copying a file into the watched folder (see docs/import.md); refused over 50 MB. */
  importBegin(request: ImportBeginRequest): { uploadId: string };
  importChunk(request: ImportChunkRequest): void;
  /** All bytes have been sent: the file is given its name in the folder, and the watcher reads it. */
  importEnd(request: { uploadId: string }): ImportResult;
  /** Drops an unfinished import and its partial file. */
  importAbort(request: { uploadId: string }): void;
}

/** Messages from main to the renderer. */
export interface EventMap {
  batch: IngestBatch;
  folder: FolderInfo;
  status: IngestStatus;
  /** A menu item of the desktop app was chosen: the renderer runs that command. */
  command: { id: CommandId };
  /**
   * The hashes of the files now in the folder, once main has read them all: a stored file with
   * another hash is gone from the folder (its papers stay). Sent after hello and after files come or go.
   */
  folderFiles: { hashes: string[] };
}

export type InvokeChannel = keyof InvokeApi;
export type EventChannel = keyof EventMap;
export type InvokeArgs<K extends InvokeChannel> = Parameters<InvokeApi[K]>;
export type InvokeResult<K extends InvokeChannel> = ReturnType<InvokeApi[K]>;

/** A `Record` over the keys, so adding a channel to the interface without listing it fails to compile. */
const invokeChannels: Record<InvokeChannel, true> = {
  hello: true,
  stored: true,
  chooseFolder: true,
  addSamples: true,
  importBegin: true,
  importChunk: true,
  importEnd: true,
  importAbort: true,
};
const eventChannels: Record<EventChannel, true> = { batch: true, folder: true, status: true, command: true, folderFiles: true };

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeChannels, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventChannels, value);
}

/** Prefix of the Electron IPC channel names, so they cannot clash with Electron's own. */
export const IPC_PREFIX = 'paperdrop:';

/**
 * Web mode's link to its server: up; lost, and being tried again; or refused, because the server
 * answers but no longer takes this page's token (it was changed with --new-token), so only the
 * new link gets in.
 */
export type Connection = 'connected' | 'reconnecting' | 'refused';

/** The renderer's only way to reach main. */
export interface Bridge {
  invoke<K extends InvokeChannel>(channel: K, ...args: InvokeArgs<K>): Promise<InvokeResult<K>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends EventChannel>(channel: K, listener: (payload: EventMap[K]) => void): () => void;
  /** Web mode reconnects when its server comes back; Electron's bridge is always connected and never calls this. */
  onConnectionChange(listener: (connection: Connection) => void): () => void;
}

/** Main's side of the contract: one handler per invoke channel. */
export type InvokeHandlers = {
  [K in InvokeChannel]: (...args: InvokeArgs<K>) => InvokeResult<K> | Promise<InvokeResult<K>>;
};

/** Web mode's wire format over the WebSocket. */
export type WireMessage =
  | { kind: 'invoke'; id: number; channel: InvokeChannel; args: unknown[] }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: string }
  | { kind: 'event'; channel: EventChannel; payload: unknown }
  /** Papers of the batch with this hash, sent ahead of it in slices (see batch-frames.ts). */
  | { kind: 'papers'; hash: string; papers: Paper[] };
