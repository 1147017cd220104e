import { realpath } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface FolderWatcherOptions {
  /** How long a file's size must stay unchanged before it counts as written. */
  stableMs?: number;
  pollMs?: number;
}

/** How long a file's size must stay unchanged, by default, before it counts as written. */
export const DEFAULT_STABLE_MS = 1000;

/** Names that editors, browsers and sync tools use for files still being written, or hidden. */
const TEMPORARY_NAME = /^\.|^~\$|~$|\.(?:tmp|temp|part|partial|crdownload|download|swp|swx)$/iu;

export function isIgnoredName(name: string): boolean {
  return TEMPORARY_NAME.test(name);
}

/**
 * Watches a folder and its subfolders, and reports each file once its writing has finished:
 * at start for every file already there, then on every add or change; and each file that goes.
 */
export class FolderWatcher {
  private constructor(private readonly watcher: FSWatcher) {}

  static async start(
    folder: string,
    onFile: (path: string) => void,
    onGone: (path: string) => void,
    onError: (error: unknown) => void,
    options: FolderWatcherOptions = {},
  ): Promise<FolderWatcher> {
    // The folder itself may be a link (to a synced folder, say): watch where it leads, report paths under the name given.
    const real = await realpath(folder);
    const named = (path: string) => join(folder, relative(real, path));
    const report = (path: string) => onFile(named(path));
    const watcher = watch(real, {
      ignoreInitial: false,
      ignored: (path) => path !== real && isIgnoredName(basename(path)),
      awaitWriteFinish: { stabilityThreshold: options.stableMs ?? DEFAULT_STABLE_MS, pollInterval: options.pollMs ?? 100 },
      // A link is reported as a file, never descended into: a link to a folder outside would otherwise
      // have its whole tree read and watched. describeFile follows a link to a file inside the folder,
      // and lists any other link as an error saying why it is not read.
      followSymlinks: false,
    });
    watcher.on('add', report);
    watcher.on('change', report);
    watcher.on('unlink', (path) => onGone(named(path)));
    watcher.on('error', onError);
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    return new FolderWatcher(watcher);
  }

  close(): Promise<void> {
    return this.watcher.close();
  }
}
