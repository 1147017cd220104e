import type { Connection, FolderInfo } from '../../shared/ipc';

export interface AppStatus {
  folder: FolderInfo | null;
  /** Files main has found that this renderer has not stored yet. */
  pending: number;
  connection: Connection;
  /** The last action that failed, for the status line. */
  notice: string | null;
  /** Why the library could not be opened, when it could not (library-open.ts). */
  libraryFailure: string | null;
}

/** The little state that comes from main rather than the database, for useSyncExternalStore. */
export class AppStatusStore {
  private status: AppStatus = { folder: null, pending: 0, connection: 'connected', notice: null, libraryFailure: null };
  private readonly listeners = new Set<() => void>();

  get = (): AppStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<AppStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener();
  }
}
