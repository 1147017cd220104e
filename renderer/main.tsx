// First, so that the search worker starts before the other modules are evaluated.
import { searchWorker } from './search/early-worker';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBridge } from './bridge/connect-bridge';
import { PaperdropDatabase } from './db/database';
import type { StoredChange } from './db/records';
import { MarkHistory } from './db/mark-history';
import { SearchClient } from './search/search-client';
import { LayoutStore } from './settings/layout-store';
import { SettingsStore } from './settings/settings-store';
import { AppStatusStore } from './sync/app-status';
import { openLibrary } from './sync/library-open';
import { startIngestSync } from './sync/ingest-sync';
import { MarkSets } from './sync/mark-sets';
import { OtherTabs } from './sync/other-tabs';
import { StoredChanges } from './sync/stored-changes';
import { electWriter } from './sync/writer-election';
import { App } from './ui/App';
import { AppContext, type AppServices } from './ui/app-context';
import './ui/styles.css';

const db = new PaperdropDatabase();
const changes = new StoredChanges();
const markSets = new MarkSets(db, changes);
const services: AppServices = {
  bridge: connectBridge(),
  db,
  marks: new MarkHistory(db, markSets),
  markSets,
  search: new SearchClient(searchWorker),
  settings: new SettingsStore(),
  layout: new LayoutStore(),
  status: new AppStatusStore(),
  changes,
};

void openLibrary(db, services.status);

const followChange = (change: StoredChange) => {
  services.search.index(change.written, change.removed);
  services.changes.publish(change);
};
const otherTabs = new OtherTabs();
const sync = startIngestSync(services.bridge, services.db, services.status, (change) => {
  followChange(change);
  otherTabs.tell(change);
});
otherTabs.follow(services.db, followChange);
electWriter((writes) => {
  services.search.setSaving(writes);
  sync.storeBatches(writes);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={services}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
