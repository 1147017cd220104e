import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FolderInfo } from '../../shared/ipc';
import { failedBatch } from '../../shared/ingest-batch';
import type { IngestBatch } from '../../shared/paper';
import { ClientSession, type SendEvent, type SessionHost } from './client-session';
import { describeFile, readIngestBatch, type FolderFile } from './folder-file';
import { DEFAULT_STABLE_MS, FolderWatcher, type FolderWatcherOptions } from './folder-watcher';
import { importPaths, type PathImport } from './import-paths';
import { createInlineParser, type ParseFile } from './parse-job';
import { createWorkerParser, ParseInterrupted, type ParseBudget, type WorkerParser } from './worker-parser';
import { defaultInboxFolder } from './paths';
import { copySamples } from './samples';
import { SerialQueue } from './serial-queue';
import { SettingsStore } from './settings';

export interface CoreOptions {
  configDir: string;
  samplesDir: string;
  /** A folder given on the command line; it wins over the remembered one and is remembered. */
  folder?: string;
  /** Shows a folder picker; absent where there is none (web mode). */
  pickFolder?: () => Promise<string | null>;
  watcher?: FolderWatcherOptions;
  /** The built parse worker (dist/electron/parse-worker.js); without it files are parsed inline. */
  parseWorker?: URL;
  /** What one file may cost the parse worker; PARSE_BUDGET unless given. */
  parseBudget?: ParseBudget;
  log?: (line: string) => void;
}

/**
 * Parsed batches kept for renderers that have not stored them yet, so no file is parsed twice for
 * them; at most this many. A batch every renderer has stored goes at once: 32 batches of a large
 * ingest held some 200 MB, which every garbage collection of main walked again.
 */
const BATCH_CACHE_SIZE = 32;
/**
 * Files come and go in bursts (a copy of many, a sync): the folder's list goes out once one is
 * over. A rename is a removal at once and an addition once the file has been still for the
 * watcher's stability time: waiting longer than that keeps a renamed file from looking gone.
 */
const ANNOUNCE_AFTER_STILL_MS = 500;

/**
 * The Electron-free heart of main: watches the folder, hashes what lands in it,
 * parses each new file once and hands its batch to every connected renderer.
 */
