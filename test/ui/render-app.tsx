import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, vi } from 'vitest';
import { PaperdropDatabase } from '../../renderer/db/database';
import { MarkHistory } from '../../renderer/db/mark-history';
import { storeBatch } from '../../renderer/db/library-writer';
import type { SearchClient } from '../../renderer/search/search-client';
import { LayoutStore } from '../../renderer/settings/layout-store';
import { SettingsStore } from '../../renderer/settings/settings-store';
import { AppStatusStore } from '../../renderer/sync/app-status';
import { MarkSets } from '../../renderer/sync/mark-sets';
import { StoredChanges } from '../../renderer/sync/stored-changes';
import { App } from '../../renderer/ui/App';
import { AppContext, type AppServices } from '../../renderer/ui/app-context';
import type { Bridge } from '../../shared/ipc';
import type { IngestBatch } from '../../shared/paper';
import { parseFile } from '../parse-file';
import { SEED_FILES, SEEDS_DIR } from '../shared-paths';
import { idsBySortKeyDescending, paperCount } from '../stored-papers';

/** The first seed file: a Hugging Face papers page saved as text, 60 papers. */
export const SEED = SEEDS_DIR + SEED_FILES[0];

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has <dialog> but not its modal API; the end-to-end test opens the real one in Chromium.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

// jsdom lays nothing out: the list's scroller reports a screenful, so that its first rows render.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('paper-list') ? 900 : 0;
  },
});

// Searching runs in a Web Worker, which jsdom lacks; these tests type no query.
const INDEXED = { indexed: 0, total: 0, ready: true };
const noSearch = {
  ask: () => undefined,
  getAnswer: () => null,
  subscribeAnswer: () => () => undefined,
  index: () => undefined,
  getProgress: () => INDEXED,
  untilAnswered: () => null,
  subscribeProgress: () => () => undefined,
} as unknown as SearchClient;

let root: Root | null = null;
let db: PaperdropDatabase | null = null;
let mounted: AppServices | null = null;
afterEach(async () => {
  act(() => root?.unmount());
  mounted?.markSets.close();
  root = null;
  await db?.delete();
  document.body.innerHTML = '';
});

/** The whole App on a fresh database holding the given batches (the seed listing's unless told), once their papers are counted. */
export async function renderLibrary(batches: readonly IngestBatch[] = [parseFile(SEED)]): Promise<{ db: PaperdropDatabase; newestFirst: string[]; services: AppServices }> {
  db = new PaperdropDatabase(`ui-${Math.random()}`);
  for (const batch of batches) await storeBatch(db, batch);
  const papers = String(await paperCount(db));
  const changes = new StoredChanges();
  const markSets = new MarkSets(db, changes);
  const services: AppServices = {
    bridge: { invoke: async () => null, on: () => () => undefined, onConnectionChange: () => () => undefined } as unknown as Bridge,
    db,
    marks: new MarkHistory(db, markSets),
    markSets,
    search: noSearch,
    settings: new SettingsStore({ getItem: () => null, setItem: () => undefined }),
    layout: new LayoutStore({ getItem: () => null, setItem: () => undefined }),
    status: new AppStatusStore(),
    changes,
  };
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root!.render(
      <AppContext.Provider value={services}>
        <App />
      </AppContext.Provider>,
    ),
  );
  await vi.waitFor(() => expect(document.querySelector('[data-testid="count-all"]')?.textContent).toBe(papers));
  const newestFirst = await idsBySortKeyDescending(db);
  mounted = services;
  return { db, newestFirst, services };
}

export function press(key: string, shiftKey = false): void {
  act(() => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }));
  });
}
