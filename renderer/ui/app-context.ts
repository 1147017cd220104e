import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Bridge } from '../../shared/ipc';
import type { PaperdropDatabase } from '../db/database';
import type { MarkHistory } from '../db/mark-history';
import type { SearchClient } from '../search/search-client';
import type { Layout, LayoutStore } from '../settings/layout-store';
import type { Settings, SettingsStore } from '../settings/settings-store';
import type { AppStatus, AppStatusStore } from '../sync/app-status';
import type { MarkSets, MarkSnapshot } from '../sync/mark-sets';
import type { StoredChanges } from '../sync/stored-changes';

export interface AppServices {
  bridge: Bridge;
  db: PaperdropDatabase;
  /** The one writer of read and star marks, with undo. */
  marks: MarkHistory;
  /** Every paper's read and star marks, in memory. */
  markSets: MarkSets;
  search: SearchClient;
  settings: SettingsStore;
  /** Pane widths and open sidebar sections, for this device only: not in backups. */
  layout: LayoutStore;
  status: AppStatusStore;
  changes: StoredChanges;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices outside AppContext');
  return services;
}

export function useAppStatus(): AppStatus {
  const { status } = useServices();
  return useSyncExternalStore(status.subscribe, status.get);
}

export function useSettings(): Settings {
  const { settings } = useServices();
  return useSyncExternalStore(settings.subscribe, settings.get);
}

export function useLayout(): Layout {
  const { layout } = useServices();
  return useSyncExternalStore(layout.subscribe, layout.get);
}

/** The read and starred papers; undefined until first read. */
export function useMarkSets(): MarkSnapshot | undefined {
  const { markSets } = useServices();
  return useSyncExternalStore(markSets.subscribe, markSets.get);
}