export class PaperdropCore implements SessionHost {
  private folder = '';
  private watcher: FolderWatcher | null = null;
  private readonly filesByPath = new Map<string, FolderFile>();
  private readonly batches = new Map<string, IngestBatch>();
  private readonly sessions = new Set<ClientSession>();
  private readonly queue: SerialQueue;
  private readonly log: (line: string) => void;
  private readonly parse: ParseFile;
  private readonly worker: WorkerParser | null;
  private announcing: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    private readonly options: CoreOptions,
    private readonly settings: SettingsStore,
  ) {
    this.log = options.log ?? ((line) => console.log(line));
    this.worker = options.parseWorker ? createWorkerParser(options.parseWorker, options.parseBudget) : null;
    this.parse = this.worker?.parse ?? createInlineParser();
    this.queue = new SerialQueue((error) => this.onError(error));
  }

  static async start(options: CoreOptions): Promise<PaperdropCore> {
    const settings = new SettingsStore(options.configDir);
    const core = new PaperdropCore(options, settings);
    const remembered = (await settings.load()).folder;
    await core.watch(options.folder ?? remembered ?? defaultInboxFolder());
    return core;
  }

  folderInfo(): FolderInfo {
    return { folder: this.folder, canChooseFolder: this.options.pickFolder !== undefined };
  }

  files(): FolderFile[] {
    return [...this.filesByPath.values()];
  }

  async folderHashes(): Promise<string[]> {
    await this.queue.idle();
    return [...new Set(this.files().map((file) => file.hash))];
  }

  connect(send: SendEvent): ClientSession {
    const session = new ClientSession(this, send);
    this.sessions.add(session);
    return session;
  }

  disconnect(session: ClientSession): void {
    session.close();
    this.sessions.delete(session);
  }

  async batchFor(file: FolderFile): Promise<IngestBatch | null> {
    const cached = this.batches.get(file.hash);
    if (cached) return cached;
    const batch = await readIngestBatch(file, this.parse).catch((error: unknown) => {
      // A read error or a stopped worker may pass (the file is retried later); a parse that failed fails again
      // for the same content, so it is stored as an error naming the file, listed, and not parsed on every connection.
      if (error instanceof ParseInterrupted || (error instanceof Error && 'syscall' in error)) throw error;
      return failedBatch(file.name, file.hash, error instanceof Error ? error.message : String(error), new Date());
    });
    if (!batch) return null;
    for (const error of batch.errors) this.log(`Paperdrop: ${error.file}: ${error.message}`);
    this.batches.set(file.hash, batch);
    if (this.batches.size > BATCH_CACHE_SIZE) this.batches.delete(this.batches.keys().next().value!);
    return batch;
  }

  batchStored(hash: string): void {
    if (![...this.sessions].some((session) => session.mayWant(hash))) this.batches.delete(hash);
  }

  async chooseFolder(): Promise<FolderInfo | null> {
    const picked = await this.options.pickFolder?.();
    if (!picked) return null;
    await this.watch(picked);
    return this.folderInfo();
  }

  addSamples(): Promise<{ copied: string[] }> {
    return copySamples(this.options.samplesDir, this.folder).then((copied) => ({ copied }));
  }

  /** Copies files chosen in the desktop app's file dialog into the folder (see import-paths.ts). */
  importPaths(paths: readonly string[]): Promise<PathImport> {
    return importPaths(paths, this.folder);
  }

  /** Resolves once every file event so far has been hashed and offered. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  async close(): Promise<void> {
    if (this.announcing) clearTimeout(this.announcing);
    for (const session of this.sessions) session.close();
    this.sessions.clear();
    await this.watcher?.close();
    await this.queue.idle();
    await this.worker?.close();
  }

  /** Watches a new folder (creating it), remembers it, and tells every renderer. */
  private async watch(folder: string): Promise<void> {
    const absolute = resolve(folder);
    await mkdir(absolute, { recursive: true });
    await this.watcher?.close();
    this.filesByPath.clear();
    for (const session of this.sessions) session.resetWaiting();
    this.folder = absolute;
    await this.settings.save({ ...(await this.settings.load()), folder: absolute });
    this.watcher = await FolderWatcher.start(
      absolute,
      (path) => this.queue.push(() => this.noticeFile(absolute, path)),
      (path) => this.queue.push(async () => this.noticeGone(absolute, path)),
      (error) => this.onError(error),
      this.options.watcher,
    );
    for (const session of this.sessions) session.sendEvent('folder', this.folderInfo());
    this.log(`Paperdrop: watching ${absolute}`);
  }

  private async noticeFile(folder: string, path: string): Promise<void> {
    if (folder !== this.folder) return;
    const file = await describeFile(folder, path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!file) return;
    const known = this.filesByPath.get(path)?.hash === file.hash;
    this.filesByPath.set(path, file);
    for (const session of this.sessions) session.offer(file);
    if (!known) this.announceFilesSoon();
  }

  private noticeGone(folder: string, path: string): void {
    if (folder !== this.folder || !this.filesByPath.delete(path)) return;
    this.announceFilesSoon();
  }

  /** Tells every renderer which files the folder holds, once a burst of changes is over. */
  private announceFilesSoon(): void {
    if (this.announcing) clearTimeout(this.announcing);
    this.announcing = setTimeout(() => {
      this.announcing = null;
      void this.folderHashes().then((hashes) => {
        for (const session of this.sessions) session.sendEvent('folderFiles', { hashes });
      });
    }, (this.options.watcher?.stableMs ?? DEFAULT_STABLE_MS) + ANNOUNCE_AFTER_STILL_MS);
  }

  onError(error: unknown): void {
    this.log(`Paperdrop: ${error instanceof Error ? error.message : String(error)}`);
  }
}
