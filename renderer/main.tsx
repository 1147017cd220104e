// First, so that the search worker starts before the other modules are evaluated.
import { searchWorker } from './search/early-worker';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectBridge } from './bridge/connect-bridge';
import { PaperdropDatabase } from './db/database';
import { MarkHistory } from './db/mark-history';
import { SearchClient } from './search/search-client';
import { LayoutStore } from './settings/layout-store';
import { SettingsStore } from './settings/settings-store';
import { AppStatusStore } from './sync/app-status';
import { startIngestSync } from './sync/ingest-sync';
import { MarkSets } from './sync/mark-sets';
import { StoredChanges } from './sync/stored-changes';
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

startIngestSync(services.bridge, services.db, services.status, (change) => {
  services.search.index(change.written, change.removed);
  services.changes.publish(change);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={services}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
