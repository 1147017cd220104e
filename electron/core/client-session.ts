import type { EventChannel, EventMap, InvokeHandlers } from '../../shared/ipc';
import type { IngestBatch } from '../../shared/paper';
import type { FolderFile } from './folder-file';
import { ImportUploads } from './import-file';

/** How many batches may wait for the renderer's "stored" at once: enough to keep it busy, not to flood it. */
const MAX_IN_FLIGHT = 4;

export type SendEvent = <K extends EventChannel>(channel: K, payload: EventMap[K]) => void;

/** What a session needs from the core that owns the folder. */
export interface SessionHost {
  files(): FolderFile[];
  batchFor(file: FolderFile): Promise<IngestBatch | null>;
  /** A renderer stored this file's batch. */
  batchStored(hash: string): void;
  /** The hashes of the files in the folder, once every file noticed so far is read. */
  folderHashes(): Promise<string[]>;
  folderInfo(): EventMap['folder'];
  chooseFolder(): Promise<EventMap['folder'] | null>;
  addSamples(): Promise<{ copied: string[] }>;
  onError(error: unknown): void;
}

/**
 * One connected renderer. It tells which file hashes it has stored; the session sends it
 * every other file, a few at a time, and never the same hash twice once stored. A renderer that
 * says it does not store batches (another tab of its library does) is sent none.
 */
export class ClientSession {
  /** Hashes the renderer holds; null until it says hello, and while it does not store batches. */
  private known: Set<string> | null = null;
  /** False once the renderer says another tab stores its library's batches. */
  private stores = true;
  private readonly inFlight = new Set<string>();
  private readonly waiting = new Map<string, FolderFile>();
  private pumping = false;
  private closed = false;

  readonly handlers: InvokeHandlers;
  /** Files this renderer is importing into the folder; their partial files go when it does. */
  readonly imports: ImportUploads;

  constructor(
    private readonly host: SessionHost,
    private readonly send: SendEvent,
  ) {
    this.imports = new ImportUploads({ folder: () => host.folderInfo().folder, onError: (error) => host.onError(error) });
    this.handlers = {
      hello: ({ knownHashes, stores = true }) => {
        this.stores = stores;
        this.known = stores ? new Set(knownHashes) : null;
        this.inFlight.clear();
        this.waiting.clear();
        for (const file of host.files()) this.offer(file);
        this.sendStatus();
        if (stores) void host.folderHashes().then((hashes) => this.sendEvent('folderFiles', { hashes }));
        return host.folderInfo();
      },
      stored: ({ hash }) => {
        this.known?.add(hash);
        this.inFlight.delete(hash);
        host.batchStored(hash);
        this.pump();
      },
      chooseFolder: () => host.chooseFolder(),
      addSamples: () => host.addSamples(),
      importBegin: (request) => this.imports.begin(request),
      importChunk: (request) => this.imports.chunk(request),
      importEnd: async (request) => {
        const { name, hash } = await this.imports.end(request);
        return { name, hash, alreadyStored: this.known?.has(hash) ?? false };
      },
      importAbort: (request) => this.imports.abort(request),
    };
  }

  /** A file appeared or changed in the folder. */
  offer(file: FolderFile): void {
    if (this.closed || !this.known || this.known.has(file.hash) || this.inFlight.has(file.hash)) return;
    this.waiting.set(file.hash, file);
    this.pump();
  }

  /** Whether this renderer may still be sent the file: it has not said it holds it. */
  mayWant(hash: string): boolean {
    return !this.closed && this.stores && !(this.known?.has(hash) ?? false);
  }

  /** The folder changed: files offered from the old one are no longer due. */
  resetWaiting(): void {
    this.waiting.clear();
  }

  sendEvent: SendEvent = (channel, payload) => {
    if (!this.closed) this.send(channel, payload);
  };

  close(): void {
    this.closed = true;
    this.imports.close().catch((error: unknown) => this.host.onError(error));
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    void this.drain().finally(() => {
      this.pumping = false;
      if (!this.closed && this.waiting.size > 0 && this.inFlight.size < MAX_IN_FLIGHT) this.pump();
      else this.sendStatus();
    });
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.inFlight.size < MAX_IN_FLIGHT) {
      const next = this.waiting.values().next();
      if (next.done) return;
      const file = next.value;
      this.waiting.delete(file.hash);
      if (this.known?.has(file.hash)) continue;
      try {
        const batch = await this.host.batchFor(file);
        if (!batch || this.closed) continue;
        this.inFlight.add(file.hash);
        this.send('batch', batch);
        this.sendStatus();
      } catch (error) {
        this.host.onError(error);
      }
    }
  }

  private sendStatus(): void {
    if (!this.closed && this.known) this.send('status', { pending: this.waiting.size + this.inFlight.size });
  }
}
